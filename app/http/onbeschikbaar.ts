import { OPNIEUW_NA_S } from "../domain/errors";

/**
 * The page people see while the database is away: plain HTML without scripts (nothing of the
 * app can be trusted to render), in Dutch, and it tries again by itself.
 */
export function onbeschikbaarPagina(): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${OPNIEUW_NA_S * 2}"><title>Even niet bereikbaar — Zorgveiling</title></head>
<body><main><h1>Zorgveiling is even niet bereikbaar</h1>
<p>De database reageert op dit moment niet. Er is niets van uw werk verloren gegaan dat al was opgeslagen.</p>
<p>Deze pagina probeert het over een paar seconden zelf opnieuw. Blijft het langer dan een paar minuten zo, neem dan contact op met de functioneel beheerder van uw gemeente.</p>
</main></body></html>`;
}

export const onbeschikbaarHeaders = (): Record<string, string> => ({
  "Content-Type": "text/html; charset=utf-8",
  "Retry-After": String(OPNIEUW_NA_S),
  "Cache-Control": "no-store",
});

/**
 * Files (CSV, calendar, downloads) while the database is away: a calendar app or script reads no
 * HTML, so plain Dutch text, with the same Retry-After.
 */
export function onbeschikbaarBestand(): Response {
  return new Response(
    `Zorgveiling is even niet bereikbaar: de database reageert op dit moment niet. Probeer het over ${OPNIEUW_NA_S} seconden opnieuw.\n`,
    { status: 503, headers: { ...onbeschikbaarHeaders(), "Content-Type": "text/plain; charset=utf-8" } },
  );
}
