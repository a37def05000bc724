import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useState } from "react";
import { vereisGebruiker } from "../auth/guards.server";
import { Aftellen } from "../components/Aftellen";
import { categorieTekst, resultaatTekst, urgentieTekst } from "../components/catalogus-tekst";
import { aantal, datum, moment } from "../format/nl";
import { Melding, StatusLabel } from "../components/ui";
import { mijnAanbiedingen } from "../domain/aanbiedingen.server";
import { eenWerkdagVoor } from "../domain/deadline";
import { lijstHulpvragen } from "../domain/hulpvragen.server";
import type { HulpvraagVoorAanbieder } from "../domain/hulpvraag-weergave";
import { useLive } from "../../realtime/useLive";

export const meta: MetaFunction = () => [{ title: "Open hulpvragen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const [{ items }, aanbiedingen] = await Promise.all([lijstHulpvragen(actor), mijnAanbiedingen(actor)]);
  const nu = new Date();
  const ingediend = new Set(aanbiedingen.filter((a) => a.status === "ingediend").map((a) => a.hulpvraagId));
  return json({
    nu: nu.getTime(),
    hulpvragen: items.map((h) => ({
      ...h,
      ingediend: ingediend.has(h.id),
      // The same moment the server's reminder uses: one working day before the deadline.
      herinnering: !ingediend.has(h.id) && nu >= eenWerkdagVoor(new Date(h.deadline)),
    })),
  });
}

type Herinnering = HulpvraagVoorAanbieder;

export default function OpenHulpvragen() {
  const { hulpvragen, nu } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const [herinneringen, setHerinneringen] = useState<Herinnering[]>([]);

  useLive((e) => {
    if (e.type === "request:reminder") {
      const h = e.payload.hulpvraag;
      setHerinneringen((lijst) => (lijst.some((x) => x.id === h.id) ? lijst : [...lijst, h]));
    }
    if (e.type.startsWith("request:") || e.type.startsWith("offer:")) revalidator.revalidate();
  });

  return (
    <>
      <h1 className="utrecht-heading-1">Open hulpvragen</h1>
      <p className="utrecht-paragraph">
        Hulpvragen uit gemeenten waar u een contract heeft voor een gevraagde productcategorie. Nieuwe hulpvragen
        verschijnen hier vanzelf.
      </p>
      <div aria-live="polite" data-testid="herinneringen">
        {herinneringen.map((h) => (
          <Melding key={h.id} soort="warning" titel={`Nog één werkdag voor hulpvraag in ${h.regio} (${h.gemeente})`}>
            <p className="utrecht-paragraph">
              Reageren kan tot {moment(h.deadline)}.{" "}
              <Link className="utrecht-link" to={`/aanbieder/hulpvragen/${h.id}`}>
                Naar de hulpvraag
              </Link>
            </p>
          </Melding>
        ))}
      </div>
      {hulpvragen.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">Er staan nu geen hulpvragen open waarop u kunt reageren.</p>
      ) : (
        <ul className="zv-kaarten" aria-label="Open hulpvragen">
          {hulpvragen.map((h) => (
            <li key={h.id} className="zv-kaart" data-testid={`hulpvraag-${h.id}`}>
              <h2 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/aanbieder/hulpvragen/${h.id}`}>
                  Hulpvraag in {h.regio}, {h.gemeente}
                </Link>
              </h2>
              <p className="utrecht-paragraph">
                {h.urgentie === "spoed" ? <strong>Spoed</strong> : urgentieTekst(h.urgentie)}, {h.leeftijdsklasse} jaar
              </p>
              <dl className="zv-kenmerken">
                <dt>Resultaten</dt>
                <dd>{h.resultaten.map((r) => resultaatTekst(r.code)).join("; ")}</dd>
                <dt>Productcategorieën</dt>
                <dd>{h.productcategorieen.map(categorieTekst).join("; ")}</dd>
                <dt>Start en duur</dt>
                <dd>
                  Vanaf {datum(h.startdatum)}, {aantal(h.duurMaanden, "maand", "maanden")}
                </dd>
                <dt>Reageren kan nog</dt>
                <dd>
                  <Aftellen deadline={h.deadline} nu={nu} />
                </dd>
                <dt>Uw aanbieding</dt>
                <dd>{h.ingediend ? <StatusLabel status="ingediend" /> : "Nog niet ingediend"}</dd>
              </dl>
              {h.herinnering ? (
                <p className="utrecht-paragraph">
                  <strong>Let op:</strong> deze hulpvraag sluit binnen één werkdag.
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
