/**
 * The provider's side of the iWmo chain, as its own software would write it: a WMO302 retour
 * answering a WMO301, and WMO305/WMO307 start and stop messages for its toegewezen producten.
 * Built from the 301 Zorgveiling sent, read with a real XML parser; tests check each file
 * against its XSD with xmllint before uploading it.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";

const NS = (s: string) => `http://www.istandaarden.nl/iwmo/3_2/${s}/schema`;
const BASIS = NS("basisschema");

const el = (e: Element, naam: string) => Array.from(e.getElementsByTagNameNS("*", naam)) as unknown as Element[];
const tekst = (e: Element, naam: string) => (el(e, naam)[0]?.textContent ?? "").trim();

type Product = { nummer: string; categorie: string; code: string; ingang: string };
export type Wmo301 = {
  afzender: string;
  ontvanger: string;
  identificatie: string;
  bsn: string;
  geboortedatum: string;
  geslacht: string;
  achternaam: string;
  producten: Product[];
};

export function lees301(xml: string): Wmo301 {
  const root = new DOMParser().parseFromString(xml, "text/xml").documentElement as unknown as Element;
  const header = el(root, "Header")[0];
  return {
    afzender: tekst(header, "Afzender"),
    ontvanger: tekst(header, "Ontvanger"),
    identificatie: tekst(header, "Identificatie"),
    bsn: tekst(root, "Bsn"),
    geboortedatum: tekst(el(root, "Geboortedatum")[0], "Datum"),
    geslacht: tekst(root, "Geslacht"),
    achternaam: tekst(root, "Achternaam"),
    producten: el(root, "ToegewezenProduct").map((p) => ({
      nummer: tekst(p, "ToewijzingNummer"),
      categorie: tekst(p, "Categorie"),
      code: tekst(p, "Code"),
      ingang: tekst(p, "Ingangsdatum"),
    })),
  };
}

/**
 * The 301 turned into its retour: namespace and BerichtCode 415, the retour identification, and
 * RetourCodes on every level the XSD asks for; `codes` goes on each product (0200 = no remark).
 */
export function retour302(xml301: string, opts: { codes?: string[]; identificatie?: string; dagtekening: string }) {
  const codes = opts.codes ?? ["0200"];
  const rc = (ins: string, lijst: string[]) =>
    `${ins}<wmo302:RetourCodes>${lijst.map((c) => `<wmo302:RetourCode>${c}</wmo302:RetourCode>`).join("")}</wmo302:RetourCodes>\n`;
  let xml = xml301
    .replace(/\r\n/g, "\n")
    .replace(/wmo301/g, "wmo302")
    .replace(/(<wmo302:BerichtCode>)414(<\/wmo302:BerichtCode>)/, "$1415$2");
  xml = xml.replace(
    /(<\/wmo302:XsdVersie>\n)/,
    `$1\t\t<wmo302:IdentificatieRetour>${opts.identificatie ?? "RET-1"}</wmo302:IdentificatieRetour>\n` +
      `\t\t<wmo302:DagtekeningRetour>${opts.dagtekening}</wmo302:DagtekeningRetour>\n` +
      `\t\t<wmo302:XsdVersieRetour>\n\t\t\t<iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>\n` +
      `\t\t\t<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>\n\t\t</wmo302:XsdVersieRetour>\n`,
  );
  for (const niveau of ["Contact", "Relatie"])
    xml = xml.replace(
      new RegExp(`(\\s*)(</wmo302:${niveau}>)`, "g"),
      (_m, ws, sluit) => `\n${rc("\t", ["0200"])}${ws.replace(/^\n/, "")}${sluit}`,
    );
  xml = xml.replace(
    /(\s*)(<\/wmo302:ToegewezenProduct>)/g,
    (_m, ws, sluit) => `\n${rc("\t", codes)}${ws.replace(/^\n/, "")}${sluit}`,
  );
  xml = xml.replace(
    /(\s*)(<\/wmo302:ToegewezenProducten>)/,
    (_m, ws, sluit) => `${ws}${sluit}\n${rc("\t\t", ["0200"])}`,
  );
  return xml;
}

