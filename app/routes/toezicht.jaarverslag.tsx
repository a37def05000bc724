import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { marktcijfers, toezichtJaren } from "../domain/toezicht.server";
import { organisatieVan } from "../domain/organisaties.server";
import { amsterdamDatum } from "../domain/deadline";
import { JaarSchema } from "../schemas/toezicht";
import { zodDetails } from "../schemas/parse";
import { regelNaam, regelUitleg } from "../components/regelnamen";
import { statusTekst } from "../components/ui";
import { Cijfers } from "../components/Cijfers";
import { PlafondCijfers } from "../components/Personeelsplafond";
import { Signalen } from "../components/Signalen";
import { datum } from "../format/nl";
import toezichtCss from "../styles/toezicht.css";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Jaarverslag toezicht ${data && "jaar" in data ? data.jaar : ""} — Zorgveiling` },
];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: toezichtCss }];

/**
 * The yearly report of independent Wmo supervision (seed 003: the supervisor publishes a yearly
 * account of its work): the year's figures with charts and tables, the signals, the rule refusals.
 * One A4 document when printed (print CSS in app.css and toezicht.css).
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezichthouder = vereisGebruiker(context, request, "toezichthouder");
  const jaren = await toezichtJaren(toezichthouder);
  const gevraagd = new URL(request.url).searchParams.get("jaar")?.trim();
  const keuze = JaarSchema.safeParse({ jaar: gevraagd || undefined });
  if (!keuze.success) {
    return json({ fouten: zodDetails(keuze.error), jaren, gevraagd: gevraagd ?? "" } as const, { status: 422 });
  }
  const jaar = keuze.data.jaar ?? Number(amsterdamDatum(new Date()).slice(0, 4));
  const [cijfers, organisatie] = await Promise.all([
    marktcijfers(toezichthouder, jaar),
    organisatieVan(toezichthouder),
  ]);
  return json({ jaar, jaren, cijfers, gemeente: organisatie?.naam ?? "", opgemaakt: amsterdamDatum(new Date()) });
}

const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const ofStreep = (n: number | null) => (n === null ? "—" : getal.format(n));

function JaarKeuze({ jaren, huidig, fout }: { jaren: number[]; huidig: string; fout?: string }) {
  return (
    <Form method="get" className="zv-rij zv-niet-printen">
      <div className={`utrecht-form-field ${fout ? "utrecht-form-field--invalid" : ""}`}>
        <label className="utrecht-form-label" htmlFor="jaar">
          Jaar
        </label>
        {fout ? (
          <p className="utrecht-form-field__error-message" id="jaar-fout">
            {fout}
          </p>
        ) : null}
        <select
          className="utrecht-select utrecht-select--html-select"
          id="jaar"
          name="jaar"
          defaultValue={huidig}
          aria-describedby={fout ? "jaar-fout" : undefined}
          aria-invalid={fout ? true : undefined}
        >
          {jaren.map((j) => (
            <option key={j} value={j}>
              {j}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        Toon jaar
      </button>
      <a className="utrecht-link" href={`/toezicht/cijfers.csv?jaar=${encodeURIComponent(huidig)}`} download>
        Cijfers van dit jaar downloaden (CSV)
      </a>
    </Form>
  );
}

export default function Jaarverslag() {
  const data = useLoaderData<typeof loader>();
  if ("fouten" in data) {
    return (
      <>
        <h1 className="utrecht-heading-1">Jaarverslag toezicht</h1>
        <JaarKeuze jaren={data.jaren} huidig={String(data.jaren[0] ?? "")} fout={data.fouten[0]?.message} />
      </>
    );
  }
  const { jaar, cijfers: c, gemeente } = data;
  const perStatus = Object.entries(c.hulpvragenPerStatus);
  const weigeringen = Object.entries(c.weigeringenPerRegel);
  return (
    <article className="zv-jaarverslag" aria-labelledby="titel">
      <h1 id="titel" className="utrecht-heading-1">
        Jaarverslag toezicht {jaar}
      </h1>
      <p className="utrecht-paragraph">
        {gemeente}. Verslag van het onafhankelijke Wmo-toezicht op de markt voor maatwerkvoorzieningen in {jaar}: wat er
        gevraagd, aangeboden en gegund werd, welke regels aanbiedingen en keuzes tegenhielden, en welke signalen
        aandacht vragen. Het verslag noemt aanbieders en hulpvragen, nooit cliënten. Opgemaakt op{" "}
        {datum(data.opgemaakt)}.
      </p>
      <JaarKeuze jaren={data.jaren} huidig={String(jaar)} />

      <Cijfers
        id="kern"
        titel="Kerncijfers"
        koppen={["Cijfer", "Waarde"]}
        leeg=""
        rijen={[
          ["Gepubliceerde hulpvragen", getal.format(c.aanbiedingenPerHulpvraag.gepubliceerdeHulpvragen)],
          ["Aanbiedingen per hulpvraag, gemiddeld", ofStreep(c.aanbiedingenPerHulpvraag.gemiddeld)],
          ["Aanbiedingen per hulpvraag, mediaan", ofStreep(c.aanbiedingenPerHulpvraag.mediaan)],
          ["Gunningen", getal.format(c.tijdTotGunning.gunningen)],
          ["Tijd van publicatie tot gunning, mediaan (uren)", ofStreep(c.tijdTotGunning.mediaanUren)],
          [
            "Gunningen zonder de cliënt (cliënt kan niet meebeslissen)",
            getal.format(c.gunningenZonderOvereenstemming.clientKanNietMeebeslissen),
          ],
          [
            "Gunningen tegen de voorkeur van de cliënt (door een collega bevestigd)",
            getal.format(c.gunningenZonderOvereenstemming.tegenVoorkeurVanClient),
          ],
        ]}
      />
      <Signalen signalen={c.signalen} />
      <Cijfers
        id="status"
        titel="Hulpvragen per status"
        koppen={["Status", "Aantal"]}
        leeg="Dit jaar zijn er geen hulpvragen."
        rijen={perStatus.map(([status, n]) => [statusTekst(status), getal.format(n)])}
        staven={perStatus.map(([status, n]) => ({ label: statusTekst(status), waarde: n }))}
      />
      <Cijfers
        id="gunningen"
        titel="Gunningen per aanbieder"
        koppen={["Aanbieder", "Gunningen", "Waarvan als consortiumlid", "Aandeel"]}
        leeg="Dit jaar is er niets gegund."
        rijen={c.gunningenPerAanbieder.map((g) => [
          g.naam,
          getal.format(g.gunningen),
          getal.format(g.viaConsortium),
          `${getal.format(g.aandeel)} %`,
        ])}
        staven={c.gunningenPerAanbieder.map((g) => ({ label: g.naam, waarde: g.gunningen }))}
      />
      <Cijfers
        id="weigeringen"
        titel="Weigeringen per regel"
        koppen={["Regel", "Aantal", "Betekenis"]}
        leeg="Dit jaar is er niets geweigerd."
        rijen={weigeringen.map(([code, n]) => [`${regelNaam(code)} (${code})`, getal.format(n), regelUitleg(code)])}
        staven={weigeringen.map(([code, n]) => ({ label: regelNaam(code), waarde: n }))}
      />
      <Cijfers
        id="overnames"
        titel="Personeelsovernames per aanbieder waar de zorg wegging"
        koppen={["Aanbieder", "Medewerkers met baanaanbod", "Medewerkers zonder baanaanbod"]}
        leeg="Dit jaar waren er geen personeelsovernames."
        rijen={c.personeelsovernames.map((o) => [
          o.naam,
          getal.format(o.medewerkersMetToezegging),
          getal.format(o.medewerkersZonderToezegging),
        ])}
      />
      <PlafondCijfers plafond={c.personeelsplafond} />
    </article>
  );
}
