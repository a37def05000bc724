// Default response deadlines for a hulpvraag (rule 6), in Europe/Amsterdam time.
// Pure: no timezone library and no node: imports, so the browser bundle can use it too.
// The offset of Amsterdam is read from Intl, which ships the tz database in Node and browsers.

export type DeadlineRegels = { deadlineSpoedUren: number; deadlineRegulierWerkdagen: number };

const TIJDZONE = "Europe/Amsterdam";
const UUR_MS = 3_600_000;
const DAG_MS = 86_400_000;
/** Regulier deadlines close at the end of the office day. */
const SLUITUUR = 17;
/** Each full block of this many days until the start beyond the first block … */
const VERLENGING_PER_DAGEN = 28;
/** … gives providers this many extra working days to prepare an offer. */
const VERLENGING_WERKDAGEN = 5;

type Delen = { year: number; month: number; day: number; hour: number; minute: number; second: number };

let formatter: Intl.DateTimeFormat | undefined;

function amsterdamDelen(moment: Date): Delen {
  // hourCycle h23: with hour12:false some engines print midnight as "24".
  formatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: TIJDZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const delen: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(moment)) {
    if (type !== "literal") delen[type] = Number(value);
  }
  return delen as Delen;
}

function controleerMoment(moment: Date, naam: string): void {
  if (!(moment instanceof Date) || Number.isNaN(moment.getTime())) {
    throw new RangeError(`${naam} is geen geldig tijdstip`);
  }
}

function ontleed(datum: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m) throw new RangeError(`Ongeldige datum "${datum}", verwacht YYYY-MM-DD`);
  const [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(j, mnd - 1, d));
  if (check.getUTCMonth() !== mnd - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Ongeldige datum "${datum}"`);
  }
  return [j, mnd, d];
}

const twee = (n: number) => String(n).padStart(2, "0");

function alsDatum(utcMiddernacht: number): string {
  const d = new Date(utcMiddernacht);
  return `${d.getUTCFullYear()}-${twee(d.getUTCMonth() + 1)}-${twee(d.getUTCDate())}`;
}

/** Milliseconds Amsterdam is ahead of UTC at this moment (3 600 000 in winter, 7 200 000 in summer). */
export function amsterdamOffsetMs(moment: Date): number {
  const p = amsterdamDelen(moment);
  const lokaalAlsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Intl drops milliseconds, so compare against the moment truncated to whole seconds.
  return lokaalAlsUtc - Math.floor(moment.getTime() / 1000) * 1000;
}

/** YYYY-MM-DD of the moment on an Amsterdam wall calendar. */
export function amsterdamDatum(moment: Date): string {
  controleerMoment(moment, "moment");
  const p = amsterdamDelen(moment);
  return `${p.year}-${twee(p.month)}-${twee(p.day)}`;
}

/** The instant at which Amsterdam clocks show this date and time. */
export function amsterdamTijdstip(datum: string, uur: number, minuut = 0, seconde = 0, ms = 0): Date {
  const [j, m, d] = ontleed(datum);
  const lokaal = Date.UTC(j, m - 1, d, uur, minuut, seconde, ms);
  // First guess uses the offset at the wrong instant; a second pass fixes the guesses that
  // straddle a DST switch. Local times in the skipped spring hour resolve to the summer offset.
  let t = lokaal - amsterdamOffsetMs(new Date(lokaal));
  const tweede = lokaal - amsterdamOffsetMs(new Date(t));
  if (tweede !== t) t = tweede;
  return new Date(t);
}

export function plusDagen(datum: string, dagen: number): string {
  const [j, m, d] = ontleed(datum);
  return alsDatum(Date.UTC(j, m - 1, d + dagen));
}

/** Calendar days from `van` to `tot` (negative when `tot` is earlier). */
export function dagenTussen(van: string, tot: string): number {
  const [j1, m1, d1] = ontleed(van);
  const [j2, m2, d2] = ontleed(tot);
  return Math.round((Date.UTC(j2, m2 - 1, d2) - Date.UTC(j1, m1 - 1, d1)) / DAG_MS);
}

/** Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function paaszondag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${twee(maand)}-${twee(dag)}`;
}

const feestdagCache = new Map<number, ReadonlyMap<string, string>>();

/**
 * Dutch national holidays of a year, date → name.
 * Bevrijdingsdag counts every year: by law it is a day off only every fifth year, but many
 * cao's give it every year and a day's slack in a deadline harms nobody.
 * Goede Vrijdag is not a general day off either; it is included for the same reason.
 */
