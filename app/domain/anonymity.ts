// Rule 5: what providers see of a request must not identify the client.
// Pure and dependency free, so the consulent's form can run the same check while typing
// that the server runs when publishing. The error code itself lives with the other codes.

export type VondstSoort =
  "bsn" | "email" | "telefoon" | "iban" | "postcode" | "datum" | "naam" | "straat" | "geboortedatum";
export type Vondst = { field: string; match: string; soort: VondstSoort; message: string };
export type ClientKenmerken = {
  naam: string;
  straat: string;
  geboortedatum: string; // YYYY-MM-DD
  huisnummer?: string;
  /** The surname as registered apart, which may differ from the name people use (e.g. a married name). */
  achternaam?: string | null;
  postcode?: string;
  woonplaats?: string;
};

const WEG = "Haal dit weg: aanbieders mogen de cliënt niet kunnen herkennen.";
const BERICHT: Record<VondstSoort, string> = {
  bsn: `Bevat een BSN. ${WEG}`,
  email: `Bevat een e-mailadres. ${WEG}`,
  telefoon: `Bevat een telefoonnummer. ${WEG}`,
  iban: `Bevat een rekeningnummer (IBAN). ${WEG}`,
  postcode: `Bevat een volledige postcode of een postcode met huisnummer. ${WEG} Noem alleen de 4 cijfers van de postcode of de wijk.`,
  datum: `Bevat een datum die een geboortedatum kan zijn. ${WEG} Noem de leeftijd als leeftijdsgroep.`,
  naam: `Bevat een naam. ${WEG}`,
  straat: `Bevat een straat of adres. ${WEG} Noem alleen de wijk of de 4 cijfers van de postcode.`,
  geboortedatum: `Bevat de geboortedatum van de cliënt. ${WEG} Noem de leeftijd als leeftijdsgroep.`,
};
const BERICHT_CLIENT_NAAM = `Bevat de naam van de cliënt. ${WEG}`;
const BERICHT_CLIENT_STRAAT = `Bevat de straat van de cliënt. ${WEG} Noem alleen de wijk of de 4 cijfers van de postcode.`;

// Overlapping hits are settled by rank (lower wins, then longer): a birth date is reported as
// such and not also as a BSN-like number, an e-mail address hides the name inside it, and text
// that is clearly something harmless (an amount, a wished start date) shields its digits from
// the looser phone and BSN patterns. Harmless hits have soort null and are dropped at the end.
const RANG = {
  geboortedatum: 0,
  email: 1,
  iban: 2,
  datum: 3,
  bedrag: 4,
  telefoon: 5,
  bsn: 6,
  postcode: 7,
  straat: 8,
  adres: 9,
  naam: 10,
  aanspreking: 11,
};
type Kandidaat = { start: number; eind: number; soort: VondstSoort | null; rang: number; message?: string };

/** Lower case without diacritics ("Müller" → "muller"), for loose name matching. */
export function normaliseer(tekst: string): string {
  return vouw(tekst).tekst;
}

