import type { aanbiedingen } from "../../db/schema";
import { maandenInPeriode } from "./toewijzing-wmo301";
import { omvangTekst } from "./productcode-varianten";

type Aanbieding = typeof aanbiedingen.$inferSelect;
export type Namen = Map<string, string>;

/** The offer as the consulent compares it, and as its own aanbieder (and consortium members) read it. */
export function aanbiedingWeergave(a: Aanbieding, namen: Namen, consortiumNaam?: string | null) {
  const maanden = maandenInPeriode(a.startdatum, a.einddatum);
  return {
    id: a.id,
    hulpvraagId: a.hulpvraagId,
    status: a.status,
    versie: a.versie,
    aanbiederId: a.aanbiederId,
    aanbiederNaam: namen.get(a.aanbiederId) ?? a.aanbiederId,
    consortiumId: a.consortiumId,
    consortiumNaam: consortiumNaam ?? null,
    startdatum: a.startdatum,
    einddatum: a.einddatum,
    cao: a.cao,
    dienstverband: a.dienstverband,
    overnameHulpverlener: a.overnameHulpverlener,
    overnameAantal: a.overnameAantal,
    samenvatting: a.samenvatting,
    componenten: a.componenten.map((c) => ({
      aanbiederId: c.aanbiederId,
      aanbiederNaam: namen.get(c.aanbiederId) ?? c.aanbiederId,
      productcategorie: c.productcategorie,
      productcode: c.productcode ?? null,
      uitvoeringsvariant: c.uitvoeringsvariant ?? null,
      omvang: c.omvang ?? null,
      eenheid: c.eenheid ?? null,
      frequentie: c.frequentie ?? null,
      // "2 uur per week": what the omvang means, for people; old offers had hours per week.
      omvangTekst:
        c.omvang && c.eenheid && c.frequentie
          ? omvangTekst(c.omvang, c.eenheid, c.frequentie)
          : c.urenPerWeek
            ? `${String(c.urenPerWeek).replace(".", ",")} uur per week`
            : null,
      prijsPerEenheidCent: c.prijsPerEenheidCent ?? null,
      omschrijving: c.omschrijving,
      resultaten: c.resultaten,
      prijsPerMaandCent: c.prijsPerMaandCent,
      urenPerWeek: c.urenPerWeek ?? null,
    })),
    prijsPerMaandCent: a.prijsPerMaandCent,
    maanden,
    totaalCent: Math.round(a.prijsPerMaandCent * maanden),
    resultatenGedekt: [...new Set(a.componenten.flatMap((c) => c.resultaten))],
    uitkomstMotivatie: a.uitkomstMotivatie,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
export type AanbiedingWeergave = ReturnType<typeof aanbiedingWeergave>;

/** What the client reads (B1): who, what, from when, the price is the gemeente's business. */
export function aanbiedingVoorClient(a: Aanbieding, namen: Namen, consortiumNaam?: string | null) {
  return clientWeergave(aanbiedingWeergave(a, namen, consortiumNaam));
}

/** The client's part of an offer already shown to the gemeente: nothing is worked out twice. */
export function clientWeergave(v: AanbiedingWeergave) {
  return {
    id: v.id,
    status: v.status,
    aanbiederNaam: v.consortiumNaam ?? v.aanbiederNaam,
    samenvatting: v.samenvatting,
    startdatum: v.startdatum,
    einddatum: v.einddatum,
    onderdelen: v.componenten.map((c) => ({
      wie: c.aanbiederNaam,
      productcategorie: c.productcategorie,
      wat: c.omschrijving,
      resultaten: c.resultaten,
      urenPerWeek: c.urenPerWeek,
      omvang: c.omvangTekst,
    })),
    resultatenGedekt: v.resultatenGedekt,
    overnameHulpverlener: v.overnameHulpverlener,
  };
}
