import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { datum, euro, moment } from "../components/format";
import { StatusLabel } from "../components/ui";
import { mijnAanbiedingen } from "../domain/aanbiedingen.server";
import { leesHulpvraag } from "../domain/hulpvragen.server";
import { useLive } from "../../realtime/useLive";

export const meta: MetaFunction = () => [{ title: "Mijn aanbiedingen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const aanbiedingen = await mijnAanbiedingen(actor);
  // Where each request is, so the list reads as more than ids; a request out of reach shows without it.
  const plaatsen = new Map(await Promise.all([...new Set(aanbiedingen.map((a) => a.hulpvraagId))].map(async (id) => {
    const h = await leesHulpvraag(actor, id).catch(() => null);
    return [id, h ? `${h.regio}, ${h.gemeente}` : null] as const;
  })));
  return json({ aanbiedingen: aanbiedingen.map((a) => ({ ...a, plaats: plaatsen.get(a.hulpvraagId) ?? null })) });
}

export default function MijnAanbiedingen() {
  const { aanbiedingen } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  useLive((e) => {
    if (e.type.startsWith("offer:") || e.type.startsWith("request:")) revalidator.revalidate();
  });

  return (
    <>
      <h1 className="utrecht-heading-1">Mijn aanbiedingen</h1>
      {aanbiedingen.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">U heeft nog geen aanbiedingen gedaan. <Link className="utrecht-link" to="/aanbieder">Bekijk de open hulpvragen</Link>.</p>
      ) : (
        <div className="zv-tabel-scroll" aria-live="polite">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption">Uw aanbiedingen en die van uw consortia, de laatst gewijzigde eerst</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">Hulpvraag</th>
                <th className="utrecht-table__header-cell" scope="col">Status</th>
                <th className="utrecht-table__header-cell" scope="col">Bieder</th>
                <th className="utrecht-table__header-cell" scope="col">Prijs per maand</th>
                <th className="utrecht-table__header-cell" scope="col">Periode</th>
                <th className="utrecht-table__header-cell" scope="col">Versie</th>
                <th className="utrecht-table__header-cell" scope="col">Gewijzigd</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {aanbiedingen.map((a) => (
                <tr key={a.id} className="utrecht-table__row" data-testid={`aanbieding-${a.id}`}>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/aanbieder/hulpvragen/${a.hulpvraagId}?aanbieding=${a.id}`}>{a.plaats ?? a.hulpvraagId}</Link>
                  </td>
                  <td className="utrecht-table__cell"><StatusLabel status={a.status} /></td>
                  <td className="utrecht-table__cell">{a.consortiumNaam ? `Consortium ${a.consortiumNaam}` : a.aanbiederNaam}</td>
                  <td className="utrecht-table__cell">{euro(a.prijsPerMaandCent)}</td>
                  <td className="utrecht-table__cell">{datum(a.startdatum)} tot en met {datum(a.einddatum)}</td>
                  <td className="utrecht-table__cell">{a.versie}</td>
                  <td className="utrecht-table__cell">{moment(a.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
