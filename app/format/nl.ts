/** nl-NL presentation of the API's units: euro cents, YYYY-MM-DD dates, ISO moments. Europe/Amsterdam time. */
const EURO = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
const EURO_INVOER = new Intl.NumberFormat("nl-NL", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});
const DATUM = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const MOMENT = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

export const euro = (cent: number) => EURO.format(cent / 100);
/** An amount as a form field shows it again for editing: "450,00". */
export const euroInvoer = (cent: number) => EURO_INVOER.format(cent / 100);
export const datum = (yyyyMmDd: string) => DATUM.format(new Date(`${yyyyMmDd}T00:00:00Z`));
export const moment = (iso: string | Date) => MOMENT.format(typeof iso === "string" ? new Date(iso) : iso);

/** "nog 2 dagen en 3 uur" — the countdown a provider reads next to a deadline. */
export function resterend(deadline: string | Date, nu = Date.now()): string {
  const ms = new Date(deadline).getTime() - nu;
  if (ms <= 0) return "verlopen";
  const minuten = Math.floor(ms / 60_000);
  const dagen = Math.floor(minuten / 1440);
  const uren = Math.floor((minuten % 1440) / 60);
  const min = minuten % 60;
  if (dagen > 0) return `nog ${aantal(dagen, "dag", "dagen")} en ${uren} uur`;
  if (uren > 0) return `nog ${uren} uur en ${aantal(min, "minuut", "minuten")}`;
  return `nog ${aantal(min, "minuut", "minuten")}`;
}

/** Dutch plurals: "1 consortium", "2 consortia", "0 aanbieders". */
export const aantal = (n: number, enkelvoud: string, meervoud: string) => `${n} ${n === 1 ? enkelvoud : meervoud}`;
