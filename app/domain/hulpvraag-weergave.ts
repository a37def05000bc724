import type { hulpvragen } from "../../db/schema";

type Hulpvraag = typeof hulpvragen.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What a provider sees of a request (rule 5): no client id, no consulent, no names. The same
 * function feeds the page, the API and the live event, and the consulent's preview shows it too.
 */
export function voorAanbieder(h: Hulpvraag, gemeenteNaam: string) {
  return {
    id: h.id,
    status: h.status,
    gemeente: gemeenteNaam,
    gemeenteId: h.gemeenteId,
    regio: h.regio,
    leeftijdsklasse: h.leeftijdsklasse,
    huishouden: h.huishouden,
    toelichting: h.toelichting,
    resultaten: h.resultaten,
    productcategorieen: h.productcategorieen,
    wensen: h.wensen,
    startdatum: h.startdatum,
    duurMaanden: h.duurMaanden,
    budgetPerMaandCent: h.budgetPerMaandCent,
    huidigeZorg: h.huidigeZorg,
    urgentie: h.urgentie,
    deadline: h.deadline.toISOString(),
    gepubliceerdOp: iso(h.gepubliceerdOp),
    ronde: h.ronde,
  };
}
export type HulpvraagVoorAanbieder = ReturnType<typeof voorAanbieder>;

/** The gemeente's own view: everything, with the internal client id (never the record itself). */
export function voorGemeente(h: Hulpvraag, gemeenteNaam: string) {
  return {
    ...voorAanbieder(h, gemeenteNaam),
    clientId: h.clientId,
    clientTekst: h.clientTekst,
    consulentId: h.consulentId,
    intrekkingsreden: h.intrekkingsreden,
    // A concept's default deadline is recomputed at publication; the consulent's own choice is kept.
    deadlineGekozen: h.deadlineGekozen,
    vorigeRondeId: h.vorigeRondeId,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}
export type HulpvraagVoorGemeente = ReturnType<typeof voorGemeente>;

/** The texts a provider would read, by field path: what the anonymity guard inspects. */
export function zichtbareTeksten(
  h: Pick<Hulpvraag, "regio" | "toelichting" | "resultaten" | "wensen" | "huidigeZorg">,
): Record<string, string> {
  const velden: Record<string, string> = { regio: h.regio, toelichting: h.toelichting };
  h.resultaten.forEach((r, i) => {
    velden[`resultaten.${i}.toelichting`] = r.toelichting;
  });
  for (const [k, v] of Object.entries(h.wensen ?? {})) if (typeof v === "string") velden[`wensen.${k}`] = v;
  if (h.huidigeZorg) velden["huidigeZorg.hulpverlenerRol"] = h.huidigeZorg.hulpverlenerRol;
  return velden;
}
