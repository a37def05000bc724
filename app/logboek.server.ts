import { pino } from "pino";

/**
 * The one logger of the server. Anything that may name a person (cookies, bearer tokens,
 * passwords, invite codes, BSN, names, addresses) is censored before it is written, so the log
 * can be kept and shipped without becoming a second client register.
 */
const GEHEIM = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "*.password",
  "*.wachtwoord",
  "*.token",
  "*.code",
  "*.bsn",
  "*.naam",
  "*.straat",
  "*.huisnummer",
  "*.achternaam",
  "*.voorletters",
  "*.voorvoegsel",
  "*.postcode",
  "*.geboortedatum",
  "*.email",
];

export const logboek = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "zorgveiling", pid: process.pid },
  redact: { paths: GEHEIM, censor: "[verborgen]" },
});
