import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { achterstalligeBerichten } from "../domain/iwmo/termijnen.server";
import { TeLateBerichten } from "../components/TeLateBerichten";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { HULPVRAAG_STATUSSEN } from "../../db/schema/markt";
import { consulentLijst, SORTEER_HULPVRAGEN } from "../http/hulpvragenlijst.server";
import { checksDieWachten } from "../domain/resultaatcheck.server";
import { URGENTIES } from "../schemas/catalogus";
import { resultaatTekst } from "../components/catalogus-tekst";
import { Aftellen } from "../components/Aftellen";
import { Tabel } from "../components/Tabel";
import { moment } from "../format/nl";
import { StatusLabel, statusTekst } from "../components/ui";
import { useLive } from "../../realtime/useLive";
import consulentCss from "../styles/consulent.css";

export const meta: MetaFunction = () => [{ title: "Hulpvragen — Zorgveiling" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consulentCss }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const zoekparams = new URL(request.url).searchParams;
  const [lijst, teLaat, checks] = await Promise.all([
    consulentLijst(consulent, zoekparams),
    achterstalligeBerichten(consulent),
    checksDieWachten(consulent),
  ]);
  // The sort keys travel with the data: the module that defines them is server-only.
  return json({
    ...lijst,
    sorteerKolommen: SORTEER_HULPVRAGEN,
    zoekparams: Object.fromEntries(zoekparams),
    nu: Date.now(),
    teLaat,
    checks,
  });
}

const filterUrl = (status: string | null, zoek: string) => {
  const p = new URLSearchParams();
  if (status) p.set("status", status);
  if (zoek) p.set("zoek", zoek);
  const q = p.toString();
  return q ? `/consulent?${q}` : "/consulent";
};

export default function Hulpvragen() {
  const { items, tellingen, status, zoek, nu, sortering, sorteerKolommen, zoekparams, teLaat, checks } =
    useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // Any change to a request or its offers in this gemeente: read the list again.
  useLive((e) => {
    if (e.type.startsWith("request:") || e.type.startsWith("offer:")) revalidator.revalidate();
  });
  const totaal = Object.values(tellingen).reduce<number>((s, n) => s + (n ?? 0), 0);
  const tabs = [
    { status: null, tekst: "Alle", aantal: totaal },
    ...HULPVRAAG_STATUSSEN.map((s) => ({ status: s, tekst: statusTekst(s), aantal: tellingen[s] ?? 0 })),
  ];

  return (
    <section aria-labelledby="titel">
      <h1 id="titel" className="utrecht-heading-1">
        Hulpvragen
      </h1>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/consulent/nieuw">
          Nieuwe hulpvraag
        </Link>
      </p>
      {checks.length ? (
        <section aria-labelledby="checks-wachten" data-testid="checks-wachten">
          <h2 id="checks-wachten" className="utrecht-heading-2">
            Resultaatchecks die op u wachten
          </h2>
          <ul>
            {checks.map((c) => (
              <li key={`${c.hulpvraagId}-${c.maanden}`}>
                <Link className="utrecht-link" to={`/consulent/hulpvragen/${c.hulpvraagId}/resultaten`}>
                  Hulpvraag {c.hulpvraagId}, check na {c.maanden} maanden
                </Link>
                : {c.wacht === "code" ? "geef de cliënt de code" : "de cliënt antwoordde, leg uw oordeel vast"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {teLaat.length ? <TeLateBerichten items={teLaat} metLink /> : null}

      <nav aria-label="Filter op status" className="zv-tabs">
        <ul>
          {tabs.map((t) => (
            <li key={t.status ?? "alle"}>
              <Link
                className="utrecht-link"
                to={filterUrl(t.status, zoek)}
                aria-current={t.status === status ? "page" : undefined}
                data-testid={`telling-${t.status ?? "alle"}`}
              >
                {t.tekst} <span className="zv-telling">({t.aantal})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" role="search" className="zv-rij zv-zoek">
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="zoek">
            Zoek op cliënt, regio, nummer of toelichting
          </label>
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            type="search"
            id="zoek"
            name="zoek"
            defaultValue={zoek}
            key={zoek}
          />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Zoeken
        </button>
        {zoek ? (
          <Link className="utrecht-link" to={filterUrl(status, "")}>
            Zoekopdracht wissen
          </Link>
        ) : null}
      </Form>
      <p className="utrecht-paragraph">
        <a
          className="utrecht-link"
          href={`/consulent/hulpvragen.csv${Object.keys(zoekparams).length ? `?${new URLSearchParams(zoekparams)}` : ""}`}
          download
        >
          Deze lijst downloaden (CSV)
        </a>
      </p>

      <Tabel
        testId="hulpvragen"
        bijschrift={`${status ? `Hulpvragen met status ${statusTekst(status)}` : "Alle hulpvragen"} (${items.length})`}
        kolommen={["Hulpvraag", "Cliënt", "Status", "Urgentie", "Reactietermijn", "Aanbiedingen"]}
        sorteren={{ param: "sorteer", kolommen: [...sorteerKolommen], huidig: sortering, behoud: zoekparams }}
        leeg={
          zoek || status
            ? "Geen hulpvragen gevonden met deze selectie."
            : "Er zijn nog geen hulpvragen. Begin met een nieuwe hulpvraag na het keukentafelgesprek."
        }
        rijen={items.map((h) => ({
          sleutel: h.id,
          cellen: [
            <>
              <Link className="utrecht-link" to={`/consulent/hulpvragen/${h.id}`}>
                {h.resultaten.map((r) => resultaatTekst(r.code)).join(", ")}
              </Link>
              <div className="zv-meta">
                {h.id}, regio {h.regio}
              </div>
            </>,
            h.clientNaam,
            <StatusLabel key="status" status={h.status} />,
            URGENTIES[h.urgentie],
            h.status === "open" ? (
              <Aftellen deadline={h.deadline} nu={nu} />
            ) : h.status === "concept" ? (
              "Nog niet gepubliceerd"
            ) : (
              moment(h.deadline)
            ),
            h.status === "concept" ? "geen" : h.aantalAanbiedingen,
          ],
        }))}
      />
    </section>
  );
}