export function feestdagen(jaar: number): ReadonlyMap<string, string> {
  const bekend = feestdagCache.get(jaar);
  if (bekend) return bekend;
  const pasen = paaszondag(jaar);
  const koningsdag = weekdag(`${jaar}-04-27`) === 0 ? `${jaar}-04-26` : `${jaar}-04-27`;
  const dagen = new Map<string, string>([
    [`${jaar}-01-01`, "Nieuwjaarsdag"],
    [plusDagen(pasen, -2), "Goede Vrijdag"],
    [pasen, "Eerste Paasdag"],
    [plusDagen(pasen, 1), "Tweede Paasdag"],
    [koningsdag, "Koningsdag"],
    [`${jaar}-05-05`, "Bevrijdingsdag"],
    [plusDagen(pasen, 39), "Hemelvaartsdag"],
    [plusDagen(pasen, 49), "Eerste Pinksterdag"],
    [plusDagen(pasen, 50), "Tweede Pinksterdag"],
    [`${jaar}-12-25`, "Eerste Kerstdag"],
    [`${jaar}-12-26`, "Tweede Kerstdag"],
  ]);
  feestdagCache.set(jaar, dagen);
  return dagen;
}

/** 0 = Sunday … 6 = Saturday. */
function weekdag(datum: string): number {
  const [j, m, d] = ontleed(datum);
  return new Date(Date.UTC(j, m - 1, d)).getUTCDay();
}

export function isWerkdag(datum: string): boolean {
  const dag = weekdag(datum);
  return dag !== 0 && dag !== 6 && !feestdagen(Number(datum.slice(0, 4))).has(datum);
}

/** The date `aantal` working days after `datum` (`datum` itself never counts). */
export function plusWerkdagen(datum: string, aantal: number): string {
  let dag = datum;
  for (let geteld = 0; geteld < aantal;) {
    dag = plusDagen(dag, 1);
    if (isWerkdag(dag)) geteld++;
  }
  return dag;
}

export function vorigeWerkdag(datum: string): string {
  let dag = plusDagen(datum, -1);
  while (!isWerkdag(dag)) dag = plusDagen(dag, -1);
  return dag;
}

/** Working days d with van < d ≤ tot; 0 when tot is not after van. */
export function werkdagenTussen(van: string, tot: string): number {
  let aantal = 0;
  for (let dag = plusDagen(van, 1); dagenTussen(dag, tot) >= 0; dag = plusDagen(dag, 1)) {
    if (isWerkdag(dag)) aantal++;
  }
  return aantal;
}

/** Extra working days because the care starts far ahead: 5 per full 28 days past the first 28. */
export function verlengingWerkdagen(dagenTotStart: number): number {
  const blokken = Math.floor(Math.max(0, dagenTotStart - VERLENGING_PER_DAGEN) / VERLENGING_PER_DAGEN);
  return VERLENGING_WERKDAGEN * blokken;
}

export function standaardDeadline(input: {
  urgentie: "spoed" | "regulier";
  nu: Date;
  startdatum: string;
  regels: DeadlineRegels;
}): Date {
  const { urgentie, nu, startdatum, regels } = input;
  controleerMoment(nu, "nu");
  if (urgentie === "spoed") {
    // Real elapsed hours: across a DST switch the wall clock moves by one hour more or less.
    return new Date(nu.getTime() + regels.deadlineSpoedUren * UUR_MS);
  }
  const vandaag = amsterdamDatum(nu);
  const extra = verlengingWerkdagen(dagenTussen(vandaag, startdatum));
  const dag = plusWerkdagen(vandaag, regels.deadlineRegulierWerkdagen + extra);
  return amsterdamTijdstip(dag, SLUITUUR);
}

/**
 * Same Amsterdam wall-clock time on the previous working day, for reminders.
 * That day is never a Sunday, and Amsterdam only switches clocks on Sundays, so the
 * time always exists exactly once.
 */
export function eenWerkdagVoor(deadline: Date): Date {
  controleerMoment(deadline, "deadline");
  const p = amsterdamDelen(deadline);
  const dag = vorigeWerkdag(amsterdamDatum(deadline));
  return amsterdamTijdstip(dag, p.hour, p.minute, p.second, deadline.getUTCMilliseconds());
}
