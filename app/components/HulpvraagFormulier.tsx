import { Form } from "@remix-run/react";
import { Begrip } from "./Begrip";
import { useEffect, useState, type ReactNode } from "react";
import { HUISHOUDENS, LEEFTIJDSKLASSEN, PRODUCTCATEGORIEEN, RESULTATEN, URGENTIES } from "../schemas/catalogus";
import { standaardDeadline, type DeadlineRegels } from "../domain/deadline";
import type { FoutDetail } from "../domain/errors";
import type { FormulierWaarden } from "../schemas/formulier";
import { resultaatTekst } from "./catalogus-tekst";
import { foutenVoor } from "./fouten";
import { aantal, moment } from "../format/nl";
import { Melding, Veld } from "./ui";

const VASTE_LABELS: Record<string, string> = {
  clientId: "Cliënt",
  regio: "Regio",
  leeftijdsklasse: "Leeftijd",
  huishouden: "Huishouden",
  toelichting: "Algemene toelichting",
  clientTekst: "Tekst voor de cliënt",
  resultaten: "Resultaten",
  productcategorieen: "Productcategorieën",
  "wensen.taal": "Wens: taal",
  "wensen.geslachtHulpverlener": "Wens: man of vrouw als hulpverlener",
  "wensen.tijden": "Wens: dagen en tijden",
  startdatum: "Gewenste startdatum",
  duurMaanden: "Duur in maanden",
  budgetPerMaandCent: "Budgetplafond per maand",
  huidigeZorg: "Huidige zorg",
  "huidigeZorg.aanbiederId": "Huidige aanbieder",
  "huidigeZorg.hulpverlenerRol": "Rol van de huidige hulpverlener",
  urgentie: "Urgentie",
  deadline: "Reactietermijn",
};

/** The form field behind a schema path; resultaten.<i> is the i-th ticked result, in catalogue order. */
export function veldNaam(pad: string, resultaten: string[]): string {
  const r = /^resultaten\.(\d+)/.exec(pad);
  if (r) return resultaten[Number(r[1])] ? `toelichting.${resultaten[Number(r[1])]}` : "resultaten";
  if (pad === "budgetPerMaandCent") return "budgetPerMaand";
  return pad;
}

/** Dutch name of a field, as the refusal of a publication lists it. */
export function veldLabel(pad: string, resultaten: string[]): string {
  const naam = veldNaam(pad, resultaten);
  if (naam.startsWith("toelichting.")) return `Toelichting bij ${resultaatTekst(naam.slice(12))}`;
  return VASTE_LABELS[naam] ?? VASTE_LABELS[pad] ?? pad;
}

export const veldId = (naam: string) => `veld-${naam.replace(/[^a-zA-Z0-9]/g, "-")}`;

type Uitkomst = { melding?: string; fouten?: FoutDetail[] } | undefined;

/** Messages for exactly this path, for group-level errors whose children report their own. */
function precies(uitkomst: Uitkomst, pad: string): string[] | undefined {
  const lijst = uitkomst?.fouten?.filter((f) => f.field === pad).map((f) => f.message);
  return lijst?.length ? lijst : undefined;
}

