/**
 * Is this error "the database is away" (refused, reset, restarting, timed out) rather than a
 * bug? Those become a 503 with Retry-After, never a raw 500. drizzle wraps driver errors in
 * `cause`, so the whole chain is looked at.
 */
const NETWERK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
// SQLSTATE: admin/crash shutdown, cannot connect now (starting or stopping), too many connections.
const SQLSTATE = new Set(["57P01", "57P02", "57P03", "53300"]);

export function isDatabaseWeg(fout: unknown): boolean {
  for (
    let e = fout, diepte = 0;
    e && typeof e === "object" && diepte < 6;
    e = (e as { cause?: unknown }).cause, diepte++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWERK.has(code) || SQLSTATE.has(code) || code.startsWith("08"))) return true;
    const bericht = (e as { message?: unknown }).message;
    if (
      typeof bericht === "string" &&
      /Connection terminated|terminating connection|timeout exceeded when trying to connect/i.test(bericht)
    )
      return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseWeg)) return true;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const OPNIEUW_NA_S = 5;
