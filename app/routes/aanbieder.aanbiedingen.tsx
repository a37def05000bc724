import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { datum, euro, moment } from "../format/nl";
import { Tabel } from "../components/Tabel";
import { StatusLabel } from "../components/ui";
import { mijnAanbiedingen } from "../domain/aanbiedingen.server";
import { leesHulpvraag } from "../domain/hulpvragen.server";
import { useLive } from "../../realtime/useLive";

export const meta: MetaFunction = () => [{ title: "Mijn aanbiedingen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const aanbiedingen = await mijnAanbiedingen(actor);
  // Where each request is, so the list reads as more than ids; a request out of reach shows without it.
  const plaatsen = new Map(
    await Promise.all(
      [...new Set(aanbiedingen.map((a) => a.hulpvraagId))].map(async (id) => {
        const h = await leesHulpvraag(actor, id).catch(() => null);
        return [id, h ? `${h.regio}, ${h.gemeente}` : null] as const;
      }),
    ),
  );
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
      <div aria-live="polite">
        <Tabel
          bijschrift="Uw aanbiedingen en die van uw consortia, de laatst gewijzigde eerst"
          kolommen={["Hulpvraag", "Status", "Bieder", "Prijs per maand", "Periode", "Versie", "Gewijzigd"]}
          leeg="U heeft nog geen aanbiedingen gedaan. Kijk bij Open hulpvragen waarop u kunt reageren."
          rijen={aanbiedingen.map((a) => ({
            sleutel: a.id,
            testId: `aanbieding-${a.id}`,
            cellen: [
              <Link
                key="link"
                className="utrecht-link"
                to={`/aanbieder/hulpvragen/${a.hulpvraagId}?aanbieding=${a.id}`}
              >
                {a.plaats ?? a.hulpvraagId}
              </Link>,
              <span key="status">
                <StatusLabel status={a.status} />
                {a.uitkomstMotivatie ? (
                  <span className="zv-meta"> Motivatie van de gemeente: “{a.uitkomstMotivatie}”</span>
                ) : null}
              </span>,
              a.consortiumNaam ? `Consortium ${a.consortiumNaam}` : a.aanbiederNaam,
              euro(a.prijsPerMaandCent),
              `${datum(a.startdatum)} tot en met ${datum(a.einddatum)}`,
              a.versie,
              moment(a.updatedAt),
            ],
          }))}
        />
      </div>
    </>
  );
}
