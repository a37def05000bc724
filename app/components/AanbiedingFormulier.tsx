import { Form } from "@remix-run/react";
import { Begrip } from "./Begrip";
import type { FoutDetail } from "../domain/errors";
import type { HulpvraagVoorAanbieder } from "../domain/hulpvraag-weergave";
import type { AanbiedingWaarden, ComponentWaarden } from "../schemas/aanbieding-formulier";
import { vloerTekst } from "../domain/reeel-tarief";
import { EENHEDEN, FREQUENTIES, type Eenheid, type Frequentie } from "../domain/productcode-varianten";
import { CAOS, DIENSTVERBANDEN } from "../schemas/catalogus";
import { categorieTekst, resultaatTekst } from "./catalogus-tekst";
import { aantal, datum, euro } from "../format/nl";
import { foutenVoor } from "./fouten";
import { Keuze, Keuzegroep, Keuzelijst } from "./keuzes";
import { Knop, Veld } from "./ui";

export type Organisatie = { id: string; naam: string };
export type BiedendConsortium = Organisatie & { leden: Organisatie[] };
/** A code of the request's gemeente the offer may name, with its tariff per eenheid in force today. */
export type CodeKeuze = {
  code: string;
  productcategorie: string;
  omschrijving: string;
  uitvoeringsvariant: string;
  eenheid: string;
  frequentie: string;
  tariefPerEenheidCent: number;
};

/** "01W02 Hulp bij het huishouden per uur (inspanningsgericht): omvang in uur per week, minimaal € 33,50 per uur". */
export function codeTekst(c: CodeKeuze) {
  const eenheid = EENHEDEN[c.eenheid as Eenheid] ?? c.eenheid;
  const freq = FREQUENTIES[c.frequentie as Frequentie] ?? c.frequentie;
  return `${c.code} ${c.omschrijving} (${c.uitvoeringsvariant}): omvang in ${eenheid} ${freq}, minimaal ${vloerTekst({ code: c.code, eenheid: c.eenheid, tariefPerEenheidCent: c.tariefPerEenheidCent })}`;
}

type Props = {
  hulpvraag: HulpvraagVoorAanbieder;
  waarden: AanbiedingWaarden;
  eigen: Organisatie;
  /** Consortia this organisation leads: only a penvoerder bids for one. */
  consortia: BiedendConsortium[];
  codes: CodeKeuze[];
  fouten: FoutDetail[];
  /** Set when revising: the bidder stays the same, so the consortium choice is fixed. */
  aanbiedingId?: string;
  overnameReden: string | null;
  bezig: boolean;
  knopTekst: string;
};

