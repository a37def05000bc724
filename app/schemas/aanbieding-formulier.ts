/**
 * The offer builder's form, both ways: FormData → the values shown again (strings, so nothing
 * typed is lost on a refusal) → the object `AanbiedingSchema` parses. Field names are the
 * schema's paths (`componenten.0.prijsPerEenheidCent`), so a refusal's `details` land on the
 * right input without translation.
 */
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
// Only the action calls invoerUitWaarden; the browser bundle gets an empty module here.
import { centen } from "./formulier";
import { euroInvoer } from "../format/nl";

export type ComponentWaarden = {
  aanbiederId: string;
  productcode: string;
  omschrijving: string;
  resultaten: string[];
  /** A whole number of the code's eenheden, as typed. */
  omvang: string;
  /** Euros per eenheid as typed, e.g. "68,00". */
  prijs: string;
};

export type AanbiedingWaarden = {
  consortiumId: string;
  startdatum: string;
  einddatum: string;
  cao: string;
  dienstverband: string;
  overnameHulpverlener: boolean;
  overnameAantal: string;
  samenvatting: string;
  componenten: ComponentWaarden[];
};

export const legeComponent = (aanbiederId = ""): ComponentWaarden => ({
  aanbiederId,
  productcode: "",
  omschrijving: "",
  resultaten: [],
  omvang: "",
  prijs: "",
});

const waarde = (f: FormData, naam: string) => {
  const v = f.get(naam);
  return typeof v === "string" ? v : "";
};

/** The rows in the form, however many were rendered (the count travels in a hidden field). */
export function waardenUitFormulier(f: FormData): AanbiedingWaarden {
  const aantal = Math.min(Math.max(Number(waarde(f, "aantalComponenten")) || 1, 1), 20);
  const componenten = Array.from({ length: aantal }, (_, i): ComponentWaarden => ({
    aanbiederId: waarde(f, `componenten.${i}.aanbiederId`),
    productcode: waarde(f, `componenten.${i}.productcode`),
    omschrijving: waarde(f, `componenten.${i}.omschrijving`),
    resultaten: f.getAll(`componenten.${i}.resultaten`).filter((r): r is string => typeof r === "string"),
    omvang: waarde(f, `componenten.${i}.omvang`),
    prijs: waarde(f, `componenten.${i}.prijsPerEenheidCent`),
  }));
  return {
    consortiumId: waarde(f, "consortiumId"),
    startdatum: waarde(f, "startdatum"),
    einddatum: waarde(f, "einddatum"),
    cao: waarde(f, "cao"),
    dienstverband: waarde(f, "dienstverband"),
    overnameHulpverlener: waarde(f, "overnameHulpverlener") === "ja",
    overnameAantal: waarde(f, "overnameAantal"),
    samenvatting: waarde(f, "samenvatting"),
    componenten,
  };
}

/** A submitted offer shown again for revision. */
export function waardenUitAanbieding(a: AanbiedingWeergave): AanbiedingWaarden {
  return {
    consortiumId: a.consortiumId ?? "",
    startdatum: a.startdatum,
    einddatum: a.einddatum,
    cao: a.cao,
    dienstverband: a.dienstverband,
    overnameHulpverlener: a.overnameHulpverlener,
    overnameAantal: String(a.overnameAantal),
    samenvatting: a.samenvatting,
    componenten: a.componenten.map((c) => ({
      aanbiederId: c.aanbiederId,
      productcode: c.productcode ?? "",
      omschrijving: c.omschrijving,
      resultaten: c.resultaten,
      omvang: c.omvang === null ? "" : String(c.omvang),
      prijs: c.prijsPerEenheidCent === null ? "" : euroInvoer(c.prijsPerEenheidCent),
    })),
  };
}

// A row that only carries the preselected organisation is an unused row, not an error.
const isLeeg = (c: ComponentWaarden) =>
  !c.productcode && !c.omschrijving.trim() && c.resultaten.length === 0 && !c.prijs.trim() && !c.omvang.trim();

const getal = (s: string) => (s.trim() === "" ? undefined : Number(s.trim().replace(",", ".")));

/** The object for `AanbiedingSchema`. Empty rows are dropped, so their indexes are remapped for messages. */
export function invoerUitWaarden(w: AanbiedingWaarden): { invoer: unknown; rijVan: number[] } {
  const gebruikt = w.componenten.map((c, i) => ({ c, i })).filter(({ c }) => !isLeeg(c));
  return {
    rijVan: gebruikt.map(({ i }) => i),
    invoer: {
      consortiumId: w.consortiumId || null,
      startdatum: w.startdatum || undefined,
      einddatum: w.einddatum || undefined,
      cao: w.cao || undefined,
      dienstverband: w.dienstverband || undefined,
      overnameHulpverlener: w.overnameHulpverlener,
      overnameAantal: getal(w.overnameAantal),
      samenvatting: w.samenvatting,
      componenten: gebruikt.map(({ c }) => ({
        aanbiederId: c.aanbiederId || undefined,
        productcode: c.productcode || undefined,
        omschrijving: c.omschrijving,
        resultaten: c.resultaten,
        omvang: getal(c.omvang),
        prijsPerEenheidCent: centen(c.prijs.trim() || undefined),
      })),
    },
  };
}

/** Field paths of the parsed offer point at parsed rows; this points them back at the rows on screen. */
export function naarSchermVeld(veld: string, rijVan: number[]): string {
  const m = /^componenten\.(\d+)(\..*)?$/.exec(veld);
  if (!m) return veld;
  const rij = rijVan[Number(m[1])];
  return rij === undefined ? veld : `componenten.${rij}${m[2] ?? ""}`;
}
