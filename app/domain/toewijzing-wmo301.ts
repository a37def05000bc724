/**
 * The toewijzing as an iWmo 3.2 WMO301 message (BerichtCode 414), plus the iWmo code lists the
 * other export formats share. Three builders, all pure (the caller loads the data and stores the
 * send): the message for one aanbieder with all current toewijzingen of the client there (OP087),
 * and the closing message that ends a toewijzing at the outgoing aanbieder (OP258, reden 09).
 * Every message leaves Zorgveiling only through the rule checker (app/domain/iwmo/controle.server.ts).
 */
import type { ToewijzingExport } from "./toewijzing-types";
import { EENHEDEN as EENHEDEN_PER_CODE, FREQUENTIES as FREQUENTIES_PER_CODE } from "./productcode-varianten";
import { IWMO_PRODUCTCATEGORIEEN } from "../schemas/catalogus";
import { CBS_GEMEENTECODES } from "./iwmo/cbs-gemeentecodes";
import { datumMs, dagErvoor, maandenInPeriode, nederlandseTijd } from "./iwmo/periode";
import { omvangOfBudget, productregels, toewijzingNummers, type Productregel } from "./iwmo/productregels";

export { maandenInPeriode, nederlandseTijd, toewijzingNummers };

// One WJ756 list for offers and messages (productcode-varianten.ts), looked up here by any code string.
export const EENHEDEN: Readonly<Record<string, string>> = EENHEDEN_PER_CODE;
// Offers never use 6 (productcode-varianten.ts says why), but a message may still name it.
export const FREQUENTIES: Readonly<Record<string, string>> = {
  ...FREQUENTIES_PER_CODE,
  "6": "totaal binnen geldigheidsduur toewijzing",
};
// WMO002. 01 is still in the XSD but "vervallen" (CS336); receiving systems reject it.
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