function kop(soort: "wmo305" | "wmo307", code: string, b: Wmo301, id: string, dagtekening: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<${soort}:Bericht xmlns:iwmo="${BASIS}" xmlns:${soort}="${NS(soort)}">
  <${soort}:Header>
    <${soort}:BerichtCode>${code}</${soort}:BerichtCode>
    <${soort}:BerichtVersie>3</${soort}:BerichtVersie>
    <${soort}:BerichtSubversie>2</${soort}:BerichtSubversie>
    <${soort}:Afzender>${b.ontvanger}</${soort}:Afzender>
    <${soort}:Ontvanger>${b.afzender}</${soort}:Ontvanger>
    <${soort}:BerichtIdentificatie>
      <iwmo:Identificatie>${id}</iwmo:Identificatie>
      <iwmo:Dagtekening>${dagtekening}</iwmo:Dagtekening>
    </${soort}:BerichtIdentificatie>
    <${soort}:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </${soort}:XsdVersie>
  </${soort}:Header>
  <${soort}:Client>
    <${soort}:Bsn>${b.bsn}</${soort}:Bsn>
    <${soort}:Geboortedatum>
      <iwmo:Datum>${b.geboortedatum}</iwmo:Datum>
    </${soort}:Geboortedatum>
    <${soort}:Geslacht>${b.geslacht || "0"}</${soort}:Geslacht>
    <${soort}:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>${b.achternaam}</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
      <iwmo:Voorletters>X</iwmo:Voorletters>
    </${soort}:Naam>`;
}

export type Afwijking = Partial<Pick<Wmo301, "bsn" | "afzender" | "ontvanger">> & { nummer?: string };

export function start305(b: Wmo301, begin: string, opts: { id?: string; dagtekening: string } & Afwijking) {
  const x = { ...b, ...opts };
  return `${kop("wmo305", "418", x, opts.id ?? "START-1", opts.dagtekening)}
    <wmo305:StartProducten>
${b.producten
  .map(
    (p) => `      <wmo305:StartProduct>
        <wmo305:ToewijzingNummer>${opts.nummer ?? p.nummer}</wmo305:ToewijzingNummer>
        <wmo305:Product>
          <iwmo:Categorie>${p.categorie}</iwmo:Categorie>
          <iwmo:Code>${p.code}</iwmo:Code>
        </wmo305:Product>
        <wmo305:ToewijzingIngangsdatum>${p.ingang}</wmo305:ToewijzingIngangsdatum>
        <wmo305:Begindatum>${begin}</wmo305:Begindatum>
        <wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
      </wmo305:StartProduct>`,
  )
  .join("\n")}
    </wmo305:StartProducten>
  </wmo305:Client>
</wmo305:Bericht>
`;
}

export function stop307(
  b: Wmo301,
  begin: string,
  einde: string,
  reden: string,
  opts: { id?: string; dagtekening: string } & Afwijking,
) {
  const x = { ...b, ...opts };
  return `${kop("wmo307", "420", x, opts.id ?? "STOP-1", opts.dagtekening)}
    <wmo307:StopProducten>
${b.producten
  .map(
    (p) => `      <wmo307:StopProduct>
        <wmo307:ToewijzingNummer>${opts.nummer ?? p.nummer}</wmo307:ToewijzingNummer>
        <wmo307:Product>
          <iwmo:Categorie>${p.categorie}</iwmo:Categorie>
          <iwmo:Code>${p.code}</iwmo:Code>
        </wmo307:Product>
        <wmo307:ToewijzingIngangsdatum>${p.ingang}</wmo307:ToewijzingIngangsdatum>
        <wmo307:Begindatum>${begin}</wmo307:Begindatum>
        <wmo307:RedenBeeindiging>${reden}</wmo307:RedenBeeindiging>
        <wmo307:Einddatum>${einde}</wmo307:Einddatum>
        <wmo307:StatusAanlevering>1</wmo307:StatusAanlevering>
      </wmo307:StopProduct>`,
  )
  .join("\n")}
    </wmo307:StopProducten>
  </wmo307:Client>
</wmo307:Bericht>
`;
}