function Onderdeel({ i, c, props, aantal }: { i: number; c: ComponentWaarden; props: Props; aantal: number }) {
  const { hulpvraag, eigen, consortia, codes } = props;
  const fout = (veld: string) => foutenVoor({ fouten: props.fouten }, `componenten.${i}.${veld}`);
  const leveranciers = [eigen, ...consortia.flatMap((co) => co.leden.filter((l) => l.id !== eigen.id))];
  const gekozen = codes.find((k) => k.code === c.productcode);
  return (
    <fieldset className="utrecht-form-fieldset zv-kaart" data-testid={`onderdeel-${i}`}>
      <legend className="utrecht-form-fieldset__legend">Onderdeel {i + 1}</legend>
      <Veld
        naam={`componenten.${i}.productcode`}
        label="Productcode"
        fout={fout("productcode")}
        uitleg="Van de productcodelijst van de gemeente, binnen de gevraagde categorieën. Uw contract moet de code noemen."
      >
        {(p) => (
          <Keuzelijst
            {...p}
            defaultValue={c.productcode}
            leeg="Kies een productcode"
            opties={codes.map((k) => [k.code, codeTekst(k)])}
          />
        )}
      </Veld>
      <Veld
        naam={`componenten.${i}.aanbiederId`}
        label="Wie levert dit onderdeel?"
        fout={fout("aanbiederId")}
        uitleg={consortia.length ? "Biedt u als consortium, kies dan het lid dat dit onderdeel levert." : undefined}
      >
        {(p) => (
          <Keuzelijst
            {...p}
            defaultValue={c.aanbiederId || eigen.id}
            opties={leveranciers.map((l) => [l.id, l.naam])}
          />
        )}
      </Veld>
      <Veld
        naam={`componenten.${i}.omschrijving`}
        label="Wat gaat u doen, en hoe bereikt dat het resultaat?"
        fout={fout("omschrijving")}
      >
        {(p) => (
          <textarea
            {...p}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={3}
            defaultValue={c.omschrijving}
          />
        )}
      </Veld>
      <Keuzegroep legend="Welke gevraagde resultaten bereikt dit onderdeel?" fout={fout("resultaten")}>
        {hulpvraag.resultaten.map((r) => (
          <Keuze
            key={r.code}
            type="checkbox"
            naam={`componenten.${i}.resultaten`}
            waarde={r.code}
            aan={c.resultaten.includes(r.code)}
          >
            {resultaatTekst(r.code)}
          </Keuze>
        ))}
      </Keuzegroep>
      <div className="zv-rij">
        <Veld
          naam={`componenten.${i}.omvang`}
          label="Omvang (aantal eenheden)"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={c.omvang}
          fout={[...(fout("omvang") ?? []), ...(fout("eenheid") ?? []), ...(fout("frequentie") ?? [])]}
          uitleg={
            gekozen
              ? `In ${EENHEDEN[gekozen.eenheid as Eenheid] ?? gekozen.eenheid} ${FREQUENTIES[gekozen.frequentie as Frequentie] ?? ""}, een heel getal.`
              : "Een heel getal, in de eenheid en frequentie van de productcode (bijvoorbeeld uur per week)."
          }
        />
        <Veld
          naam={`componenten.${i}.prijsPerEenheidCent`}
          label="Prijs per eenheid in euro"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={c.prijs}
          fout={fout("prijsPerEenheidCent")}
          uitleg="Bijvoorbeeld 68,00. De prijs per maand rekent Zorgveiling uit."
        />
      </div>
      {aantal > 1 ? (
        <Knop variant="subtle" name="_actie" value={`verwijder:${i}`} formNoValidate>
          Onderdeel {i + 1} verwijderen
        </Knop>
      ) : null}
    </fieldset>
  );
}

/**
 * The offer builder. Works without JavaScript: adding or removing a row is a submit that
 * re-renders the form with all values kept. The fields are uncontrolled, so the page gives the
 * form a new `key` whenever the values come from the server again.
 */
