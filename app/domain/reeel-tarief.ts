import { euro } from "../format/nl";

/** A reëel tarief as the gemeente set it: a monthly floor, and for hour-based categories also an hourly rate. */
export type TariefRegel = { prijsPerMaandCent: number; prijsPerUurCent: number | null };

/**
 * Rule 3's floor for one category, the one number the server enforces and the offer page shows:
 * the monthly tariff, or, when the category has an hourly rate and hours are given, hours per
 * week × 52 weeks × hourly rate ÷ 12 months (rounded up to the cent) if that is higher.
 */
export function reeleVloer(t: TariefRegel, urenPerWeek: number | null | undefined): number {
  const perUur = t.prijsPerUurCent && urenPerWeek ? Math.ceil((urenPerWeek * 52 * t.prijsPerUurCent) / 12) : 0;
  return Math.max(t.prijsPerMaandCent, perUur);
}

/** The rule in one line, for the page before anything is typed. */
export function vloerRegel(t: TariefRegel): string {
  if (!t.prijsPerUurCent) return `minimaal ${euro(t.prijsPerMaandCent)} per maand.`;
  return `minimaal ${euro(t.prijsPerMaandCent)} per maand; met uren per week is het minimum het hoogste van dat bedrag en uren per week × 52 × ${euro(t.prijsPerUurCent)} ÷ 12. Zonder uren geldt ${euro(t.prijsPerMaandCent)}.`;
}

/** How the floor for these hours came about, with the number itself: the same text on the page and in the refusal. */
export function vloerBerekening(t: TariefRegel, urenPerWeek: number | null | undefined): string {
  const vloer = reeleVloer(t, urenPerWeek);
  if (!t.prijsPerUurCent || !urenPerWeek) return `${euro(vloer)} per maand (het maandtarief)`;
  const uren = String(urenPerWeek).replace(".", ",");
  const perUur = `${uren} uur per week × 52 × ${euro(t.prijsPerUurCent)} ÷ 12`;
  return vloer === t.prijsPerMaandCent
    ? `${euro(vloer)} per maand (het maandtarief; ${perUur} is lager)`
    : `${euro(vloer)} per maand (${perUur})`;
}