function Groep({
  legend,
  naam,
  fout,
  uitleg,
  children,
}: {
  legend: string;
  naam: string;
  fout?: string[];
  uitleg?: ReactNode;
  children: ReactNode;
}) {
  const id = veldId(naam);
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset ${fout ? "utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={[uitleg ? `${id}-uitleg` : "", fout ? `${id}-fout` : ""].join(" ").trim() || undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {uitleg ? (
        <div className="utrecht-form-field__description" id={`${id}-uitleg`}>
          {uitleg}
        </div>
      ) : null}
      {fout ? (
        <div className="utrecht-form-field__error-message" id={`${id}-fout`}>
          {fout.map((f) => (
            <p key={f} className="utrecht-paragraph">
              {f}
            </p>
          ))}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

function Vinkje({
  naam,
  waarde,
  label,
  aan,
  type = "checkbox",
}: {
  naam: string;
  waarde: string;
  label: string;
  aan: boolean;
  type?: "checkbox" | "radio";
}) {
  const id = `${veldId(naam)}-${waarde.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <input
        className={`utrecht-${type} utrecht-${type}--html-input`}
        type={type}
        id={id}
        name={naam}
        value={waarde}
        defaultChecked={aan}
      />{" "}
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** Shows what the rulebook's default deadline will be; computed in the browser only, so it never differs from the server's render. */
function StandaardTermijn({
  regels,
  urgentie,
  startdatum,
}: {
  regels: DeadlineRegels;
  urgentie: string;
  startdatum: string;
}) {
  const [berekend, setBerekend] = useState<string | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startdatum)) return setBerekend(null);
    try {
      setBerekend(
        moment(
          standaardDeadline({
            urgentie: urgentie === "spoed" ? "spoed" : "regulier",
            nu: new Date(),
            startdatum,
            regels,
          }),
        ),
      );
    } catch {
      setBerekend(null);
    }
  }, [regels, urgentie, startdatum]);
  return (
    <>
      Leeg laten geeft de standaardtermijn uit het regelboek: bij spoed {regels.deadlineSpoedUren} uur na publicatie;
      regulier {aantal(regels.deadlineRegulierWerkdagen, "werkdag", "werkdagen")} na publicatie om 17.00 uur, plus 5
      werkdagen voor elke volgende 28 dagen tot de startdatum.
      {berekend ? <span data-testid="standaardtermijn"> Publiceert u nu, dan is dat {berekend}.</span> : null}
    </>
  );
}

export type HulpvraagFormulierProps = {
  clienten: { id: string; naam: string; geboortedatum: string }[];
  aanbieders: { id: string; naam: string }[];
  regels: DeadlineRegels;
  waarden: FormulierWaarden;
  uitkomst: Uitkomst;
  knoppen: ReactNode;
};

/** The request form, shared by "nieuwe hulpvraag" and "concept bewerken"; works without JavaScript. */
export function HulpvraagFormulier({
  clienten,
  aanbieders,
  regels,
  waarden,
  uitkomst,
  knoppen,
}: HulpvraagFormulierProps) {
  const w = (naam: string) => (typeof waarden[naam] === "string" ? (waarden[naam] as string) : "");
  const lijst = (naam: string) =>
    Array.isArray(waarden[naam]) ? (waarden[naam] as string[]) : w(naam) ? [w(naam)] : [];
  const gekozenResultaten = Object.keys(RESULTATEN).filter((c) => lijst("resultaten").includes(c));
  const fout = (pad: string) => foutenVoor(uitkomst, pad);
  const [termijn, setTermijn] = useState({ urgentie: w("urgentie") || "regulier", startdatum: w("startdatum") });

  return (
    <Form
      method="post"
      noValidate
      onChange={(e) => {
        const veld = e.target as HTMLInputElement;
        if (veld.name === "urgentie" || veld.name === "startdatum")
          setTermijn((t) => ({ ...t, [veld.name]: veld.value }));
      }}
    >
      {uitkomst?.fouten?.length ? (
        <Melding soort="error" titel={uitkomst.melding ?? "Niet alle velden zijn goed ingevuld."}>
          <ul>
            {uitkomst.fouten.map((f, i) => (
              <li key={i}>
                <a className="utrecht-link" href={`#${veldId(veldNaam(f.field, gekozenResultaten))}`}>
                  {veldLabel(f.field, gekozenResultaten)}
                </a>
                : {f.message}
                {f.match ? <> (gevonden: “{f.match}”)</> : null}
              </li>
            ))}
          </ul>
        </Melding>
      ) : uitkomst?.melding ? (
        <Melding soort="error">{uitkomst.melding}</Melding>
      ) : null}

      <Veld
        naam="clientId"
        label="Cliënt"
        fout={fout("clientId")}
        uitleg="Naam en gegevens blijven in het beschermde cliëntregister. Aanbieders zien ze nooit."
      >
        {(p) => (
          <select className="utrecht-select utrecht-select--html-select" {...p} defaultValue={w("clientId")}>
            <option value="">Kies een cliënt</option>
            {clienten.map((c) => (
              <option key={c.id} value={c.id}>
                {c.naam} (geboren {c.geboortedatum})
              </option>
            ))}
          </select>
        )}
      </Veld>

      <Groep
        legend="Resultaten die de cliënt wil bereiken"
        naam="resultaten"
        fout={precies(uitkomst, "resultaten")}
        uitleg="Vink elk resultaat aan en beschrijf wat het betekent voor deze cliënt. Schrijf geen namen, adressen of telefoonnummers."
      >
        {Object.entries(RESULTATEN).map(([code, label]) => {
          const index = gekozenResultaten.indexOf(code);
          return (
            <div key={code} className="zv-resultaat">
              <Vinkje naam="resultaten" waarde={code} label={label} aan={index >= 0} />
              <Veld
                naam={`toelichting.${code}`}
                label={`Toelichting bij ${label}`}
                fout={index >= 0 ? fout(`resultaten.${index}`) : undefined}
              >
                {(p) => (
                  <textarea
                    className="utrecht-textarea utrecht-textarea--html-textarea"
                    rows={2}
                    {...p}
                    defaultValue={w(`toelichting.${code}`)}
                  />
                )}
              </Veld>
            </div>
          );
        })}
      </Groep>

      <Groep
        legend="Productcategorieën"
        naam="productcategorieen"
        fout={fout("productcategorieen")}
        uitleg="Alleen aanbieders met een contract voor een van deze categorieën zien de hulpvraag."
      >
        {/* Sorted: JavaScript lists the integer-like key "10" before "01". */}
        {Object.entries(PRODUCTCATEGORIEEN)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, label]) => (
            <Vinkje
              key={code}
              naam="productcategorieen"
              waarde={code}
              label={`${code} ${label}`}
              aan={lijst("productcategorieen").includes(code)}
            />
          ))}
      </Groep>

      <Veld
        naam="toelichting"
        label="Algemene toelichting"
        fout={fout("toelichting")}
        uitleg="Wat aanbieders moeten weten over de situatie, zonder herleidbare gegevens."
      >
        {(p) => (
          <textarea
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={4}
            {...p}
            defaultValue={w("toelichting")}
          />
        )}
      </Veld>

      <Veld
        naam="clientTekst"
        label="Tekst voor de cliënt"
        fout={fout("clientTekst")}
        uitleg="Dit leest de cliënt (en wie helpt) op de eigen pagina, in plaats van uw toelichting voor aanbieders. Schrijf aan de cliënt (u), in korte zinnen en gewone woorden. Zonder naam of adres."
      >
        {(p) => (
          <textarea
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={4}
            {...p}
            defaultValue={w("clientTekst")}
          />
        )}
      </Veld>

      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Over de cliënt (zonder herleidbare gegevens)</legend>
        <Veld
          naam="regio"
          label="Regio"
          uitleg="Een wijk of een postcode van 4 cijfers, zoals 7101."
          fout={fout("regio")}
          defaultValue={w("regio")}
        />
        <Veld naam="leeftijdsklasse" label="Leeftijd" fout={fout("leeftijdsklasse")}>
          {(p) => (
            <select className="utrecht-select utrecht-select--html-select" {...p} defaultValue={w("leeftijdsklasse")}>
              <option value="">Kies een leeftijdsklasse</option>
              {LEEFTIJDSKLASSEN.map((k) => (
                <option key={k} value={k}>
                  {k} jaar
                </option>
              ))}
            </select>
          )}
        </Veld>
        <Groep legend="Huishouden" naam="huishouden" fout={fout("huishouden")}>
          {Object.entries(HUISHOUDENS).map(([code, label]) => (
            <Vinkje
              key={code}
              type="radio"
              naam="huishouden"
              waarde={code}
              label={label}
              aan={w("huishouden") === code}
            />
          ))}
        </Groep>
      </fieldset>

      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Wensen</legend>
        <Veld naam="wensen.taal" label="Taal" fout={fout("wensen.taal")} defaultValue={w("wensen.taal")} />
        <Veld
          naam="wensen.geslachtHulpverlener"
          label="Man of vrouw als hulpverlener"
          fout={fout("wensen.geslachtHulpverlener")}
          defaultValue={w("wensen.geslachtHulpverlener")}
        />
        <Veld
          naam="wensen.tijden"
          label="Dagen en tijden"
          fout={fout("wensen.tijden")}
          defaultValue={w("wensen.tijden")}
        />
      </fieldset>

      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Periode en budget</legend>
        <Veld
          naam="startdatum"
          label="Gewenste startdatum"
          type="date"
          fout={fout("startdatum")}
          defaultValue={w("startdatum")}
        />
        <Veld
          naam="duurMaanden"
          label="Duur in maanden"
          type="number"
          min={1}
          max={120}
          inputMode="numeric"
          fout={fout("duurMaanden")}
          defaultValue={w("duurMaanden")}
        />
        <Veld
          naam="budgetPerMaand"
          label="Budgetplafond per maand in euro (niet verplicht)"
          uitleg="Bijvoorbeeld 650 of 650,50."
          inputMode="decimal"
          fout={fout("budgetPerMaandCent")}
          defaultValue={w("budgetPerMaand")}
        />
      </fieldset>

      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Huidige zorg (als die er is)</legend>
        <Begrip woord="setje" />
        <Veld naam="huidigeZorg.aanbiederId" label="Huidige aanbieder" fout={fout("huidigeZorg.aanbiederId")}>
          {(p) => (
            <select
              className="utrecht-select utrecht-select--html-select"
              {...p}
              defaultValue={w("huidigeZorg.aanbiederId")}
            >
              <option value="">Geen huidige zorg</option>
              {aanbieders.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.naam}
                </option>
              ))}
            </select>
          )}
        </Veld>
        <Veld
          naam="huidigeZorg.hulpverlenerRol"
          label="Rol van de huidige hulpverlener"
          uitleg="Bijvoorbeeld: vaste huishoudelijk medewerker. Geen naam."
          fout={fout("huidigeZorg.hulpverlenerRol")}
          defaultValue={w("huidigeZorg.hulpverlenerRol")}
        />
        <Vinkje
          naam="huidigeZorg.behouden"
          waarde="ja"
          label="De cliënt wil deze hulpverlener houden"
          aan={w("huidigeZorg.behouden") === "ja"}
        />
      </fieldset>

      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Urgentie en reactietermijn</legend>
        <Groep legend="Urgentie" naam="urgentie" fout={fout("urgentie")}>
          {Object.entries(URGENTIES).map(([code, label]) => (
            <Vinkje
              key={code}
              type="radio"
              naam="urgentie"
              waarde={code}
              label={label}
              aan={(w("urgentie") || "regulier") === code}
            />
          ))}
        </Groep>
        <Veld
          naam="deadline"
          label="Reactietermijn tot (niet verplicht)"
          type="datetime-local"
          fout={fout("deadline")}
          defaultValue={w("deadline")}
          uitleg={<StandaardTermijn regels={regels} urgentie={termijn.urgentie} startdatum={termijn.startdatum} />}
        />
      </fieldset>

      <div className="zv-rij">{knoppen}</div>
    </Form>
  );
}
