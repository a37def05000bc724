/**
 * The toewijzing as an iWmo 3.2 WMO301 message (BerichtCode 414), plus the iWmo code lists
 * and period arithmetic the other export formats share, so CSV, JSON, XML and OCDS agree on
 * numbers, months and totals.
 */
import type { ToewijzingExport } from "./toewijzing-types";
import { IWMO_PRODUCTCATEGORIEEN } from "../schemas/catalogus";
export const EENHEDEN: Readonly<Record<string, string>> = {
  "01": "minuut",
  "04": "uur",
  "14": "etmaal",
  "16": "dagdeel (4 uur)",
  "82": "stuks (output)",
  "83": "euro's",
  "84": "stuks (inspanning)",
};
export const FREQUENTIES: Readonly<Record<string, string>> = {
  "1": "per dag",
  "2": "per week",
  "4": "per maand",
  "6": "totaal binnen geldigheidsduur toewijzing",
};
// 01 is still in the XSD but marked "vervallen" by iStandaarden; receiving systems reject it.
export const REDENEN_WIJZIGING: Readonly<Record<string, string>> = {
  "02": "Client overleden",
  "03": "Contractwijziging",
  "04": "Herbeoordeling: verlenging toewijzing",
  "05": "Herbeoordeling: verkorting toewijzing",
  "06": "Uitstroom naar ander domein",
  "07": "Verhuizing naar een andere gemeente",
  "08": "Wijziging leveringsvorm",
  "09": "Overstap naar andere aanbieder",
  "10": "Overgang naar nieuwe bekostigingssystematiek",
  "11": "Gemeentelijke herindeling",
  "12": "Geinitieerd door de aanbieder",
  "13": "Verwijderd",
  "14": "Administratieve correctie",
};

/** LDT_Commentaar has no maxLength in our XSD copy; iWmo's own documentation caps it at 4000. */
export const COMMENTAAR_MAX = 4000;
const NUMMER_MAX = 999_999_999; // LDT_Nummer, LDT_Volume and LDT_Budget are bounded integers
const BEDRAG_MAX = 99_999_999;

/** Thrown when the data cannot become a valid message; lists every problem at once. */
export class ToewijzingExportFout extends Error {
  constructor(readonly problemen: string[]) {
    super(`Toewijzing kan niet als WMO301 worden geëxporteerd: ${problemen.join("; ")}`);
    this.name = "ToewijzingExportFout";
  }
}

// ---- dates and periods ---------------------------------------------------------------------

const DAG_MS = 86_400_000;

function datumMs(datum: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return new Date(ms).toISOString().startsWith(datum) ? ms : null; // rejects 2026-02-30
}

// Clamps to the month's last day, so 31 January plus one month is 28 February, not 3 March.
function plusMaanden(ms: number, n: number): number {
  const d = new Date(ms);
  const laatste = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n + 1, 0)).getUTCDate();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, Math.min(d.getUTCDate(), laatste));
}

/**
 * Calendar months from startdatum to einddatum, both inclusive (iWmo end dates are the last day
 * of care): 1 Jan–31 Dec is exactly 12, a part month counts by its share of days.
 */
export function maandenInPeriode(startdatum: string, einddatum: string): number {
  const s = datumMs(startdatum);
  const eind = datumMs(einddatum);
  if (s === null || eind === null) throw new RangeError(`Ongeldige periode ${startdatum}..${einddatum}`);
  const e = eind + DAG_MS;
  if (e <= s) return 0;
  const sd = new Date(s),
    ed = new Date(e);
  let hele = (ed.getUTCFullYear() - sd.getUTCFullYear()) * 12 + ed.getUTCMonth() - sd.getUTCMonth();
  while (hele > 0 && plusMaanden(s, hele) > e) hele--;
  const anker = plusMaanden(s, hele);
  return hele + (e - anker) / (plusMaanden(s, hele + 1) - anker);
}

