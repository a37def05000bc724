import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
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
import { sorteerVolgensUrl } from "../format/sorteren";

// The cards sort like the tables (?sorteer=<kolom>:op|af), chosen with a small GET form.
const SORTEER = { deadline: "Reactietermijn", startdatum: "Startdatum", regio: "Regio", gemeente: "Gemeente" } as const;

export const meta: MetaFunction = () => [{ title: "Open hulpvragen — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const [{ items }, aanbiedingen] = await Promise.all([lijstHulpvragen(actor), mijnAanbiedingen(actor)]);
  const nu = new Date();
  const ingediend = new Set(aanbiedingen.filter((a) => a.status === "ingediend").map((a) => a.hulpvraagId));
  const { rijen, sortering } = sorteerVolgensUrl(
    request.url,
    "sorteer",
    Object.keys(SORTEER),
    items,
    (h, k) => h[k as keyof typeof SORTEER],
  );
  return json({
    nu: nu.getTime(),
    sortering,
    hulpvragen: rijen.map((h) => ({
      ...h,
      ingediend: ingediend.has(h.id),
      // The same moment the server's reminder uses: one working day before the deadline.
      herinnering: !ingediend.has(h.id) && nu >= eenWerkdagVoor(new Date(h.deadline)),
    })),
  });
}

type Herinnering = HulpvraagVoorAanbieder;

export default function OpenHulpvragen() {
  const { hulpvragen, nu, sortering } = useLoaderData<typeof loader>();
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
      {hulpvragen.length > 1 ? (
        <Form method="get" className="zv-rij" preventScrollReset>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="sorteer">
              Sorteer op
            </label>
            <select
              className="utrecht-select utrecht-select--html-select"
              id="sorteer"
              name="sorteer"
              defaultValue={sortering ? `${sortering.kolom}:${sortering.richting}` : ""}
            >
              <option value="">Eerst sluitend (standaard)</option>
              {Object.entries(SORTEER).flatMap(([k, tekst]) => [
                <option key={`${k}:op`} value={`${k}:op`}>{`${tekst}, oplopend`}</option>,
                <option key={`${k}:af`} value={`${k}:af`}>{`${tekst}, aflopend`}</option>,
              ])}
            </select>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Sorteren
          </button>
        </Form>
      ) : null}
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
