/**
 * The thresholds of the supervisor's signals (toezicht), in one place. docs/domein.md ("Signalen
 * voor het toezicht") says the same in words; change both together. Pure: no database, no clock.
 */
export const SIGNAALDREMPELS = {
  /** A rule's refusals rise: at least `minimum` in the last `periodeDagen` days, and more than `factor` × the period before. */
  weigeringen: { periodeDagen: 30, minimum: 3, factor: 1.5 },
  /** One provider wins most: its share of the awards (consortium members credited) above `procent`, once there are `minimumGunningen`. */
  marktaandeel: { procent: 50, minimumGunningen: 4 },
  /** A start message is overdue: no start of care reported this many working days (deadline.ts: no weekends, no public holidays) after the start date. */
  startmelding: { werkdagen: 5 },
  /** A staff cap is nearly used: this percentage of the staff the rulebook lets leave without a job offer in a year has left (kapVan). */
  personeelsplafond: { procent: 80 },
} as const;

/** Whether the refusals of one rule rise, by the threshold above. */
export function weigeringenStijgen(recent: number, daarvoor: number): boolean {
  const d = SIGNAALDREMPELS.weigeringen;
  return recent >= d.minimum && recent > daarvoor * d.factor;
}
