import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { registreerClient, zoekClienten } from "../domain/clienten.server";
import { metWaarden, naar, verwerk } from "../http/formulier.server";
import { ClientSchema } from "../schemas/hulpvraag";
import { getypteWaarden } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";
import { foutenVoor } from "../components/fouten";
import { datum } from "../format/nl";
import { Tabel } from "../components/Tabel";
import { Knop, Melding, Veld } from "../components/ui";
import { Keuzelijst } from "../components/keuzes";
import consulentCss from "../styles/consulent.css";

export const meta: MetaFunction = () => [{ title: "Cliënten — Zorgveiling" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consulentCss }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const zoek = new URL(request.url).searchParams.get("zoek")?.slice(0, 100) ?? "";
  return json({ clienten: await zoekClienten(consulent, zoek), zoek });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const formulier = await request.formData();
  const fout = await verwerk(async () => {
    const { id } = await registreerClient(consulent, parseInvoer(ClientSchema, Object.fromEntries(formulier)));
    throw naar(`/consulent/clienten?nieuw=${id}`, "De cliënt is geregistreerd.");
  });
  return metWaarden(fout, getypteWaarden(formulier));
}

type VeldDef = {
  naam: string;
  label: string;
  uitleg?: string;
  autoComplete?: string;
  inputMode?: "numeric";
  type?: string;
  required?: boolean;
  opties?: [string, string][];
};

// Name and address in parts, as the gemeente's WMO301 sends them (iWmo), besides the name people read.
const VELDEN: VeldDef[] = [
  { naam: "naam", label: "Naam", autoComplete: "off", uitleg: "De volledige naam zoals u die leest en aanspreekt." },
  { naam: "voorletters", label: "Voorletters", uitleg: "Zonder punten, bijvoorbeeld GH." },
  { naam: "voorvoegsel", label: "Voorvoegsel (niet verplicht)", uitleg: "Bijvoorbeeld van der." },
  { naam: "achternaam", label: "Achternaam", required: true, uitleg: "Zonder voorvoegsel." },
  {
    naam: "geslacht",
    label: "Geslacht",
    opties: [
      ["0", "Onbekend"],
      ["1", "Man"],
      ["2", "Vrouw"],
    ],
  },
  {
    naam: "bsn",
    label: "BSN",
    inputMode: "numeric" as const,
    uitleg: "9 cijfers. Het nummer wordt gecontroleerd met de 11-proef.",
  },
  { naam: "straat", label: "Straat" },
  { naam: "huisnummer", label: "Huisnummer", inputMode: "numeric", uitleg: "Alleen het nummer." },
  { naam: "huisletter", label: "Huisletter (niet verplicht)" },
  { naam: "huisnummertoevoeging", label: "Huisnummertoevoeging (niet verplicht)" },
  { naam: "postcode", label: "Postcode", uitleg: "Bijvoorbeeld 7101 AB." },
  { naam: "woonplaats", label: "Woonplaats" },
  { naam: "geboortedatum", label: "Geboortedatum", type: "date" },
  { naam: "telefoon", label: "Telefoonnummer (niet verplicht)", type: "tel" },
  { naam: "email", label: "E-mailadres (niet verplicht)", type: "email" },
];

export default function Clienten() {
  const { clienten, zoek } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const [params] = useSearchParams();
  const bezig = useNavigation().state === "submitting";
  const nieuw = params.get("nieuw");
  return (
    <section aria-labelledby="titel" className="zv-secties">
      <h1 id="titel" className="utrecht-heading-1">
        Cliënten
      </h1>
      <p className="utrecht-paragraph">
        Het cliëntregister is beschermd: alleen medewerkers van uw gemeente kunnen het lezen. Aanbieders zien deze
        gegevens nooit.
      </p>
      {nieuw && params.get("melding") ? (
        <Melding soort="ok" titel={params.get("melding")!}>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/consulent/nieuw?client=${encodeURIComponent(nieuw)}`}>
              Nieuwe hulpvraag voor deze cliënt
            </Link>
          </p>
        </Melding>
      ) : null}

      <section aria-labelledby="registreren">
        <h2 id="registreren" className="utrecht-heading-2">
          Cliënt registreren
        </h2>
        {uitkomst ? <Melding soort="error">{<p className="utrecht-paragraph">{uitkomst.melding}</p>}</Melding> : null}
        <Form method="post" noValidate style={{ maxWidth: "36rem" }}>
          {VELDEN.map(({ naam, opties, ...rest }) =>
            opties ? (
              <Veld key={naam} naam={naam} label={rest.label} fout={foutenVoor(uitkomst, naam)}>
                {(p) => <Keuzelijst {...p} opties={opties} defaultValue={String(uitkomst?.waarden[naam] ?? "0")} />}
              </Veld>
            ) : (
              <Veld
                key={naam}
                naam={naam}
                {...rest}
                fout={foutenVoor(uitkomst, naam)}
                defaultValue={String(uitkomst?.waarden[naam] ?? "")}
              />
            ),
          )}
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig met registreren…" : "Cliënt registreren"}
          </Knop>
        </Form>
      </section>

      <section aria-labelledby="lijst">
        <h2 id="lijst" className="utrecht-heading-2">
          Geregistreerde cliënten
        </h2>
        <Form method="get" role="search" className="zv-rij" style={{ marginBottom: "1rem" }}>
          <div className="utrecht-form-field" style={{ marginBottom: 0 }}>
            <label className="utrecht-form-label" htmlFor="zoek">
              Zoek op naam of BSN
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
            <Link className="utrecht-link" to="/consulent/clienten">
              Zoekopdracht wissen
            </Link>
          ) : null}
        </Form>
        <Tabel
          testId="clienten"
          bijschrift="Cliënten"
          verbergBijschrift
          kolommen={[
            "Naam",
            "Geboortedatum",
            "Woonplaats",
            <span key="acties" className="visually-hidden">
              Acties
            </span>,
          ]}
          leeg={zoek ? "Geen cliënten gevonden." : "Er zijn nog geen cliënten geregistreerd."}
          rijen={clienten.map((c) => ({
            sleutel: c.id,
            cellen: [
              c.naam,
              c.gepseudonimiseerdOp
                ? `Gepseudonimiseerd; geboortejaar ${c.geboortedatum.slice(0, 4)}`
                : datum(c.geboortedatum),
              c.woonplaats,
              <ul key="acties" className="zv-celacties">
                {c.gepseudonimiseerdOp ? null : (
                  <li>
                    <Link className="utrecht-link" to={`/consulent/nieuw?client=${encodeURIComponent(c.id)}`}>
                      Nieuwe hulpvraag<span className="visually-hidden"> voor {c.naam}</span>
                    </Link>
                  </li>
                )}
                <li>
                  <a
                    className="utrecht-link"
                    href={`/consulent/clienten/${encodeURIComponent(c.id)}/inzage`}
                    download
                    data-testid="inzage"
                  >
                    Alle gegevens downloaden<span className="visually-hidden"> van {c.naam}</span> (inzageverzoek, JSON)
                  </a>
                </li>
              </ul>,
            ],
          }))}
        />
      </section>
    </section>
  );
}
