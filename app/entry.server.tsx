import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseWeg } from "../db/bereikbaarheid";
import { FOUTCODES } from "./domain/errors";
import { onbeschikbaarHeaders, onbeschikbaarPagina } from "./http/onbeschikbaar";
import { logboek } from "./logboek.server";

// What server.ts needs of the app. It reaches the app only through this build, so every module
// (the database pool, the live publisher, the error classes) exists once per process.
export { readConfig } from "./config.server";
export { closeDatabase, useDatabase, db } from "../db/client.server";
export { demoAanmeldingen, seedDemo } from "../db/seed";
export { actorUitHeaders, hashWachtwoord } from "./auth/session.server";
export { apiRouter } from "./api/router.server";
export { beveiligingsHeaders, controleerHerkomst } from "./http/beveiliging.server";
export { begrensdeRemixHandler, MAX_VERBINDINGEN, SERVER_OPTIES } from "./http/begrenzing.server";
export { startKlok } from "./domain/klok.server";
export { zetPubliekAdres } from "./domain/berichten.server";
export { zetKantooruren } from "./domain/kantooruren";
export { meldDatabase, startRealtime } from "../realtime/io";
export { startBewaking } from "../db/bewaking.server";
export { isDatabaseWeg } from "../db/bereikbaarheid";
export { onbeschikbaarHeaders, onbeschikbaarPagina } from "./http/onbeschikbaar";
export { logboek } from "./logboek.server";

const ABORT_DELAY = 5_000;

/**
 * A strict Content-Security-Policy on every page: scripts only from our origin or with this
 * response's nonce (Remix's own inline scripts carry it), no framing, no plugins, forms and
 * sockets only to ourselves. Inline style attributes stay allowed; inline <style> does not.
 */
export function inhoudsbeleid(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A loader or action that met an absent database marks its request; the answer becomes a 503. */
export const handleError: HandleErrorFunction = (error, { context }) => {
  if (isDatabaseWeg(error)) {
    if (context) context.databaseWeg = true;
    return;
  }
  console.error(error);
};

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  if (!context?.databaseWeg) return response;
  const { "Content-Type": _, ...headers } = onbeschikbaarHeaders();
  return Response.json(
    { error: { code: "unavailable", message: FOUTCODES.unavailable.bericht, details: [] } },
    { status: 503, headers },
  );
};

// Pages are rendered whole (no deferred data here), so bots and browsers get the same stream.
export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  if (loadContext.databaseWeg)
    return new Response(onbeschikbaarPagina(), { status: 503, headers: onbeschikbaarHeaders() });
  return new Promise((resolve, reject) => {
    let fout = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          headers.set("Content-Type", "text/html; charset=utf-8");
          headers.set("Content-Security-Policy", inhoudsbeleid(nonce));
          resolve(new Response(createReadableStreamFromReadable(body), { headers, status: fout ? 500 : status }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          fout = true;
          logboek.error({ err: error, pad: new URL(request.url).pathname }, "pagina kon niet worden opgebouwd");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