export function AanbiedingFormulier(props: Props) {
  const { hulpvraag, waarden, eigen, consortia, aanbiedingId, overnameReden, bezig, knopTekst } = props;
  const fout = (veld: string) => foutenVoor({ fouten: props.fouten }, veld);
  const totaalFout = props.fouten.filter((f) => f.field === "componenten").map((f) => f.message);
  const gekozenConsortium = consortia.find((c) => c.id === waarden.consortiumId);
  return (
    <Form method="post" noValidate aria-labelledby="formulier-titel">
      <h2 id="formulier-titel" className="utrecht-heading-2">
        {aanbiedingId ? "Uw aanbieding herzien" : "Uw aanbieding"}
      </h2>
      {/* Enter in a text field clicks the form's first submit button: that must be "submit", never "remove row". */}
      <button type="submit" name="_actie" value="indienen" hidden tabIndex={-1} aria-hidden="true" />
      <input type="hidden" name="aantalComponenten" value={waarden.componenten.length} />
      {aanbiedingId ? <input type="hidden" name="aanbiedingId" value={aanbiedingId} /> : null}
      {consortia.length === 0 ? null : aanbiedingId ? (
        <>
          <input type="hidden" name="consortiumId" value={waarden.consortiumId} />
          <p className="utrecht-paragraph">
            U biedt als <strong>{gekozenConsortium?.naam ?? eigen.naam}</strong>.
          </p>
        </>
      ) : (
        <Veld naam="consortiumId" label="U biedt als" fout={fout("consortiumId")}>
          {(p) => (
            <Keuzelijst
              {...p}
              defaultValue={waarden.consortiumId}
              leeg={`${eigen.naam} (alleen)`}
              opties={consortia.map((c) => [c.id, `Consortium ${c.naam} (u bent penvoerder)`])}
            />
          )}
        </Veld>
      )}

      <h3 className="utrecht-heading-3">Onderdelen</h3>
      {totaalFout.length ? (
        <div className="utrecht-form-field__error-message" id="fout-componenten">
          {totaalFout.map((f) => (
            <p key={f} className="utrecht-paragraph">
              {f}
            </p>
          ))}
        </div>
      ) : null}
      {waarden.componenten.map((c, i) => (
        <Onderdeel key={i} i={i} c={c} props={props} aantal={waarden.componenten.length} />
      ))}
      <VloerVoorInvoer waarden={waarden} codes={props.codes} />
      <p className="utrecht-paragraph">
        <Knop variant="secondary" name="_actie" value="toevoegen" formNoValidate>
          Onderdeel toevoegen
        </Knop>
      </p>

      <h3 className="utrecht-heading-3">Periode en personeel</h3>
      <div className="zv-rij">
        <Veld
          naam="startdatum"
          label="Startdatum"
          type="date"
          defaultValue={waarden.startdatum}
          fout={fout("startdatum")}
          uitleg={`Gewenst: vanaf ${datum(hulpvraag.startdatum)}`}
        />
        <Veld
          naam="einddatum"
          label="Einddatum"
          type="date"
          defaultValue={waarden.einddatum}
          fout={fout("einddatum")}
          uitleg={`Gevraagde duur: ${aantal(hulpvraag.duurMaanden, "maand", "maanden")}`}
        />
      </div>
      <Veld naam="cao" label="Cao waaronder het personeel werkt" fout={fout("cao")}>
        {(p) => <Keuzelijst {...p} defaultValue={waarden.cao} leeg="Kies een cao" opties={Object.entries(CAOS)} />}
      </Veld>
      <Keuzegroep legend="Dienstverband van het personeel" fout={fout("dienstverband")}>
        {Object.entries(DIENSTVERBANDEN).map(([code, naam]) => (
          <Keuze key={code} type="radio" naam="dienstverband" waarde={code} aan={waarden.dienstverband === code}>
            {naam}
          </Keuze>
        ))}
      </Keuzegroep>
      <Keuzegroep
        legend="Overname van de huidige hulpverlener"
        fout={fout("overnameHulpverlener")}
        uitleg={
          overnameReden ? (
            <p className="utrecht-paragraph">
              <strong>Verplicht voor deze hulpvraag.</strong> {overnameReden}
            </p>
          ) : (
            <p className="utrecht-paragraph">
              Alleen nodig als de cliënt een hulpverlener van een andere aanbieder wil houden.
            </p>
          )
        }
      >
        <Begrip woord="setje" />
        <Keuze type="checkbox" naam="overnameHulpverlener" waarde="ja" aan={waarden.overnameHulpverlener}>
          Wij bieden de huidige hulpverlener een baan aan onder de geldende cao
        </Keuze>
      </Keuzegroep>
      <Veld
        naam="overnameAantal"
        label="Aantal medewerkers van de huidige aanbieder dat met deze cliënt meegaat"
        type="number"
        min={1}
        max={50}
        inputMode="numeric"
        defaultValue={waarden.overnameAantal}
        fout={fout("overnameAantal")}
        uitleg="Telt alleen als de zorg van een andere aanbieder naar u verhuist. Zonder baanaanbod telt dit aantal mee voor het jaarplafond van de huidige aanbieder (een percentage van zijn personeelsbestand)."
      />
      <Veld
        naam="samenvatting"
        label="Samenvatting voor de cliënt"
        fout={fout("samenvatting")}
        uitleg="Schrijf in gewone taal wat de cliënt van u krijgt. De cliënt leest dit later."
      >
        {(p) => (
          <textarea
            {...p}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={4}
            defaultValue={waarden.samenvatting}
          />
        )}
      </Veld>
      <Knop name="_actie" value="indienen" disabled={bezig} aria-disabled={bezig}>
        {bezig ? "Bezig…" : knopTekst}
      </Knop>
    </Form>
  );
}

/**
 * The floor for the codes chosen now, from the same function the server judges with: the number
 * here is the number in a refusal.
 */
function VloerVoorInvoer({ waarden, codes }: { waarden: AanbiedingWaarden; codes: CodeKeuze[] }) {
  const gekozen = [...new Set(waarden.componenten.map((c) => c.productcode).filter(Boolean))].flatMap((code) => {
    const k = codes.find((x) => x.code === code);
    return k ? [k] : [];
  });
  if (!gekozen.length) return null;
  return (
    <div data-testid="vloer-invoer">
      <p className="utrecht-paragraph">
        Reëel tarief van de gekozen productcodes (de prijs per eenheid is minstens dit):
      </p>
      <ul>
        {gekozen.map((k) => (
          <li key={k.code} data-testid={`vloer-${k.code}`}>
            {k.code} {k.omschrijving}: minimaal {vloerTekst(k)}
          </li>
        ))}
      </ul>
    </div>
  );
}
