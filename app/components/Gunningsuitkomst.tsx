import { Form, Link } from "@remix-run/react";
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import { bieder } from "./AanbiedingenVergelijking";
import { caoTekst } from "./catalogus-tekst";
import { datum, moment } from "../format/nl";
import { Knop, Melding, statusTekst } from "./ui";
import { BeschikkingRegels } from "./IwmoKeten";

export type Toewijzing = {
  toewijzingId: string;
  hulpvraagId: string;
  toegewezenOp: string;
  aanbieder: { naam: string; agb: string; kvk: string };
  redenWijziging: string | null;
  periode: { startdatum: string; einddatum: string } | null;
  beschikking: { nummer: string | null; datum: string | null };
};
export type Overname = {
  vanAanbiederNaam?: string;
  naarAanbiederNaam?: string;
  hulpverlenerRol: string;
  cao: string;
  datum: string;
  toegezegd: boolean;
};

const DOWNLOADS = [
  ["json", "Toewijzing als JSON"],
  ["csv", "Toewijzing als CSV (voor een spreadsheet)"],
  ["xml", "iWmo-bericht WMO301 (XML, voor het Wmo-systeem)"],
  ["ocds", "Open-contractingrecord van de gunning (OCDS, zonder persoonsgegevens)"],
] as const;

type Props = {
  status: string;
  aanbiedingen: AanbiedingWeergave[];
  toewijzing: Toewijzing | null;
  overname: Overname | null;
  volgendeRonde: { id: string; status: string } | null;
  bezig: boolean;
};

/** Where the round ended: the award with its files, or no suitable offer and the way to a new round. */
export function Gunningsuitkomst({ status, aanbiedingen, toewijzing, overname, volgendeRonde, bezig }: Props) {
  if (!toewijzing) {
    if (status !== "geen_passend_aanbod") return null;
    return (
      <Melding soort="info" titel="Geen passend aanbod">
        <p className="utrecht-paragraph">
          Deze ronde is gesloten zonder gunning. De aanbieders hebben bericht gekregen.
        </p>
        {volgendeRonde ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/consulent/hulpvragen/${volgendeRonde.id}`}>
              Naar de nieuwe ronde
            </Link>{" "}
            ({statusTekst(volgendeRonde.status)})
          </p>
        ) : (
          <Form method="post">
            <p className="utrecht-paragraph">
              U kunt de hulpvraag aanpassen en opnieuw uitzetten. De nieuwe ronde begint als concept met dezelfde
              gegevens.
            </p>
            <Knop name="intent" value="nieuwe-ronde" disabled={bezig}>
              {bezig ? "Bezig…" : "Nieuwe ronde"}
            </Knop>
          </Form>
        )}
      </Melding>
    );
  }
  const winnaar = aanbiedingen.find((a) => a.status === "gegund");
  return (
    <div data-testid="uitkomst">
      <Melding soort="ok" titel={`Gegund aan ${winnaar ? bieder(winnaar) : toewijzing.aanbieder.naam}`}>
        <p className="utrecht-paragraph">
          Op {moment(toewijzing.toegewezenOp)}. Toewijzing {toewijzing.toewijzingId}.
        </p>
        {winnaar?.uitkomstMotivatie ? (
          <p className="utrecht-paragraph">Motivatie voor de aanbieders: “{winnaar.uitkomstMotivatie}”</p>
        ) : null}
      </Melding>
      <dl className="zv-kenmerken">
        <dt>Aanbieder in de toewijzing</dt>
        <dd>
          {toewijzing.aanbieder.naam} (AGB {toewijzing.aanbieder.agb}, KvK {toewijzing.aanbieder.kvk})
        </dd>
        {toewijzing.periode ? (
          <>
            <dt>Periode</dt>
            <dd>
              {datum(toewijzing.periode.startdatum)} tot en met {datum(toewijzing.periode.einddatum)}
            </dd>
          </>
        ) : null}
        <BeschikkingRegels beschikking={toewijzing.beschikking} />
        {toewijzing.redenWijziging ? (
          <>
            <dt>Reden wijziging</dt>
            <dd>{toewijzing.redenWijziging}: de zorg gaat naar een andere aanbieder</dd>
          </>
        ) : null}
      </dl>
      {overname ? (
        <section aria-labelledby="overname" data-testid="personeelsovername">
          <h3 id="overname" className="utrecht-heading-3">
            Personeelsovername
          </h3>
          <p className="utrecht-paragraph">
            De {overname.hulpverlenerRol} gaat van {overname.vanAanbiederNaam} naar {overname.naarAanbiederNaam}, onder{" "}
            {caoTekst(overname.cao)}, per {datum(overname.datum)}.{" "}
            {overname.toegezegd
              ? "De nieuwe aanbieder heeft toegezegd deze hulpverlener een baan aan te bieden."
              : "Zonder toezegging van een baan: dit telt mee voor het jaarplafond van de huidige aanbieder."}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="downloads">
        <h3 id="downloads" className="utrecht-heading-3">
          Toewijzing downloaden
        </h3>
        <ul className="zv-downloads">
          {DOWNLOADS.map(([formaat, tekst]) => (
            <li key={formaat}>
              <a
                className="utrecht-link"
                href={`/consulent/hulpvragen/${toewijzing.hulpvraagId}/toewijzing/${formaat}`}
                download
              >
                {tekst}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
