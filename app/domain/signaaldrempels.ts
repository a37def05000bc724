/**
 * The thresholds of the supervisor's signals (toezicht), in one place. docs/domein.md ("Signalen
 * voor het toezicht") says the same in words; change both together. Pure: no database, no clock.
 */
export const SIGNAALDREMPELS = {
  /** A rule's refusals rise: at least `minimum` in the last `periodeDagen` days, and more than `factor` × the period before. */
  weigeringen: { periodeDagen: 30, minimum: 3, factor: 1.5 },
  /** One provider wins most: its share of the awards (consortium members credited) above `procent`, once there are `minimumGunningen`. */
  marktaandeel: { procent: 50, minimumGunningen: 4 },
  /** A start message is overdue: no start of care reported this many working days (Mon–Fri) after the start date. */
  startmelding: { werkdagen: 5 },
  /** A staff cap is nearly used: this percentage of the staff the rulebook lets leave without a job offer in a year has left (kapVan). */
  personeelsplafond: { procent: 80 },
} as const;

/** `datum` (YYYY-MM-DD) plus `n` working days, Monday to Friday (public holidays are not counted out). */
export function plusWerkdagen(datum: string, n: number): string {
  const t = new Date(`${datum}T00:00:00Z`);
  let over = n;
  while (over > 0) {
    t.setUTCDate(t.getUTCDate() + 1);
    const dag = t.getUTCDay();
    if (dag !== 0 && dag !== 6) over--;
  }
  return t.toISOString().slice(0, 10);
}

/** Whether the refusals of one rule rise, by the threshold above. */
export function weigeringenStijgen(recent: number, daarvoor: number): boolean {
  const d = SIGNAALDREMPELS.weigeringen;
  return recent >= d.minimum && recent > daarvoor * d.factor;
}