/** The whole arrangement: earliest start to latest end over all components. */
export function periodeVan(t: ToewijzingExport) {
  if (t.componenten.length === 0) return null;
  const startdatum = t.componenten.map((c) => c.startdatum).sort()[0];
  const einddatum = t.componenten
    .map((c) => c.einddatum)
    .sort()
    .at(-1)!;
  const maanden = maandenInPeriode(startdatum, einddatum);
  return { startdatum, einddatum, maanden, totaalCent: Math.round(t.totaalPerMaandCent * maanden) };
}

const NL_TIJD = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

/** iWmo dates and times carry no zone and mean Dutch wall-clock time, so convert explicitly. */
export function nederlandseTijd(moment: Date): { datum: string; tijd: string; offset: string } {
  if (Number.isNaN(moment.getTime())) throw new RangeError("Ongeldig moment");
  const p = Object.fromEntries(NL_TIJD.formatToParts(moment).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === "GMT" ? "+00:00" : p.timeZoneName.replace("GMT", "");
  return { datum: `${p.year}-${p.month}-${p.day}`, tijd: `${p.hour}:${p.minute}:${p.second}`, offset };
}

// ---- identifiers -----------------------------------------------------------------------------

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

/**
 * ToewijzingNummer per component. Derived from the toewijzing id and the component's position
 * (so the same export always gives the same numbers) unless the caller supplies one; iWmo wants
 * it unique per gemeente, which only a database sequence can promise.
 */
export function toewijzingNummers(t: ToewijzingExport): number[] {
  const gebruikt = new Set(t.componenten.flatMap((c) => (c.toewijzingNummer == null ? [] : [c.toewijzingNummer])));
  return t.componenten.map((c, i) => {
    if (c.toewijzingNummer != null) return c.toewijzingNummer;
    let n = (fnv1a(`${t.toewijzingId}:${i}`) % NUMMER_MAX) + 1;
    while (gebruikt.has(n)) n = (n % NUMMER_MAX) + 1;
    gebruikt.add(n);
    return n;
  });
}

// Our ids are a prefix plus random base32; the first 12 random characters fit LDT_IdentificatieBericht.
function berichtIdentificatieVan(toewijzingId: string): string {
  const kern = toewijzingId.replace(/^[A-Za-z]+_/, "").replace(/[^0-9A-Za-z]/g, "");
  return kern ? kern.slice(0, 12) : String(fnv1a(toewijzingId));
}

// ---- text --------------------------------------------------------------------------------------

const ONGELDIG_IN_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Clean text for an XSD string: no characters XML 1.0 forbids, at most `max` characters. */
function xsdTekst(waarde: string | null | undefined, max?: number): string | null {
  let v = (waarde ?? "").replace(/\r\n?/g, "\n").replace(ONGELDIG_IN_XML, "").trim();
  const tekens = Array.from(v); // XSD lengths count code points, not UTF-16 units
  if (max !== undefined && tekens.length > max)
    v = `${tekens
      .slice(0, max - 1)
      .join("")
      .trimEnd()}…`;
  return /\S/.test(v) ? v : null;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

const VOORVOEGSELS = new Set([
  "van",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "ter",
  "ten",
  "te",
  "in",
  "op",
  "aan",
  "bij",
  "uit",
  "tot",
  "onder",
  "over",
  "voor",
  "la",
  "le",
  "les",
  "du",
  "da",
  "di",
  "del",
  "della",
  "dos",
  "das",
  "do",
  "von",
  "vom",
  "zu",
  "zum",
  "zur",
  "d'",
  "l'",
  "el",
  "al",
  "'s",
]);

/** "Jan Pieter van der Berg" → voornamen "Jan Pieter", voorvoegsel "van der", achternaam "Berg". */
function splitsNaam(naam: string) {
  const delen = naam.trim().split(/\s+/).filter(Boolean);
  let begin = delen.length - 1;
  // A lowercase first word ("de Vries") is a voorvoegsel; otherwise the first word is a given name.
  const eerste = delen[0] === delen[0]?.toLowerCase() ? 0 : 1;
  for (let i = eerste; i < delen.length - 1; i++) {
    if (VOORVOEGSELS.has(delen[i].toLowerCase())) {
      begin = i;
      break;
    }
  }
  let eind = begin;
  while (eind < delen.length - 1 && VOORVOEGSELS.has(delen[eind].toLowerCase())) eind++;
  const voornamen = delen.slice(0, Math.max(begin, 0)).join(" ");
  let voorvoegsel = delen.slice(begin, eind).join(" ");
  let achternaam = delen.slice(eind).join(" ");
  if (voorvoegsel.length > 10) [achternaam, voorvoegsel] = [`${voorvoegsel} ${achternaam}`, ""];
  const voorletters = Array.from(voornamen.split(" "), (v) => v.charAt(0).toUpperCase())
    .filter((c) => /^[a-zA-ZÀ-ỳ]$/u.test(c))
    .slice(0, 6)
    .join("");
  return { voornamen, voorvoegsel, achternaam, voorletters };
}

/** "12", "12a", "12-2", "12 A bis" → Huisnummer, Huisletter, HuisnummerToevoeging. */
export function splitsHuisnummer(waarde: string) {
  const m = /^\s*(\d{1,5})\s*(.*?)\s*$/.exec(waarde);
  if (!m) return null;
  let rest = m[2];
  let huisletter = "";
  const letter = /^([A-Za-z])(?:$|[\s-]+)(.*)$/.exec(rest);
  if (letter) [huisletter, rest] = [letter[1].toUpperCase(), letter[2]];
  const toevoeging = rest
    .replace(/^[\s-]+/, "")
    .replace(/\s+/g, "")
    .slice(0, 4);
  return { huisnummer: String(Number(m[1])), huisletter, toevoeging };
}

// ---- validation --------------------------------------------------------------------------------

/** Every XSD or iWmo constraint the data breaks; empty when the message can be built. */
export function controleerVoorWmo301(t: ToewijzingExport, berichtIdentificatie?: string): string[] {
  const p: string[] = [];
  if (!/^\d{4}$/.test(t.gemeente.code)) p.push(`gemeente.code "${t.gemeente.code}" is geen 4-cijferige CBS-code`);
  if (!/^\d{8}$/.test(t.aanbieder.agb)) p.push(`aanbieder.agb "${t.aanbieder.agb}" is geen 8-cijferige AGB-code`);
  if (!/^\d{9}$/.test(t.client.bsn)) p.push("client.bsn is geen 9-cijferig BSN");
  if (datumMs(t.client.geboortedatum) === null) p.push("client.geboortedatum is geen datum JJJJ-MM-DD");
  if (!xsdTekst(t.client.naam)) p.push("client.naam is leeg");
  if (Number.isNaN(new Date(t.toegewezenOp).getTime())) p.push("toegewezenOp is geen ISO 8601-moment");
  if (berichtIdentificatie !== undefined && !/^(?=.*\S).{1,12}$/.test(berichtIdentificatie))
    p.push("berichtIdentificatie moet 1 tot 12 tekens zijn");
  if (t.redenWijziging != null && !(t.redenWijziging in REDENEN_WIJZIGING))
    p.push(`redenWijziging "${t.redenWijziging}" staat niet in LDT_RedenWijziging (02–14)`);
  if (t.componenten.length === 0) p.push("er is geen enkel component om toe te wijzen");
  const eigen = t.componenten.flatMap((c) => (c.toewijzingNummer == null ? [] : [c.toewijzingNummer]));
  if (new Set(eigen).size !== eigen.length) p.push("toewijzingNummer komt dubbel voor");
  t.componenten.forEach((c, i) => {
    const w = `componenten[${i}]`;
    if (!(c.productcategorie in IWMO_PRODUCTCATEGORIEEN))
      p.push(`${w}.productcategorie "${c.productcategorie}" is onbekend`);
    if (!/^\S.{0,4}$/.test(c.productcode) || /\s$/.test(c.productcode))
      p.push(`${w}.productcode moet 1 tot 5 tekens zijn`);
    const s = datumMs(c.startdatum),
      e = datumMs(c.einddatum);
    if (s === null || e === null) p.push(`${w}: startdatum en einddatum moeten JJJJ-MM-DD zijn`);
    else if (e < s) p.push(`${w}: einddatum ligt voor startdatum`);
    const n = c.toewijzingNummer;
    if (n != null && !(Number.isInteger(n) && n >= 0 && n <= NUMMER_MAX))
      p.push(`${w}.toewijzingNummer buiten 0..${NUMMER_MAX}`);
    if ((c.volume == null) === (c.budgetCent == null)) {
      p.push(`${w}: geef óf volume óf budgetCent (de uitvoeringsvariant)`);
    } else if (c.volume) {
      if (!(c.volume.eenheid in EENHEDEN))
        p.push(`${w}.volume.eenheid "${c.volume.eenheid}" staat niet in LDT_Eenheid`);
      if (!(c.volume.frequentie in FREQUENTIES))
        p.push(`${w}.volume.frequentie "${c.volume.frequentie}" staat niet in LDT_Frequentie`);
      if (omvangVoorXml(c.volume) === null)
        p.push(`${w}.volume.omvang moet een geheel getal 0..${BEDRAG_MAX} zijn (halve uren mogen)`);
    } else if (s !== null && e !== null) {
      const b = budgetVoorXml(c);
      if (b === null) p.push(`${w}: budget over de hele periode moet een geheel aantal centen 0..${BEDRAG_MAX} zijn`);
    }
  });
  return p;
}

// LDT_Volume is an integer: 2.5 uur per week becomes 150 minuten per week, which iWmo allows.
function omvangVoorXml(v: NonNullable<ToewijzingExport["componenten"][number]["volume"]>) {
  const ok = (n: number) => Number.isInteger(n) && n >= 0 && n <= BEDRAG_MAX;
  if (ok(v.omvang)) return { volume: v.omvang, eenheid: v.eenheid };
  const minuten = v.omvang * 60;
  if (v.eenheid === "04" && Math.abs(minuten - Math.round(minuten)) < 1e-9 && ok(Math.round(minuten)))
    return { volume: Math.round(minuten), eenheid: "01" };
  return null;
}

// iWmo's Budget is the amount for the whole toewijzing period in cents; ours is per month.
function budgetVoorXml(c: ToewijzingExport["componenten"][number]): number | null {
  if (c.budgetCent == null || !Number.isInteger(c.budgetCent) || c.budgetCent < 0) return null;
  const totaal = Math.round(c.budgetCent * maandenInPeriode(c.startdatum, c.einddatum));
  return totaal <= BEDRAG_MAX ? totaal : null;
}

// ---- the message -------------------------------------------------------------------------------

type Knoop = { naam: string; tekst?: string; kinderen?: (Knoop | null)[] };
const w = (naam: string, inhoud: string | (Knoop | null)[] | null | undefined): Knoop | null =>
  inhoud == null || inhoud === ""
    ? null
    : typeof inhoud === "string"
      ? { naam: `wmo301:${naam}`, tekst: inhoud }
      : { naam: `wmo301:${naam}`, kinderen: inhoud };
const b = (naam: string, inhoud: string | (Knoop | null)[] | null | undefined): Knoop | null => {
  const k = w(naam, inhoud);
  return k && { ...k, naam: `iwmo:${naam}` };
};

function schrijf(k: Knoop, ins: string, attrs = ""): string {
  if (k.tekst !== undefined) return `${ins}<${k.naam}>${escapeXml(k.tekst)}</${k.naam}>`;
  const binnen = (k.kinderen ?? []).filter((x): x is Knoop => x !== null).map((x) => schrijf(x, `${ins}\t`));
  return [`${ins}<${k.naam}${attrs}>`, ...binnen, `${ins}</${k.naam}>`].join("\n");
}

export function toewijzingWmo301Xml(
  t: ToewijzingExport,
  opts: { berichtIdentificatie?: string; now?: Date } = {},
): string {
  const problemen = controleerVoorWmo301(t, opts.berichtIdentificatie);
  if (problemen.length) throw new ToewijzingExportFout(problemen);

  const naam = splitsNaam(t.client.naam);
  const huis = splitsHuisnummer(t.client.huisnummer);
  const toegewezen = nederlandseTijd(new Date(t.toegewezenOp));
  const nummers = toewijzingNummers(t);
  const leden = new Map((t.consortium?.leden ?? []).map((l) => [l.id, l]));

  const producten = t.componenten.map((c, i) => {
    const omvang = c.volume && omvangVoorXml(c.volume);
    const uitvoerder = c.aanbiederId !== t.aanbieder.id ? leden.get(c.aanbiederId) : undefined;
    const commentaar = [
      uitvoerder && `Uitvoerder: ${uitvoerder.naam} (AGB ${uitvoerder.agb}).`,
      t.resultaatomschrijving,
    ]
      .filter(Boolean)
      .join(" ");
    return w("ToegewezenProduct", [
      w("ToewijzingNummer", String(nummers[i])),
      w("Product", [b("Categorie", c.productcategorie), b("Code", c.productcode)]),
      w("Toewijzingsdatum", toegewezen.datum),
      w("Toewijzingstijd", toegewezen.tijd),
      w("Ingangsdatum", c.startdatum),
      w("Einddatum", c.einddatum),
      w("RedenWijziging", t.redenWijziging),
      omvang &&
        c.volume &&
        w("Omvang", [
          b("Volume", String(omvang.volume)),
          b("Eenheid", omvang.eenheid),
          b("Frequentie", c.volume.frequentie),
        ]),
      c.volume ? null : w("Budget", String(budgetVoorXml(c))),
      w("Commentaar", xsdTekst(commentaar, COMMENTAAR_MAX)),
    ]);
  });

  const bericht: Knoop = {
    naam: "wmo301:Bericht",
    kinderen: [
      w("Header", [
        w("BerichtCode", "414"),
        w("BerichtVersie", "3"),
        w("BerichtSubversie", "2"),
        w("Afzender", t.gemeente.code),
        w("Ontvanger", t.aanbieder.agb),
        w("BerichtIdentificatie", [
          b("Identificatie", opts.berichtIdentificatie ?? berichtIdentificatieVan(t.toewijzingId)),
          b("Dagtekening", nederlandseTijd(opts.now ?? new Date()).datum),
        ]),
        w("XsdVersie", [b("BasisschemaXsdVersie", "1.0.0"), b("BerichtXsdVersie", "1.0.0")]),
      ]),
      w("Client", [
        w("Bsn", t.client.bsn),
        w("Geboortedatum", [b("Datum", t.client.geboortedatum)]),
        w("Geslacht", t.client.geslacht ?? "0"),
        w("Naam", [
          b("Geslachtsnaam", [
            b("Achternaam", xsdTekst(naam.achternaam, 200)),
            b("Voorvoegsel", xsdTekst(naam.voorvoegsel, 10)),
          ]),
          b("Voornamen", xsdTekst(naam.voornamen, 200)),
          b("Voorletters", naam.voorletters),
          b("NaamGebruik", "1"),
        ]),
        w("Contactgegevens", [
          w("Contact", [
            w("Soort", "01"), // BRP-adres
            w("Adres", [
              huis &&
                b("Huis", [
                  b("Huisnummer", huis.huisnummer),
                  b("Huisletter", huis.huisletter),
                  b("HuisnummerToevoeging", huis.toevoeging),
                ]),
              b("Postcode", xsdTekst(t.client.postcode.replace(/\s+/g, "").toUpperCase(), 8)),
              b("Straatnaam", xsdTekst(t.client.straat, 24)),
              b("Plaatsnaam", xsdTekst(t.client.woonplaats, 80)),
              b("LandCode", "NL"),
            ]),
          ]),
        ]),
        w("ToegewezenProducten", producten),
      ]),
    ],
  };
  const ns =
    ' xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"' +
    ' xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${schrijf(bericht, "", ns)}\n`;
}
