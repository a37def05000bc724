/** iWmo dates are YYYY-MM-DD without a zone; null when the text is no existing date. */
export function geldigeDatum(d: string | null): string | null {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  return new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) ? d : null;
}

/** The same calendar date `jaren` years earlier (29 February becomes 28 February). */
export function jarenTerug(d: string, jaren: number): string {
  const [j, m, dag] = d.split("-").map(Number);
  const laatste = new Date(Date.UTC(j - jaren, m, 0)).getUTCDate();
  return `${String(j - jaren).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(dag, laatste)).padStart(2, "0")}`;
}