/** Thrown when the data cannot become a message; lists every problem at once. */
export class ToewijzingExportFout extends Error {
  constructor(readonly problemen: string[]) {
    super(`Toewijzing kan niet als WMO301 worden geëxporteerd: ${problemen.join("; ")}`);
    this.name = "ToewijzingExportFout";
  }
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

// ---- text --------------------------------------------------------------------------------------

const ONGELDIG_IN_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Clean text for an XSD string: no characters XML 1.0 forbids, no line breaks, at most `max` characters. */
function xsdTekst(waarde: string | null | undefined, max: number): string | null {
  const v = (waarde ?? "").replace(ONGELDIG_IN_XML, "").replace(/\s+/g, " ").trim();
  return /\S/.test(v) ? Array.from(v).slice(0, max).join("").trimEnd() : null;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Voorletters as iWmo wants them: capitals, no dots or spaces (RS045), at most 6. */
const voorlettersVan = (v: string | null | undefined) =>
  (v ?? "")
    .replace(/[^\p{L}]/gu, "")
    .toUpperCase()
    .slice(0, 6) || null;

// ---- validation --------------------------------------------------------------------------------

/** Every problem in the data that keeps it from becoming a message; empty when it can be built. */
export function controleerVoorWmo301(t: ToewijzingExport, berichtIdentificatie?: string): string[] {
  const p: string[] = [];
  if (!CBS_GEMEENTECODES.has(t.gemeente.code))
    p.push(`gemeente.code "${t.gemeente.code}" is geen bestaande CBS-gemeentecode (TR378)`);
  if (!/^\d{8}$/.test(t.aanbieder.agb)) p.push(`aanbieder.agb "${t.aanbieder.agb}" is geen 8-cijferige AGB-code`);
  if (!/^\d{9}$/.test(t.client.bsn)) p.push("client.bsn is geen 9-cijferig BSN");
  if (datumMs(t.client.geboortedatum) === null) p.push("client.geboortedatum is geen datum JJJJ-MM-DD");
  if (!xsdTekst(t.client.achternaam, 200))
    p.push("client.achternaam ontbreekt: vul de achternaam apart in het cliëntdossier in");
  if (!/^\d{1,5}$/.test(t.client.huisnummer.trim()))
    p.push(
      `client.huisnummer "${t.client.huisnummer}" is geen getal: zet huisletter en toevoeging apart in het cliëntdossier`,
    );
  if (Number.isNaN(new Date(t.toegewezenOp).getTime())) p.push("toegewezenOp is geen ISO 8601-moment");
  if (berichtIdentificatie !== undefined && !/^(?=.*\S).{1,12}$/.test(berichtIdentificatie))
    p.push("berichtIdentificatie moet 1 tot 12 tekens zijn");
  if (t.redenWijziging != null && !(t.redenWijziging in REDENEN_WIJZIGING))
    p.push(`redenWijziging "${t.redenWijziging}" staat niet in WMO002 (02–14)`);
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
    if (s === null || e === null) {
      p.push(`${w}: startdatum en einddatum moeten JJJJ-MM-DD zijn`);
      return;
    }
    if (e < s) p.push(`${w}: einddatum ligt voor startdatum`);
    const n = c.toewijzingNummer;
    if (n != null && !(Number.isInteger(n) && n >= 0 && n <= 999_999_999))
      p.push(`${w}.toewijzingNummer buiten 0..999999999`);
    if (c.volume) {
      if (!(c.volume.eenheid in EENHEDEN)) p.push(`${w}.volume.eenheid "${c.volume.eenheid}" staat niet in WJ756`);
      if (!(c.volume.frequentie in FREQUENTIES))
        p.push(`${w}.volume.frequentie "${c.volume.frequentie}" staat niet in WMO757`);
    }
    const r = omvangOfBudget(c);
    if ("fout" in r) p.push(`${w}: ${r.fout}`);
  });
  return p;
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

// OP192: every line ends in CR/LF.
const EINDE = "\r\n";
function schrijf(k: Knoop, ins: string, attrs = ""): string {
  if (k.tekst !== undefined) return `${ins}<${k.naam}>${escapeXml(k.tekst)}</${k.naam}>`;
  const binnen = (k.kinderen ?? []).filter((x): x is Knoop => x !== null).map((x) => schrijf(x, `${ins}\t`));
  return [`${ins}<${k.naam}${attrs}>`, ...binnen, `${ins}</${k.naam}>`].join(EINDE);
}

export type Wmo301Opties = {
  /** New for every send (TR056): 1–12 characters, never reused by the gemeente for a 301. */
  berichtIdentificatie: string;
  /** The moment of sending: Dagtekening is its Dutch date. */
  now: Date;
};

function productKnoop(r: Productregel, toegewezenOp: string): Knoop | null {
  const toegewezen = nederlandseTijd(new Date(toegewezenOp));
  return w("ToegewezenProduct", [
    w("ToewijzingNummer", String(r.toewijzingNummer)),
    w("Product", [b("Categorie", r.categorie), b("Code", r.code)]),
    w("Toewijzingsdatum", toegewezen.datum),
    w("Toewijzingstijd", toegewezen.tijd),
    w("Ingangsdatum", r.ingangsdatum),
    w("Einddatum", r.einddatum),
    w("RedenWijziging", r.redenWijziging),
    r.omvang &&
      w("Omvang", [
        b("Volume", String(r.omvang.volume)),
        b("Eenheid", r.omvang.eenheid),
        b("Frequentie", r.omvang.frequentie),
      ]),
    r.budget === null ? null : w("Budget", String(r.budget)),
    // No Commentaar: everything the provider needs is structured, and free text invites personal data (OP191).
  ]);
}

function bericht(t: ToewijzingExport, producten: { regel: Productregel; toegewezenOp: string }[], opts: Wmo301Opties) {
  const c = t.client;
  const root: Knoop = {
    naam: "wmo301:Bericht",
    kinderen: [
      w("Header", [
        w("BerichtCode", "414"),
        w("BerichtVersie", "3"),
        w("BerichtSubversie", "2"),
        w("Afzender", t.gemeente.code),
        w("Ontvanger", t.aanbieder.agb),
        w("BerichtIdentificatie", [
          b("Identificatie", opts.berichtIdentificatie),
          b("Dagtekening", nederlandseTijd(opts.now).datum),
        ]),
        w("XsdVersie", [b("BasisschemaXsdVersie", "1.0.0"), b("BerichtXsdVersie", "1.0.0")]),
      ]),
      w("Client", [
        w("Bsn", c.bsn),
        w("Geboortedatum", [b("Datum", c.geboortedatum)]),
        w("Geslacht", c.geslacht ?? "0"),
        w("Naam", [
          b("Geslachtsnaam", [
            b("Achternaam", xsdTekst(c.achternaam, 200)),
            b("Voorvoegsel", xsdTekst(c.voorvoegsel, 10)),
          ]),
          b("Voorletters", voorlettersVan(c.voorletters)),
          b("NaamGebruik", "1"),
        ]),
        w("Contactgegevens", [
          w("Contact", [
            w("Soort", "01"), // BRP-adres
            w("Adres", [
              b("Huis", [
                b("Huisnummer", String(Number(c.huisnummer.trim()))),
                b("Huisletter", xsdTekst(c.huisletter, 1)),
                b("HuisnummerToevoeging", xsdTekst(c.huisnummertoevoeging, 4)),
              ]),
              b("Postcode", c.postcode.replace(/\s+/g, "").toUpperCase()),
              b("Straatnaam", xsdTekst(c.straat, 24)),
              b("Plaatsnaam", xsdTekst(c.woonplaats, 80)),
              b("LandCode", "NL"),
            ]),
          ]),
        ]),
        w(
          "ToegewezenProducten",
          producten.map((p) => productKnoop(p.regel, p.toegewezenOp)),
        ),
      ]),
    ],
  };
  const ns =
    ' xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"' +
    ' xmlns:wmo301="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"';
  return `<?xml version="1.0" encoding="UTF-8"?>${EINDE}${schrijf(root, "", ns)}${EINDE}`;
}

function eerstGoed(ts: ToewijzingExport[], opts: Wmo301Opties) {
  const problemen = ts.flatMap((t, i) =>
    controleerVoorWmo301(t, opts.berichtIdentificatie).map((p) => (i === 0 ? p : `${t.toewijzingId}: ${p}`)),
  );
  const [eerste, ...rest] = ts;
  for (const t of rest) {
    if (t.client.bsn !== eerste.client.bsn) problemen.push(`${t.toewijzingId} is van een andere cliënt`);
    if (t.aanbieder.agb !== eerste.aanbieder.agb) problemen.push(`${t.toewijzingId} is van een andere aanbieder`);
  }
  if (Number.isNaN(opts.now.getTime())) problemen.push("now is geen geldig moment");
  if (problemen.length) throw new ToewijzingExportFout(problemen);
}

/**
 * The WMO301 for this toewijzing's aanbieder. `huidige` are the client's other current
 * toewijzingen at the same aanbieder (huidigeToewijzingen in app/domain/iwmo/toewijzingen.server.ts):
 * a 301 carries all of them (OP087). The new provider never gets reden 09: that reden ends the
 * toewijzing of the one it is sent to (WMO002), so it belongs on afsluitendeWmo301Xml.
 */
export function toewijzingWmo301Xml(
  t: ToewijzingExport,
  opts: Wmo301Opties & { huidige?: ToewijzingExport[] },
): string {
  const alle = [t, ...(opts.huidige ?? []).filter((h) => h.toewijzingId !== t.toewijzingId)];
  eerstGoed(alle, opts);
  const reden = (x: ToewijzingExport) => (x.redenWijziging === "09" ? null : x.redenWijziging);
  const producten = alle.flatMap((x) =>
    productregels(x, reden(x)).map((regel) => ({ regel, toegewezenOp: x.toegewezenOp })),
  );
  return bericht(t, producten, opts);
}

/**
 * The closing WMO301 to the outgoing aanbieder when the client moves (OP258): its earlier
 * toewijzing `vorige`, known in Zorgveiling, ends the day before `nieuweStart` with `reden`
 * (default 09, overstap naar andere aanbieder). A product that would not have started by then is
 * removed instead (einddatum = ingangsdatum, reden 13, CS335). `huidige` are the client's other
 * current toewijzingen at that aanbieder, which the message carries unchanged (OP087).
 * A toewijzing made outside Zorgveiling is not known here: the back office ends it itself.
 */
export function afsluitendeWmo301Xml(
  vorige: ToewijzingExport,
  opts: Wmo301Opties & { nieuweStart: string; reden?: string; huidige?: ToewijzingExport[] },
): string {
  const reden = opts.reden ?? "09";
  const alle = [vorige, ...(opts.huidige ?? []).filter((h) => h.toewijzingId !== vorige.toewijzingId)];
  eerstGoed(alle, opts);
  const fouten: string[] = [];
  if (datumMs(opts.nieuweStart) === null) fouten.push("nieuweStart is geen datum JJJJ-MM-DD");
  if (!(reden in REDENEN_WIJZIGING) || reden === "13") fouten.push(`reden "${reden}" kan geen toewijzing beëindigen`);
  if (fouten.length) throw new ToewijzingExportFout(fouten);
  const laatsteDag = dagErvoor(opts.nieuweStart);
  const gesloten = productregels(vorige).map((r): Productregel => {
    if (r.einddatum <= laatsteDag) return r; // ends before the move anyway: unchanged
    if (r.ingangsdatum > laatsteDag) return { ...r, einddatum: r.ingangsdatum, redenWijziging: "13" };
    return { ...r, einddatum: laatsteDag, redenWijziging: reden, budget: r.budget && ingekort(r, laatsteDag) };
  });
  const producten = [
    ...gesloten.map((regel) => ({ regel, toegewezenOp: vorige.toegewezenOp })),
    ...alle.slice(1).flatMap((x) => productregels(x).map((regel) => ({ regel, toegewezenOp: x.toegewezenOp }))),
  ];
  return bericht(vorige, producten, opts);
}

// A budget is for the whole period; a shorter period gets its share.
function ingekort(r: Productregel, einddatum: string): number {
  const deel = maandenInPeriode(r.ingangsdatum, einddatum) / maandenInPeriode(r.ingangsdatum, r.einddatum);
  return Math.round((r.budget ?? 0) * deel);
}
