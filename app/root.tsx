import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import tokens from "@utrecht/design-tokens/dist/index.css";
import componenten from "@utrecht/component-library-css/dist/index.css";
import appCss from "./styles/app.css";
import { organisatieVan } from "./domain/organisaties.server";
import { huidigeSeqs } from "./domain/live.server";
import { feedsVoorActor } from "../realtime/rooms";
import { LiveProvider, useLiveStatus } from "../realtime/useLive";
import type { Rol } from "./domain/actor";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: tokens },
  { rel: "stylesheet", href: componenten },
  { rel: "stylesheet", href: appCss },
];

export const meta: MetaFunction = () => [{ title: "Zorgveiling" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const actor = context.actor;
  const feeds = actor ? await huidigeSeqs(feedsVoorActor(actor)) : {};
  if (actor?.soort === "gebruiker") {
    const organisatie = await organisatieVan(actor);
    return json({
      wie: { soort: "gebruiker" as const, naam: actor.naam, rol: actor.rol, organisatie: organisatie?.naam ?? null },
      feeds,
      nonce: context.nonce,
    });
  }
  if (actor?.soort === "client")
    return json({
      wie: { soort: "client" as const, naam: "Cliënt", rol: "client" as const, organisatie: null },
      feeds,
      nonce: context.nonce,
    });
  return json({ wie: null, feeds, nonce: context.nonce });
}

const NAVIGATIE: Record<Rol | "client", { naar: string; tekst: string }[]> = {
  consulent: [
    { naar: "/consulent", tekst: "Hulpvragen" },
    { naar: "/consulent/clienten", tekst: "Cliënten" },
    { naar: "/consulent/nieuw", tekst: "Nieuwe hulpvraag" },
    { naar: "/consulent/agenda", tekst: "Agenda" },
  ],
  aanbieder: [
    { naar: "/aanbieder", tekst: "Open hulpvragen" },
    { naar: "/aanbieder/aanbiedingen", tekst: "Mijn aanbiedingen" },
    { naar: "/aanbieder/meldingen", tekst: "E-mail en agenda" },
    { naar: "/organisatie/personeel", tekst: "Personeelsplafond" },
    { naar: "/aanbieder/resultaten", tekst: "Resultaten" },
  ],
  beheerder: [
    { naar: "/beheer", tekst: "Overzicht" },
    { naar: "/beheer/aanbieders", tekst: "Aanbieders" },
    { naar: "/beheer/contracten", tekst: "Contracten" },
    { naar: "/beheer/productcodes", tekst: "Productcodes" },
    { naar: "/beheer/regelboek", tekst: "Regelboek" },
    { naar: "/beheer/gedragscode", tekst: "Gedragscode" },
    { naar: "/beheer/personeel", tekst: "Personeel" },
    { naar: "/beheer/gebruikers", tekst: "Gebruikers" },
    { naar: "/beheer/berichten", tekst: "Verzonden berichten" },
  ],
  toezichthouder: [
    { naar: "/toezicht", tekst: "Cijfers" },
    { naar: "/toezicht/audit", tekst: "Audittrail" },
    { naar: "/toezicht/gedragscode", tekst: "Gedragscode" },
    { naar: "/toezicht/jaarverslag", tekst: "Jaarverslag" },
    { naar: "/toezicht/personeel", tekst: "Personeel" },
    { naar: "/toezicht/resultaten", tekst: "Resultaten" },
  ],
  "aanbieder-beheerder": [
    { naar: "/organisatie", tekst: "Accounts van uw organisatie" },
    { naar: "/organisatie/gedragscodes", tekst: "Gedragscodes" },
    { naar: "/organisatie/personeel", tekst: "Personeel" },
  ],
  client: [{ naar: "/client", tekst: "Uw hulpvraag" }],
};

const ROLNAAM: Record<string, string> = {
  consulent: "Wmo-consulent",
  aanbieder: "Aanbieder",
  beheerder: "Beheerder",
  toezichthouder: "Toezichthouder",
  "aanbieder-beheerder": "Beheerder van de aanbieder",
  client: "Cliënt",
};

function LiveIndicator() {
  const status = useLiveStatus();
  const tekst = {
    uit: "Live: uit",
    verbinden: "Live: verbinden…",
    verbonden: "Live: verbonden",
    verbroken: "Live: verbinding verbroken",
  }[status];
  return (
    <span className="zv-live" data-status={status} data-testid="live-status" role="status" aria-live="polite">
      <span className="zv-live__stip" aria-hidden="true" />
      {tekst}
    </span>
  );
}

function Kop({ wie }: { wie: ReturnType<typeof useLoaderData<typeof loader>>["wie"] }) {
  return (
    <header className="zv-header utrecht-page-header">
      <div className="zv-container zv-header__rij">
        <Link to="/" className="zv-logo">
          Zorgveiling
        </Link>
        {wie ? (
          <div className="zv-wie">
            <span data-testid="wie">
              {wie.soort === "client" ? (
                <>
                  U bekijkt <strong>uw hulpvraag</strong> met een uitnodiging
                </>
              ) : (
                <>
                  <strong>{wie.naam}</strong>, {ROLNAAM[wie.rol]}
                  {wie.organisatie ? (
                    <>
                      {" "}
                      bij <strong>{wie.organisatie}</strong>
                    </>
                  ) : null}
                </>
              )}
            </span>
            <LiveIndicator />
            {wie.soort === "gebruiker" ? (
              <>
                <Form method="post" action="/uitloggen">
                  <button type="submit" className="utrecht-button utrecht-button--subtle">
                    Uitloggen
                  </button>
                </Form>
                <Link to="/uitloggen" className="utrecht-link">
                  Overal afmelden…
                </Link>
              </>
            ) : (
              <Form method="post" action="/client">
                <input type="hidden" name="intent" value="afsluiten" />
                <button type="submit" className="utrecht-button utrecht-button--subtle">
                  Afsluiten
                </button>
              </Form>
            )}
          </div>
        ) : (
          <Link to="/inloggen" className="utrecht-link">
            Inloggen
          </Link>
        )}
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const wie = data?.wie ?? null;
  const nonce = data?.nonce;
  const menu = wie ? NAVIGATIE[wie.rol] : [];
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-theme utrecht-body">
        <a className="zv-skip" href="#inhoud">
          Naar de inhoud
        </a>
        <LiveProvider actief={Boolean(wie)} feeds={data?.feeds ?? {}}>
          <Kop wie={wie} />
          {menu.length ? (
            <nav className="zv-nav" aria-label="Hoofdmenu">
              <ul className="zv-container">
                {menu.map((m) => (
                  <li key={m.naar}>
                    <NavLink to={m.naar} end className="utrecht-link">
                      {m.tekst}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <main id="inhoud" tabIndex={-1} className="zv-container">
            {children}
          </main>
          <footer className="zv-footer">
            <div className="zv-container">
              Zorgveiling — vraaggericht inkopen van Wmo-ondersteuning.{" "}
              <Link className="utrecht-link" to="/toegankelijkheid">
                Toegankelijkheid
              </Link>
            </div>
          </footer>
        </LiveProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const fout = useRouteError();
  const status = isRouteErrorResponse(fout) ? fout.status : 500;
  const titel = status === 404 ? "Pagina niet gevonden" : status === 403 ? "Geen toegang" : "Er ging iets mis";
  const uitleg =
    status === 404
      ? "Deze pagina bestaat niet, of u heeft er geen toegang toe."
      : status === 403
        ? "Deze pagina is niet bedoeld voor uw rol. Ga naar uw startpagina."
        : "Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw. Blijft het misgaan, neem dan contact op met de functioneel beheerder van uw gemeente.";
  return (
    <section aria-labelledby="fout-titel">
      <h1 id="fout-titel" className="utrecht-heading-1">
        {titel}
      </h1>
      <p className="utrecht-paragraph">{uitleg}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          Naar de startpagina
        </Link>
      </p>
    </section>
  );
}
