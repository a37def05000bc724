import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { actorUitHeaders, sessieEindigt } from "../app/auth/session.server";
import type { Actor } from "../app/domain/actor";
import { gemisteEvents, huidigeSeqs, registreerPublisher } from "../app/domain/live.server";
import { feedsVoorActor } from "./rooms";
import { begrensSockets, herkomstToegestaan, zetHeaders, type SocketGrenzen } from "./grenzen";
import type { ClientToServer, ServerToClient } from "./events";

type SocketData = { actor: Actor; feeds: string[] };
export type Realtime = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

/**
 * socket.io on the app's own http.Server. With a shared PostgreSQL server the adapter relays
 * emits between processes over LISTEN/NOTIFY, so a browser on process B hears what A committed.
 */
export async function startRealtime(httpServer: HttpServer, opts: { adapterUrl?: string; publicUrl?: string; adresVan?: (req: IncomingMessage) => string; grenzen?: SocketGrenzen }) {
  const io: Realtime = new Server(httpServer, { serveClient: false, transports: ["websocket", "polling"], allowRequest: herkomstToegestaan(opts.publicUrl) });
  zetHeaders(httpServer);
  const binnenGrens = begrensSockets(opts.grenzen ?? { perSessie: 20, perAdres: 1000 }, (s) => opts.adresVan?.(s.request) ?? s.handshake.address);
  let pool: pg.Pool | undefined;
  if (opts.adapterUrl) {
    pool = new pg.Pool({ connectionString: opts.adapterUrl, max: 2 });
    pool.on("error", () => {});
    await pool.query(`create table if not exists socket_io_attachments (id bigserial unique, created_at timestamptz default now(), payload bytea)`);
    io.adapter(createAdapter(pool, { errorHandler: () => {} }));
  }

  // Trust only the handshake: the session decides who this is and which rooms it may join.
  io.use(async (socket, next) => {
    try {
      const token = typeof socket.handshake.auth?.token === "string" ? socket.handshake.auth.token : null;
      const { actor } = await actorUitHeaders({
        cookie: socket.handshake.headers.cookie,
        authorization: token ? `Bearer ${token}` : socket.handshake.headers.authorization,
      });
      if (!actor || actor.soort === "systeem") return next(new Error("unauthorized"));
      socket.data.actor = actor;
      socket.data.feeds = feedsVoorActor(actor);
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket) => {
    const { actor, feeds } = socket.data;
    if (!binnenGrens(socket, actor)) return;
    socket.join(feeds);
    if (actor.soort !== "systeem") socket.join(`sessie:${actor.sessieId}`);
    bewaakEinde(socket, actor);
    socket.on("sync", async (verzoek, ack) => {
      if (typeof ack !== "function") return;
      try {
        const gevraagd = verzoek && typeof verzoek.feeds === "object" ? verzoek.feeds : {};
        const gezien = Object.fromEntries(feeds.map((f) => [f, Number.isInteger(gevraagd[f]) ? gevraagd[f] : -1]));
        const gekend = Object.fromEntries(Object.entries(gezien).filter(([, seq]) => seq >= 0));
        ack({ events: await gemisteEvents(gekend), feeds: await huidigeSeqs(feeds) });
      } catch {
        ack({ events: [], feeds: {} });
      }
    });
  });

  registreerPublisher({
    events: (events) => { for (const e of events) io.to(e.feed).emit("live", e); },
    verbreek: (room, stilVoor) => {
      (stilVoor ? io.to(room).except(stilVoor) : io.to(room)).emit("session:ended");
      io.in(room).disconnectSockets(true);
    },
  });

  return {
    io,
    async close() {
      io.close();
      await pool?.end().catch(() => {});
    },
  };
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than the session it was opened with: at the session's end, read
 * again then (a browser session may have been renewed by page loads meanwhile), it is closed.
 */
function bewaakEinde(socket: LiveSocket, actor: Actor) {
  let timer: NodeJS.Timeout | undefined;
  const controleer = async () => {
    let einde: Date | null;
    try {
      einde = await sessieEindigt(actor);
    } catch {
      timer = setTimeout(controleer, 60_000); // the database is away for a moment: look again, do not cut off
      return;
    }
    if (!socket.connected) return;
    if (!einde) {
      socket.emit("session:ended");
      socket.disconnect(true);
      return;
    }
    timer = setTimeout(controleer, Math.min(einde.getTime() - Date.now() + 250, MAX_TIMER_MS));
  };
  void controleer();
  socket.on("disconnect", () => clearTimeout(timer));
}
