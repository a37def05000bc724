/**
 * The iWmo 3.2 uitvoeringsvarianten (OP261) and the eenheid and frequentie that go with each,
 * the one table the productcodelijst, the offer form and the server read. Pure: no database.
 *
 * - inspanningsgericht: the volume is effort in time (minuut, uur, dagdeel, etmaal) or pieces of
 *   effort (84), and the tariff is per that eenheid (OP262: per time unit, per piece for 84).
 *   The toewijzing carries Omvang (CD041: a product code needs Omvang).
 * - outputgericht: the volume is pieces of output (82) per month, priced per piece (OP263).
 *   Volume 1 × eenheid 82 × frequentie 4 is "one monthly result".
 * - taakgericht: an agreed amount for the task per month (OP263's "bedrag over een periode");
 *   its eenheid is 83 (euro's), the toewijzing carries a Budget, never Omvang (CD077). Omvang is
 *   then always 1 (one month of the task) and the tariff per eenheid is the amount per month.
 *
 * Frequentie 6 (totaal binnen de geldigheidsduur) is left out: the monthly amount every
 * comparison, total and budget check uses would then depend on the length of the toewijzing.
 */
export const UITVOERINGSVARIANTEN = ["inspanningsgericht", "outputgericht", "taakgericht"] as const;
export type Uitvoeringsvariant = (typeof UITVOERINGSVARIANTEN)[number];

/** Codelijst WJ756 Eenheid, with the word a person reads. */
export const EENHEDEN = {
  "01": "minuut",
  "04": "uur",
  "14": "etmaal",
  "16": "dagdeel (4 uur)",
  "82": "stuks (output)",
  "83": "euro's",
  "84": "stuks (inspanning)",
} as const;
export type Eenheid = keyof typeof EENHEDEN;
export const EENHEID_CODES = Object.keys(EENHEDEN) as [Eenheid, ...Eenheid[]];

/** Codelijst WMO757 Frequentie, as far as used here (see above for 6). */
export const FREQUENTIES = { "1": "per dag", "2": "per week", "4": "per maand" } as const;
export type Frequentie = keyof typeof FREQUENTIES;
export const FREQUENTIE_CODES = Object.keys(FREQUENTIES) as [Frequentie, ...Frequentie[]];

export const VARIANTEN: Record<
  Uitvoeringsvariant,
  { naam: string; eenheden: readonly Eenheid[]; frequenties: readonly Frequentie[]; uitleg: string }
> = {
  inspanningsgericht: {
    naam: "inspanningsgericht",
    eenheden: ["01", "04", "16", "14", "84"],
    frequenties: ["1", "2", "4"],
    uitleg: "inzet in tijd (of stuks inspanning), met een tarief per tijdseenheid (OP262)",
  },
  outputgericht: {
    naam: "outputgericht",
    eenheden: ["82"],
    frequenties: ["4"],
    uitleg: "een resultaat per maand, met een tarief per stuk (OP263)",
  },
  taakgericht: {
    naam: "taakgericht",
    eenheden: ["83"],
    frequenties: ["4"],
    uitleg: "een vast bedrag per maand voor de taak; de toewijzing krijgt een budget (CD077)",
  },
};

/** Whether this eenheid and frequentie go with the variant: the list refuses any other pair. */
export function pastBijVariant(variant: Uitvoeringsvariant, eenheid: string, frequentie: string): boolean {
  const v = VARIANTEN[variant];
  return (
    (v.eenheden as readonly string[]).includes(eenheid) && (v.frequenties as readonly string[]).includes(frequentie)
  );
}

/** The word for one eenheid, for "€ 68,00 per uur". Stuks are "per stuk", euro's "per maand" (taakgericht). */
export function perEenheid(eenheid: string): string {
  switch (eenheid) {
    case "82":
    case "84":
      return "per stuk";
    case "83":
      return "per maand";
    case "16":
      return "per dagdeel";
    default:
      return `per ${EENHEDEN[eenheid as Eenheid] ?? eenheid}`;
  }
}

/** "2 uur per week", "1 stuks (output) per maand": an omvang as a person reads it. */
export function omvangTekst(omvang: number, eenheid: string, frequentie: string): string {
  const getal = String(omvang).replace(".", ",");
  return `${getal} ${EENHEDEN[eenheid as Eenheid] ?? eenheid} ${FREQUENTIES[frequentie as Frequentie] ?? ""}`.trim();
}

// Months per frequentie: a year has 52 weeks and 365 days, spread over 12 months (as before for hours per week).
const PER_MAAND: Record<Frequentie, number> = { "1": 365 / 12, "2": 52 / 12, "4": 1 };

/**
 * The monthly amount of one offer component: omvang × price per eenheid × how often a month.
 * The one place it is derived; comparison, totals and the budget ceiling all read its result.
 */
export function maandbedragCent(c: { omvang: number; frequentie: string; prijsPerEenheidCent: number }): number {
  const factor = PER_MAAND[c.frequentie as Frequentie];
  if (factor === undefined) throw new Error(`onbekende frequentie ${c.frequentie}`);
  return Math.round(c.omvang * c.prijsPerEenheidCent * factor);
}
