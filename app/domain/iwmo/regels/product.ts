/** Each ToegewezenProduct: Omvang or Budget as the variant demands, its dates and its reden. */
import type { Wmo301Product } from "../bericht";
import type { Regel } from "../regel";
import { geldigeDatum } from "./datum";

const per =
  (f: (p: Wmo301Product) => string | null): Regel["controleer"] =>
  (b) =>
    b.producten.flatMap((p) => {
      const m = f(p);
      return m ? [`Product ${p.positie}${p.code ? ` (${p.code})` : ""}: ${m}`] : [];
    });

export const CD041: Regel = {
  code: "CD041",
  omschrijving: "Indien Code in Product gevuld is, is Omvang verplicht.",
  controleer: per((p) => (p.code && !p.omvang ? "een productcode zonder Omvang." : null)),
};

export const CD077: Regel = {
  code: "CD077",
  omschrijving: "Indien Budget gevuld is, Omvang leeg laten.",
  controleer: per((p) => (p.budget !== null && p.omvang ? "Budget en Omvang samen; Budget gaat zonder Omvang." : null)),
};

export const CD078: Regel = {
  code: "CD078",
  omschrijving: "Indien Omvang gevuld is, Budget leeg laten.",
  controleer: per((p) => (p.omvang && p.budget !== null ? "Omvang en Budget samen; Omvang gaat zonder Budget." : null)),
};

export const CD079: Regel = {
  code: "CD079",
  omschrijving: "Indien Budget leeg is, is Product verplicht.",
  controleer: per((p) => (p.budget === null && !p.categorie ? "geen Budget en geen Product." : null)),
};

export const CD080: Regel = {
  code: "CD080",
  omschrijving: "Indien Code in Product leeg is en Einddatum na 31-12-2020 of leeg, Omvang leeg laten.",
  controleer: per((p) =>
    !p.code && p.omvang && (p.einddatum === null || p.einddatum > "2020-12-31")
      ? "Omvang zonder productcode; geef dan een Budget."
      : null,
  ),
};

export const CD075: Regel = {
  code: "CD075",
  omschrijving: "Einddatum verplicht vullen indien Budget gevuld is.",
  controleer: per((p) => (p.budget !== null && !p.einddatum ? "een Budget zonder Einddatum." : null)),
};

export const CD076: Regel = {
  code: "CD076",
  omschrijving: "Einddatum verplicht vullen indien Frequentie 2 (per week) is.",
  controleer: per((p) => (p.omvang?.frequentie === "2" && !p.einddatum ? "per week zonder Einddatum." : null)),
};

export const CS003: Regel = {
  code: "CS003",
  omschrijving: "Einddatum is gelijk aan of later dan de Ingangsdatum.",
  controleer: per((p) => {
    const begin = geldigeDatum(p.ingangsdatum);
    if (!begin) return "Ingangsdatum is geen bestaande datum.";
    if (p.einddatum === null) return null;
    const eind = geldigeDatum(p.einddatum);
    if (!eind) return "Einddatum is geen bestaande datum.";
    return eind < begin ? `Einddatum ${eind} ligt voor Ingangsdatum ${begin}.` : null;
  }),
};

export const CS335: Regel = {
  code: "CS335",
  omschrijving: "RedenWijziging 13 (verwijderd) alleen als Ingangsdatum gelijk is aan Einddatum.",
  controleer: per((p) =>
    p.redenWijziging === "13" && p.einddatum !== p.ingangsdatum ? "reden 13 (verwijderd) met een looptijd." : null,
  ),
};

export const CS336: Regel = {
  code: "CS336",
  omschrijving: "RedenWijziging 01 (administratieve correctie, vervallen) niet gebruiken.",
  controleer: per((p) => (p.redenWijziging === "01" ? "reden 01 is vervallen." : null)),
};

export const CS338: Regel = {
  code: "CS338",
  omschrijving: "Bij Eenheid 14, 16, 83 of 84 en Einddatum na 31-12-2020 of leeg: Frequentie 2, 4 of 6.",
  controleer: per((p) =>
    p.omvang &&
    ["14", "16", "83", "84"].includes(p.omvang.eenheid ?? "") &&
    (p.einddatum === null || p.einddatum > "2020-12-31") &&
    !["2", "4", "6"].includes(p.omvang.frequentie ?? "")
      ? `eenheid ${p.omvang.eenheid} gaat alleen per week, per maand of totaal (frequentie 2, 4 of 6).`
      : null,
  ),
};

export const RS031: Regel = {
  code: "RS031",
  omschrijving: "Commentaarvelden niet leeg.",
  controleer: (b) =>
    [b.client.commentaar, ...b.producten.map((p) => p.commentaar)].some((c) => c !== null && !/\S/.test(c))
      ? ["Er staat een leeg Commentaar in het bericht."]
      : [],
};

/** A deleted toewijzing (reden 13 or the old 01, einddatum = ingangsdatum) is no current one (OP087, TR302). */
export const verwijderd = (p: Wmo301Product) =>
  (p.redenWijziging === "13" || p.redenWijziging === "01") && p.einddatum === p.ingangsdatum;
