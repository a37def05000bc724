import { Form } from "@remix-run/react";
import { Begrip } from "./Begrip";
import type { FoutDetail } from "../domain/errors";
import type { HulpvraagVoorAanbieder } from "../domain/hulpvraag-weergave";
import { urenUitTekst, type AanbiedingWaarden, type ComponentWaarden } from "../schemas/aanbieding-formulier";
import { vloerBerekening, vloerRegel } from "../domain/reeel-tarief";
import { CAOS, DIENSTVERBANDEN } from "../schemas/catalogus";
import { categorieTekst, resultaatTekst } from "./catalogus-tekst";
import { datum, euro } from "../format/nl";
import { foutenVoor } from "./fouten";
import { Keuze, Keuzegroep, Keuzelijst } from "./keuzes";
import { Knop, Veld } from "./ui";

export type Organisatie = { id: string; naam: string };
export type BiedendConsortium = Organisatie & { leden: Organisatie[] };
export type Tarief = { productcategorie: string; prijsPerMaandCent: number; prijsPerUurCent: number | null };

type Props = {
  hulpvraag: HulpvraagVoorAanbieder;
  waarden: AanbiedingWaarden;
  eigen: Organisatie;
  /** Consortia this organisation leads: only a penvoerder bids for one. */
  consortia: BiedendConsortium[];
  tarieven: Tarief[];
  fouten: FoutDetail[];
  /** Set when revising: the bidder stays the same, so the consortium choice is fixed. */
  aanbiedingId?: string;
  overnameReden: string | null;
  bezig: boolean;
  knopTekst: string;
};

function Onderdeel({ i, c, props, aantal }: { i: number; c: ComponentWaarden; props: Props; aantal: number }) {
  const { hulpvraag, eigen, consortia, tarieven } = props;
  const fout = (veld: string) => foutenVoor({ fouten: props.fouten }, `componenten.${i}.${veld}`);
  const leveranciers = [eigen, ...consortia.flatMap((co) => co.leden.filter((l) => l.id !== eigen.id))];
  const uurCategorieen = tarieven.filter((t) => t.prijsPerUurCent).map((t) => t.productcategorie);
  return (
    <fieldset className="utrecht-form-fieldset zv-kaart" data-testid={`onderdeel-${i}`}>
      <legend className="utrecht-form-fieldset__legend">Onderdeel {i + 1}</legend>
      <Veld naam={`componenten.${i}.productcategorie`} label="Productcategorie" fout={fout("productcategorie")}>
        {(p) => (
          <Keuzelijst
            {...p}
            defaultValue={c.productcategorie}
            leeg="Kies een productcategorie"
            opties={hulpvraag.productcategorieen.map((code) => [code, categorieTekst(code)])}
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
          naam={`componenten.${i}.prijsPerMaandCent`}
          label="Prijs per maand in euro"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={c.prijs}
          fout={fout("prijsPerMaandCent")}
          uitleg="Bijvoorbeeld 450,00"
        />
        <Veld
          naam={`componenten.${i}.urenPerWeek`}
          label="Uren per week (niet verplicht)"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={c.urenPerWeek}
          fout={fout("urenPerWeek")}
          uitleg={
            uurCategorieen.length
              ? `Categorieën met een uurtarief (${uurCategorieen.join(", ")}): met uren is het minimum uren × 52 × uurtarief ÷ 12 als dat hoger is dan het maandtarief; zonder uren geldt het maandtarief.`
              : "Geen van de gevraagde categorieën heeft een uurtarief: uren veranderen het minimum niet."
          }
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
      <VloerVoorInvoer waarden={waarden} tarieven={props.tarieven} />
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
          uitleg={`Gevraagde duur: ${hulpvraag.duurMaanden} maanden`}
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
 * The floor for what is filled in now, per category (hours of its components added up), from the
 * same function the server judges with: the number here is the number in a refusal.
 */
function VloerVoorInvoer({ waarden, tarieven }: { waarden: AanbiedingWaarden; tarieven: Tarief[] }) {
  const uren = new Map<string, number>();
  for (const c of waarden.componenten)
    if (c.productcategorie)
      uren.set(c.productcategorie, (uren.get(c.productcategorie) ?? 0) + (urenUitTekst(c.urenPerWeek) ?? 0));
  const regels = [...uren].flatMap(([categorie, u]) => {
    const t = tarieven.find((x) => x.productcategorie === categorie);
    return t ? [{ categorie, tekst: vloerBerekening(t, u) }] : [];
  });
  if (!regels.length) return null;
  return (
    <div data-testid="vloer-invoer">
      <p className="utrecht-paragraph">
        Reëel tarief voor wat u nu heeft ingevuld (de prijs van de onderdelen per categorie samen moet minstens dit
        zijn):
      </p>
      <ul>
        {regels.map((r) => (
          <li key={r.categorie} data-testid={`vloer-${r.categorie}`}>
            {categorieTekst(r.categorie)}: {r.tekst}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The rule per category, before anything is typed. */
export function tariefRegelTekst(t: Tarief) {
  return vloerRegel(t);
}