function vouw(tekst: string): { tekst: string; bron: number[] } {
  let uit = "";
  const bron: number[] = []; // bron[i]: index in the input of folded character i
  let i = 0;
  for (const teken of tekst) {
    const v = teken
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[‘’`´]/g, "'")
      .toLowerCase();
    for (let k = 0; k < v.length; k++) bron.push(i);
    uit += v;
    i += teken.length;
  }
  bron.push(i);
  return { tekst: uit, bron };
}

export function isGeldigBsn(bsn: string): boolean {
  const cijfers = bsn.replace(/[\s.-]/g, "");
  if (!/^\d{8,9}$/.test(cijfers)) return false;
  const d = cijfers.padStart(9, "0");
  if (/^0+$/.test(d)) return false;
  let som = -Number(d[8]);
  for (let i = 0; i < 8; i++) som += Number(d[i]) * (9 - i);
  return som % 11 === 0;
}

export function isGeldigeIban(iban: string): boolean {
  const s = iban.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  for (const teken of s.slice(4) + s.slice(0, 4)) {
    const waarde = teken >= "A" ? String(teken.charCodeAt(0) - 55) : teken;
    for (const c of waarde) rest = (rest * 10 + Number(c)) % 97;
  }
  return rest === 1;
}

const MAANDEN = [
  "januari|jan",
  "februari|feb",
  "maart|mrt|mar",
  "april|apr",
  "mei",
  "juni|jun",
  "juli|jul",
  "augustus|aug",
  "september|sept|sep",
  "oktober|okt|oct",
  "november|nov",
  "december|dec",
];
const maandNummer = (woord: string) => MAANDEN.findIndex((m) => m.split("|").includes(woord.toLowerCase())) + 1;

const DATUM_DMJ = /(?<![\d./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)(?![./-]\d)/g;
const DATUM_JMD = /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?![./-]\d)/g;
const DATUM_TEKST = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2})(?:e|ste|de)?\s+(${MAANDEN.join("|")})(?!\p{L})\.?\s+(\d{4}|['’]\d{2})(?!\d)`,
  "giu",
);
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
const PUNT = String.raw`\s*(?:\((?:dot|punt)\)|\[(?:dot|punt)\]|\s(?:dot|punt)\s|\.)\s*`;
const EMAIL_VERHULD = new RegExp(
  String.raw`(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+\s*(?:\(at\)|\[at\]|\s(?:at|apenstaartje)\s)\s*[\p{L}\d-]+(?:${PUNT}[\p{L}\d-]+)*?${PUNT}(?:nl|com|net|org|eu|be|de|info)(?!\p{L})`,
  "giu",
);
const IBAN = /(?<![a-z0-9])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?![a-z0-9])/gi;
const BEDRAG =
  /(?:€|(?<!\p{L})eur(?:o)?(?!\p{L}))\s?\d{1,3}(?:[.\s]\d{3})*(?:,(?:\d{1,2}|-))?|\d{1,3}(?:\.\d{3})*,(?:\d{2}|-)/giu;
// National numbers have 9 digits after the trunk 0; area codes start 1–5 or 7, mobile 6, and of
// the 08-numbers only 084/085/087/088 are personal. 0800/0900 service numbers are not.
const SCHEIDING = String.raw`(?:\) ?| ?[./-] ?| )?`;
const TELEFOON = new RegExp(
  String.raw`(?<![\d+])(?<!\d[./-])(?:(?:\+|00)31 ?[.-]? ?(?:\(0\) ?[.-]? ?)?|\(0|0)(?:[1-7]|8(?=[4578]))(?:${SCHEIDING}\d){8}(?!\d)(?![./-]\d)`,
  "g",
);
const TIJDVAK = /\d{1,2}[.:]\d{2} ?[-–] ?\d{1,2}[.:]\d{2}/;
const BSN = /(?<![\d€])(?<!\d[ .-])\d(?:[ .-]?\d){7,8}(?!\d)(?![ .-]\d)(?!,\d)/g;
const POSTCODE =
  /(?<![\p{L}\d])[1-9]\d{3}(\s?)([a-z]{2})(?![\p{L}\d])(?:[ \t]*-?[ \t]*\d{1,5}(?:[ \t-]?[a-z](?![\p{L}\d]))?(?![\p{L}\d]))?/giu;
// "2026 en", "7141 of": ordinary words after a year or a bare postcode are not postcode letters.
const GEEN_POSTCODELETTERS = new Set(
  "en of de in op te is al na om nu zo er ze we je ik uw km kg mg ml cm mm mw dr hr st ca nr".split(" "),
);
const ADRES =
  /(?<!\p{L})\p{Lu}[\p{L}'-]*?(?:straat|laan|weg|plein|singel|gracht|kade|dijk|steeg|dreef|hof|pad|markt|erf)\s+\d{1,4}(?:\s?[a-wyz](?![\p{L}\d]))?(?![\p{L}\d])(?!\s*(?:x|keer|uur|u|min|minuten|dag|dagen|dagdelen?|weken|week|maanden?|jaar|jaren|km|m|meter|%|procent|euro|personen|mensen)(?!\p{L}))/gu;
// A title followed by a capitalised word is a name, whoever it belongs to.
const AANSPREKING =
  /(?<!\p{L})(?:[Mm]evrouw|[Mm]eneer|[Mm]ijnheer|[Dd]e heer|[Ff]amilie)[ \t]+((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|'t)[ \t]+)*\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)|(?<!\p{L})(?:[Mm]evr|[Mm]w|[Dd]hr|[Ff]am)\.?[ \t]*((?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|'t)[ \t]+)*\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)/gu;
const GEEN_NAAM = new Set([
  "Zij",
  "Hij",
  "Ze",
  "Het",
  "De",
  "Een",
  "Die",
  "Dat",
  "Wil",
  "Is",
  "Heeft",
  "En",
  "Maar",
  "Woont",
]);
const TUSSENVOEGSELS = new Set([
  "van",
  "de",
  "der",
  "den",
  "ten",
  "ter",
  "het",
  "la",
  "le",
  "von",
  "du",
  "des",
  "del",
  "da",
  "di",
  "te",
  "in",
  "op",
  "aan",
  "uit",
  "bij",
  "tot",
  "'t",
  "'s",
  "d'",
]);

type Datum = { j: number; m: number; d: number };
type Context = { jaar: number; geboren: Datum | null };

function viaRegex(
  re: RegExp,
  tekst: string,
  maak: (m: RegExpMatchArray, start: number, eind: number) => Kandidaat | null,
): Kandidaat[] {
  const uit: Kandidaat[] = [];
  for (const m of tekst.matchAll(re)) {
    const k = maak(m, m.index!, m.index! + m[0].length);
    if (k) uit.push(k);
  }
  return uit;
}

function datumKandidaat(start: number, eind: number, j: number, m: number, d: number, ctx: Context): Kandidaat | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(j, m, 0)).getUTCDate()) return null;
  const g = ctx.geboren;
  if (g && g.j === j && g.m === m && g.d === d)
    return { start, eind, soort: "geboortedatum", rang: RANG.geboortedatum };
  // Recent and future dates are start dates, evaluation dates and the like, not birth dates.
  const kanGeboortedatum = j >= 1900 && j <= ctx.jaar - 3;
  return { start, eind, soort: kanGeboortedatum ? "datum" : null, rang: RANG.datum };
}

