/**
 * Dates and periods as iWmo counts them, shared by every export format (JSON, CSV, WMO301, OCDS)
 * so they agree on months and totals.
 */
const DAG_MS = 86_400_000;

/** Milliseconds of an existing YYYY-MM-DD date, or null (rejects 2026-02-30). */
export function datumMs(datum: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return new Date(ms).toISOString().startsWith(datum) ? ms : null;
}

/** The day before a YYYY-MM-DD date. */
export function dagErvoor(datum: string): string {
  const ms = datumMs(datum);
  if (ms === null) throw new RangeError(`Ongeldige datum ${datum}`);
  return new Date(ms - DAG_MS).toISOString().slice(0, 10);
}

// Clamps to the month's last day, so 31 January plus one month is 28 February, not 3 March.
function plusMaanden(ms: number, n: number): number {
  const d = new Date(ms);
  const laatste = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n + 1, 0)).getUTCDate();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, Math.min(d.getUTCDate(), laatste));
}

/**
 * Calendar months from startdatum to einddatum, both inclusive (iWmo end dates are the last day
 * of care): 1 Jan–31 Dec is exactly 12, a part month counts by its share of days.
 */
export function maandenInPeriode(startdatum: string, einddatum: string): number {
  const s = datumMs(startdatum);
  const eind = datumMs(einddatum);
  if (s === null || eind === null) throw new RangeError(`Ongeldige periode ${startdatum}..${einddatum}`);
  const e = eind + DAG_MS;
  if (e <= s) return 0;
  const sd = new Date(s),
    ed = new Date(e);
  let hele = (ed.getUTCFullYear() - sd.getUTCFullYear()) * 12 + ed.getUTCMonth() - sd.getUTCMonth();
  while (hele > 0 && plusMaanden(s, hele) > e) hele--;
  const anker = plusMaanden(s, hele);
  return hele + (e - anker) / (plusMaanden(s, hele + 1) - anker);
}

const NL_TIJD = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

/** iWmo dates and times carry no zone and mean Dutch wall-clock time, so convert explicitly. */
export function nederlandseTijd(moment: Date): { datum: string; tijd: string; offset: string } {
  if (Number.isNaN(moment.getTime())) throw new RangeError("Ongeldig moment");
  const p = Object.fromEntries(NL_TIJD.formatToParts(moment).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === "GMT" ? "+00:00" : p.timeZoneName.replace("GMT", "");
  return { datum: `${p.year}-${p.month}-${p.day}`, tijd: `${p.hour}:${p.minute}:${p.second}`, offset };
}
