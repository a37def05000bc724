import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Socket } from "socket.io";
import type { Actor } from "../app/domain/actor";

/** Live connections one session (a browser or an API token) and one address may hold at once (LIVE_MAX_PER_*). */
export type SocketGrenzen = { perSessie: number; perAdres: number };

/** Said to a socket that is closed for being one too many (event `verbinding:geweigerd`). */
export const teVeel = (g: SocketGrenzen) => ({
  sessie: `Te veel live verbindingen voor deze sessie (maximaal ${g.perSessie}). Sluit andere tabbladen.`,
  adres: `Te veel live verbindingen vanaf dit adres (maximaal ${g.perAdres}).`,
});

/**
 * The handshake: a browser always sends Origin, and it must be ours (PUBLIC_URL or the host the
 * request came to), so another site cannot open a live channel with the user's cookie. Clients
 * that are not browsers (API tokens) send none.
 */
export function herkomstToegestaan(publicUrl: string | undefined) {
  const eigen = publicUrl ? new URL(publicUrl).origin : null;
  return (req: IncomingMessage, klaar: (fout: string | null | undefined, ok: boolean) => void) => {
    const origin = req.headers.origin;
    if (!origin) return klaar(null, true);
    let ok = false;
    try {
      const o = new URL(origin);
      ok = o.origin === eigen || (o.host === req.headers.host && ["http:", "https:"].includes(o.protocol));
    } catch {
      ok = false;
    }
    klaar(ok ? null : "Deze herkomst mag geen live verbinding openen.", ok);
  };
}

/**
 * The same safety headers as every page, also on socket.io's own HTTP answers (polling, refusals),
 * which never pass through Express. Set before engine.io answers; its own headers are merged in.
 */
export function zetHeaders(httpServer: HttpServer, pad = "/socket.io/") {
  httpServer.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(pad)) return;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  });
}

/**
 * Counts live sockets per session and per address in this process; one over the cap is told why
 * and closed (the client does not reconnect after a server-side close).
 */
export function begrensSockets(grenzen: SocketGrenzen, adresVan: (s: Socket) => string) {
  const melding = teVeel(grenzen);
  const perSessie = new Map<string, number>();
  const perAdres = new Map<string, number>();
  const op = (m: Map<string, number>, k: string, d: number) => {
    const n = (m.get(k) ?? 0) + d;
    if (n > 0) m.set(k, n);
    else m.delete(k);
    return n;
  };
  return (socket: Socket, actor: Actor) => {
    const sessie = actor.soort === "systeem" ? "systeem" : actor.sessieId;
    const adres = adresVan(socket);
    const nSessie = op(perSessie, sessie, 1);
    const nAdres = op(perAdres, adres, 1);
    socket.once("disconnect", () => {
      op(perSessie, sessie, -1);
      op(perAdres, adres, -1);
    });
    const reden = nSessie > grenzen.perSessie ? melding.sessie : nAdres > grenzen.perAdres ? melding.adres : null;
    if (!reden) return true;
    socket.emit("verbinding:geweigerd" as never, { reden } as never);
    socket.disconnect(true);
    return false;
  };
}