function volledigJaar(jaar: string, ctx: Context): number {
  const n = Number(jaar.replace(/\D/g, ""));
  if (jaar.replace(/\D/g, "").length === 4) return n;
  return 2000 + n > ctx.jaar ? 1900 + n : 2000 + n;
}

function algemeneKandidaten(tekst: string, ctx: Context): Kandidaat[] {
  return [
    ...viaRegex(DATUM_DMJ, tekst, (m, s, e) =>
      datumKandidaat(s, e, volledigJaar(m[4], ctx), Number(m[3]), Number(m[1]), ctx),
    ),
    ...viaRegex(DATUM_JMD, tekst, (m, s, e) => datumKandidaat(s, e, Number(m[1]), Number(m[3]), Number(m[4]), ctx)),
    ...viaRegex(DATUM_TEKST, tekst, (m, s, e) =>
      datumKandidaat(s, e, volledigJaar(m[3], ctx), maandNummer(m[2]), Number(m[1]), ctx),
    ),
    ...viaRegex(EMAIL, tekst, (_, s, e) => ({ start: s, eind: e, soort: "email", rang: RANG.email })),
    ...viaRegex(EMAIL_VERHULD, tekst, (_, s, e) => ({ start: s, eind: e, soort: "email", rang: RANG.email })),
    ...viaRegex(IBAN, tekst, (m, s, e) => {
      const compact = m[0].replace(/\s/g, "").toUpperCase();
      // A mistyped Dutch IBAN still identifies the account holder, so the NL shape is enough.
      const ok = /^NL\d{2}[A-Z]{4}\d{10}$/.test(compact) || isGeldigeIban(compact);
      return ok ? { start: s, eind: e, soort: "iban", rang: RANG.iban } : null;
    }),
    ...viaRegex(BEDRAG, tekst, (_, s, e) => ({ start: s, eind: e, soort: null, rang: RANG.bedrag })),
    ...viaRegex(TELEFOON, tekst, (m, s, e) =>
      TIJDVAK.test(m[0]) ? null : { start: s, eind: e, soort: "telefoon", rang: RANG.telefoon },
    ),
    ...viaRegex(BSN, tekst, (m, s, e) =>
      isGeldigBsn(m[0]) ? { start: s, eind: e, soort: "bsn", rang: RANG.bsn } : null,
    ),
    ...viaRegex(POSTCODE, tekst, (m, s, e) => {
      const letters = m[2];
      const woord = m[1] !== "" && letters !== letters.toUpperCase() && GEEN_POSTCODELETTERS.has(letters.toLowerCase());
      return woord ? null : { start: s, eind: e, soort: "postcode", rang: RANG.postcode };
    }),
    ...viaRegex(ADRES, tekst, (_, s, e) => ({ start: s, eind: e, soort: "straat", rang: RANG.adres })),
    ...viaRegex(AANSPREKING, tekst, (m, _s, e) => {
      const naam = m[1] ?? m[2];
      return GEEN_NAAM.has(naam) ? null : { start: e - naam.length, eind: e, soort: "naam", rang: RANG.aanspreking };
    }),
  ];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Words of a folded name joined by any run of spaces, dots or hyphens. */
const soepel = (woorden: string[]) => woorden.map(escape).join(String.raw`[\s.\-]+`);
const losWoord = (kern: string) => new RegExp(String.raw`(?<!\p{L})(?:${kern})(?!\p{L})`, "gu");

type ClientPatroon = { re: RegExp; soort: VondstSoort; rang: number; message?: string };

function clientPatronen(client: ClientKenmerken): ClientPatroon[] {
  const patronen: ClientPatroon[] = [];
  const naam = normaliseer(client.naam).trim();
  const woorden = naam
    .split(/[\s-]+/)
    .map((w) => w.replace(/^[^\p{L}']+|[^\p{L}]+$/gu, ""))
    .filter(Boolean);
  const achternaam = normaliseer(client.achternaam ?? "")
    .split(/[\s-]+/)
    .map((w) => w.replace(/^[^\p{L}']+|[^\p{L}]+$/gu, ""))
    .filter(Boolean);
  const delen = [...woorden, ...achternaam].filter(
    (w) => !TUSSENVOEGSELS.has(w) && (w.match(/\p{L}/gu) ?? []).length >= 3,
  );
  const kernen = [...new Set(delen)].map(escape);
  if (woorden.length > 1) kernen.push(soepel(woorden));
  for (const kern of kernen)
    patronen.push({ re: losWoord(kern), soort: "naam", rang: RANG.naam, message: BERICHT_CLIENT_NAAM });

  const straat = normaliseer(client.straat)
    .replace(/[\s,]*\d.*$/, "")
    .trim();
  if (straat) {
    let kern = soepel(straat.split(/[\s-]+/));
    // Also the usual abbreviation: "Dorpsstr." for "Dorpsstraat".
    if (kern.endsWith("straat")) kern = `${kern.slice(0, -"aat".length)}(?:aat|\\.)?`;
    const huisnummer = String.raw`(?:[\s.,/\-]*\d{1,5}(?:[\s\-]?[a-z](?![\p{L}\d]))?(?![\p{L}\d]))?`;
    patronen.push({
      re: losWoord(kern + huisnummer),
      soort: "straat",
      rang: RANG.straat,
      message: BERICHT_CLIENT_STRAAT,
    });
  }

  const g = /^(\d{4})-(\d{2})-(\d{2})$/.exec(client.geboortedatum ?? "");
  if (g) {
    // Compact forms the general date patterns do not see: 12031941 and 19410312.
    const re = new RegExp(String.raw`(?<!\d)(?:${g[3]}${g[2]}${g[1]}|${g[1]}${g[2]}${g[3]})(?!\d)`, "g");
    patronen.push({ re, soort: "geboortedatum", rang: RANG.geboortedatum });
  }

  const pc = /^(\d{4})\s*([a-z]{2})$/i.exec((client.postcode ?? "").trim());
  if (pc)
    patronen.push({
      re: new RegExp(String.raw`(?<!\d)${pc[1]}[\s.\-]*${pc[2]}(?!\p{L})`, "giu"),
      soort: "postcode",
      rang: RANG.postcode,
    });
  return patronen;
}

function clientKandidaten(tekst: string, patronen: ClientPatroon[]): Kandidaat[] {
  if (patronen.length === 0) return [];
  const { tekst: gevouwen, bron } = vouw(tekst);
  const uit: Kandidaat[] = [];
  for (const p of patronen) {
    for (const m of gevouwen.matchAll(p.re)) {
      const start = bron[m.index!];
      const eind = bron[m.index! + m[0].length];
      uit.push({ start, eind, soort: p.soort, rang: p.rang, message: p.message });
    }
  }
  return uit;
}

function zonderOverlap(kandidaten: Kandidaat[]): Kandidaat[] {
  const gekozen: Kandidaat[] = [];
  const opVolgorde = [...kandidaten].sort(
    (a, b) => a.rang - b.rang || b.eind - b.start - (a.eind - a.start) || a.start - b.start,
  );
  for (const k of opVolgorde) {
    if (gekozen.every((g) => k.eind <= g.start || k.start >= g.eind)) gekozen.push(k);
  }
  return gekozen.sort((a, b) => a.start - b.start);
}

function ontleedIso(datum: string | undefined): Datum | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum ?? "");
  return m ? { j: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/**
 * Every place in `velden` (field path → text a provider would see) that could identify the
 * client, in field order and then text order. `opties.nu` fixes "this year" for tests.
 */
export function zoekIdentificerendeGegevens(
  velden: Record<string, string | undefined | null>,
  client?: ClientKenmerken,
  opties: { nu?: Date } = {},
): Vondst[] {
  const ctx: Context = { jaar: (opties.nu ?? new Date()).getFullYear(), geboren: ontleedIso(client?.geboortedatum) };
  const patronen = client ? clientPatronen(client) : [];
  const vondsten: Vondst[] = [];
  for (const [field, tekst] of Object.entries(velden)) {
    if (typeof tekst !== "string" || tekst === "") continue;
    const gezien = new Set<string>();
    for (const k of zonderOverlap([...algemeneKandidaten(tekst, ctx), ...clientKandidaten(tekst, patronen)])) {
      if (!k.soort) continue;
      const match = tekst.slice(k.start, k.eind);
      const sleutel = `${k.soort}\u0000${match}`;
      if (gezien.has(sleutel)) continue;
      gezien.add(sleutel);
      vondsten.push({ field, match, soort: k.soort, message: k.message ?? BERICHT[k.soort] });
    }
  }
  return vondsten;
}
