import { amsterdamOffsetMs } from "./deadline";

/**
 * Office hours, in one place (Europe/Amsterdam): outside them a consulent is not watching the
 * screen, so an offer that arrives then is also told by e-mail (mailmeldingen.server.ts). The
 * default is Monday to Friday 08:00–17:00, the office day whose end also closes a regular
 * deadline (deadline.ts); a gemeente with other hours sets KANTOORUREN (README, Configuration).
 * Public holidays count as working days.
 */
export type Kantooruren = { dagen: "ma-vr" | "ma-za" | "ma-zo"; vanMinuut: number; totMinuut: number };

export const KANTOORUREN_STANDAARD = "ma-vr 08:00-17:00";
const LAATSTE_DAG = { "ma-vr": 5, "ma-za": 6, "ma-zo": 7 } as const;

/** Reads "ma-vr 08:00-17:00" (days ma-vr, ma-za or ma-zo; times HH:MM, up to 24:00); a Dutch message when it is not that. */
export function leesKantooruren(tekst: string): Kantooruren | string {
  const m = /^(ma-vr|ma-za|ma-zo) ([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(tekst.trim());
  if (!m) return `"${tekst}" is geen geldige tijd, gebruik bijvoorbeeld "${KANTOORUREN_STANDAARD}".`;
  const van = Number(m[2]) * 60 + Number(m[3]);
  const tot = Number(m[4]) * 60 + Number(m[5]);
  if (van >= tot || tot > 24 * 60) return `In "${tekst}" ligt het begin niet voor het einde.`;
  return { dagen: m[1] as Kantooruren["dagen"], vanMinuut: van, totMinuut: tot };
}

let ingesteld = leesKantooruren(KANTOORUREN_STANDAARD) as Kantooruren;

/** Set once at start from the configuration (server.ts). */
export function zetKantooruren(uren: Kantooruren) {
  ingesteld = uren;
}

/** Amsterdam's weekday (1 = Monday … 7 = Sunday), minute of the day and date at this moment. */
function amsterdam(moment: Date) {
  const lokaal = new Date(moment.getTime() + amsterdamOffsetMs(moment));
  return {
    dag: lokaal.getUTCDay() === 0 ? 7 : lokaal.getUTCDay(),
    minuut: lokaal.getUTCHours() * 60 + lokaal.getUTCMinutes(),
    datum: lokaal.toISOString().slice(0, 10),
  };
}

export function binnenKantooruren(moment: Date, uren: Kantooruren = ingesteld): boolean {
  const a = amsterdam(moment);
  return a.dag <= LAATSTE_DAG[uren.dagen] && a.minuut >= uren.vanMinuut && a.minuut < uren.totMinuut;
}

/**
 * The Amsterdam date of the office day on which someone is next at work: today before opening
 * on a working day, otherwise the next working day. One after-hours message per request per night uses it.
 */
export function volgendeKantoordag(moment: Date, uren: Kantooruren = ingesteld): string {
  const a = amsterdam(moment);
  if (a.dag <= LAATSTE_DAG[uren.dagen] && a.minuut < uren.vanMinuut) return a.datum;
  const t = new Date(`${a.datum}T00:00:00Z`);
  let dag = a.dag;
  do {
    t.setUTCDate(t.getUTCDate() + 1);
    dag = dag === 7 ? 1 : dag + 1;
  } while (dag > LAATSTE_DAG[uren.dagen]);
  return t.toISOString().slice(0, 10);
}
