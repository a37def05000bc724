/**
 * Reading iWmo messages the chain sends back (WMO302 retour, WMO305 start, WMO307 stop): first
 * against the XSD of release 3.2, then the few values the chain needs. A file that is not valid
 * is refused with the element that is wrong, as xmllint names it, and its line.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { DomainError, type FoutDetail } from "../errors";
import { xsdMeldingen } from "./xsd.server";

export type InkomendeSoort = "wmo302" | "wmo305" | "wmo307";
const BERICHTCODE: Record<InkomendeSoort, string> = { wmo302: "415", wmo305: "418", wmo307: "420" };

/** 200 kB is far above any real message for one client; larger is refused before parsing. */
export const MAX_BERICHT_TEKENS = 200_000;

const ongeldig = (details: FoutDetail[]) => new DomainError("invalid_input", details);

/** "Element '{ns}Begindatum': 'x' is not a valid value…" → the field "Begindatum" with a Dutch message. */
function veldVan(melding: string, regel: number | null): FoutDetail {
  const m = /Element '(?:\{[^}]*\})?([A-Za-z]+)'/.exec(melding);
  const veld = m ? m[1] : "bestand";
  return { field: veld, message: `Regel ${regel ?? "?"}: ${melding.trim()}` };
}

/** XSD validation of an uploaded message of this kind; throws invalid_input naming the wrong fields. */
export async function valideerTegenXsd(soort: InkomendeSoort, xml: string): Promise<void> {
  if (!xml.trim()) throw ongeldig([{ field: "bestand", message: "Het bestand is leeg." }]);
  if (xml.length > MAX_BERICHT_TEKENS)
    throw ongeldig([{ field: "bestand", message: "Het bestand is te groot voor één iWmo-bericht." }]);
  // A DOCTYPE could pull in entities or files; iWmo messages never have one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw ongeldig([{ field: "bestand", message: "Een DOCTYPE of ENTITY hoort niet in een iWmo-bericht." }]);
  const meldingen = await xsdMeldingen(soort, xml);
  if (meldingen.length) throw ongeldig(meldingen.slice(0, 10).map((m) => veldVan(m.melding, m.regel)));
}

// ---- reading values (after the XSD passed, so the structure is known) ----------------------

const kinderen = (e: Element, naam: string): Element[] =>
  Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === naam);
const kind = (e: Element, naam: string): Element | undefined => kinderen(e, naam)[0];
const tekstVan = (e: Element | undefined): string | null => (e ? (e.textContent ?? "").trim() : null);
const pad = (e: Element, ...namen: string[]): Element | undefined =>
  namen.reduce<Element | undefined>((x, n) => (x ? kind(x, n) : undefined), e);

export type Kop = {
  berichtCode: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
};

function kopVan(root: Element): Kop {
  const h = kind(root, "Header")!;
  return {
    berichtCode: tekstVan(kind(h, "BerichtCode"))!,
    afzender: tekstVan(kind(h, "Afzender"))!,
    ontvanger: tekstVan(kind(h, "Ontvanger"))!,
    identificatie: tekstVan(pad(h, "BerichtIdentificatie", "Identificatie"))!,
    dagtekening: tekstVan(pad(h, "BerichtIdentificatie", "Dagtekening"))!,
  };
}

function wortel(soort: InkomendeSoort, xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== `http://www.istandaarden.nl/iwmo/3_2/${soort}/schema`)
    throw ongeldig([{ field: "Bericht", message: `Dit is geen ${soort.toUpperCase()}-bericht.` }]);
  return root;
}

export type Retour302 = {
  kop: Kop;
  identificatieRetour: string;
  dagtekeningRetour: string;
  bsn: string | null;
  toewijzingNummers: number[];
  /** Every RetourCode on any level, in document order, without duplicates. */
  retourcodes: string[];
};

export function lees302(xml: string): Retour302 {
  const root = wortel("wmo302", xml);
  const h = kind(root, "Header")!;
  const client = kind(root, "Client");
  const codes = Array.from(root.getElementsByTagNameNS("*", "RetourCode")).map((e) => tekstVan(e as Element)!);
  return {
    kop: kopVan(root),
    identificatieRetour: tekstVan(kind(h, "IdentificatieRetour"))!,
    dagtekeningRetour: tekstVan(kind(h, "DagtekeningRetour"))!,
    bsn: client ? tekstVan(kind(client, "Bsn")) : null,
    toewijzingNummers: client
      ? kinderen(kind(client, "ToegewezenProducten")!, "ToegewezenProduct").map((p) =>
          Number(tekstVan(kind(p, "ToewijzingNummer"))),
        )
      : [],
    retourcodes: [...new Set(codes)],
  };
}

export type ZorgProduct = {
  toewijzingNummer: number;
  begindatum: string;
  einddatum: string | null;
  redenBeeindiging: string | null;
  statusAanlevering: string;
};
export type StartStop = { kop: Kop; bsn: string; producten: ZorgProduct[] };

/** A WMO305 (StartProducten) or WMO307 (StopProducten). */
export function leesStartStop(soort: "wmo305" | "wmo307", xml: string): StartStop {
  const root = wortel(soort, xml);
  const client = kind(root, "Client")!;
  const lijst = kind(client, soort === "wmo305" ? "StartProducten" : "StopProducten")!;
  const producten = kinderen(lijst, soort === "wmo305" ? "StartProduct" : "StopProduct").map((p) => ({
    toewijzingNummer: Number(tekstVan(kind(p, "ToewijzingNummer"))),
    begindatum: tekstVan(kind(p, "Begindatum"))!,
    einddatum: tekstVan(kind(p, "Einddatum")),
    redenBeeindiging: tekstVan(kind(p, "RedenBeeindiging")),
    statusAanlevering: tekstVan(kind(p, "StatusAanlevering"))!,
  }));
  return { kop: kopVan(root), bsn: tekstVan(kind(client, "Bsn"))!, producten };
}

export const verwachteBerichtCode = (soort: InkomendeSoort) => BERICHTCODE[soort];
