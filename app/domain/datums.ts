/** Calendar arithmetic on YYYY-MM-DD dates, in whole months, as contracts are written. */
export function plusMaanden(datum: string, maanden: number): string {
  const [j, m, d] = datum.split("-").map(Number);
  const doel = new Date(Date.UTC(j, m - 1 + maanden, 1));
  const laatsteDag = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d, laatsteDag));
  return doel.toISOString().slice(0, 10);
}

export function plusDag(datum: string, dagen: number): string {
  const t = new Date(`${datum}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + dagen);
  return t.toISOString().slice(0, 10);
}

/** A contract from 2025-01-01 to 2027-12-31 lasts 36 months: the end date is its last day. */
export function duurtMinstens(start: string, eind: string, maanden: number): boolean {
  return plusDag(plusMaanden(start, maanden), -1) <= eind;
}
