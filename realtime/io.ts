import type { IncomingMessage, Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { actorUitHeaders, sessieEindigt } from "../app/auth/session.server";
import type { Actor } from "../app/domain/actor";
import { gemisteEvents, huidigeSeqs, registreerPublisher } from "../app/domain/live.server";
import { isDatabaseWeg } from "../db/bereikbaarheid";
import { meldDatabaseWeg } from "../db/bewaking.server";
import { logboek } from "../app/logboek.server";
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
export async function startRealtime(
  httpServer: HttpServer,
  opts: {
    adapterUrl?: string;
    publicUrl?: string;
    adresVan?: (req: IncomingMessage) => string;
    grenzen?: SocketGrenzen;
  },
) {
  const io: Realtime = new Server(httpServer, {
    serveClient: false,
    transports: ["websocket", "polling"],
    allowRequest: herkomstToegestaan(opts.publicUrl),
  });
  zetHeaders(httpServer);
  const binnenGrens = begrensSockets(
    opts.grenzen ?? { perSessie: 20, perAdres: 1000 },
    (s) => opts.adresVan?.(s.request) ?? s.handshake.address,
  );
  let pool: pg.Pool | undefined;
  if (opts.adapterUrl) {
    // Two connections: the adapter's LISTEN client and one for publishing. One publishing
    // connection keeps its NOTIFYs in order, so "session:ended" is sent (here and at the other
    // processes) before the sockets are disconnected; both are published before acting locally.
    pool = new pg.Pool({ connectionString: opts.adapterUrl, max: 2, connectionTimeoutMillis: 3000 });
    // The attachments table (socket_io_attachments) comes from a migration; the housekeeping clears it too.
    io.adapter(
      createAdapter(
        voorAdapter(pool, () => meldDatabase(io, true)),
        { errorHandler: (err) => logboek.warn({ err }, "socket.io-adapter: fout"), cleanupInterval: 60_000 },
      ),
    );
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
    } catch (e) {
      // The database away is no verdict on the session: the browser tries again.
      next(new Error(isDatabaseWeg(e) ? "unavailable" : "unauthorized"));
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
        // Heads first: every event up to them is then in the catch-up (it is read later).
        const koppen = await huidigeSeqs(feeds);
        const { events, herladen } = await gemisteEvents(gekend, koppen);
        ack({ events, feeds: koppen, herladen });
      } catch (err) {
        logboek.warn({ err, feeds }, "live: inhalen mislukt");
        ack({ events: [], feeds: {}, onbeschikbaar: true });
      }
    });
  });

  registreerPublisher({
    events: (events) => {
      for (const e of events) io.to(e.feed).emit("live", e);
    },
    verbreek: (room, stilVoor) => {
      (stilVoor ? io.to(room).except(stilVoor) : io.to(room)).emit("session:ended");
      io.in(room).disconnectSockets(true);
    },
  });

  return {
    io,
    async close() {
      io.close();
      await pool?.end().catch((err) => logboek.warn({ err }, "socket.io-adapter: pool niet netjes gesloten"));
    },
  };
}

/** Tells this process's sockets whether their live events may be missing (false) or can be caught up (true). */
export function meldDatabase(io: Realtime, bereikbaar: boolean) {
  io.local.emit("database", bereikbaar);
}

/**
 * The pool the adapter uses, made to survive a database restart. The adapter keeps one client
 * checked out for LISTEN and reconnects on its "end", but adds no "error" listener: a
 * terminated connection would crash the process. Here every client gets one, and the
 * listening client is given back to the pool (as broken) when it ends, so each restart does
 * not leak a slot; the adapter then takes a fresh one and LISTENs again.
 */
function voorAdapter(pool: pg.Pool, bijOpnieuwLuisteren: () => void): pg.Pool {
  let eerder = false;
  // An idle client lost its connection: the pool drops it; said at debug level, the bewaking reports the outage.
  pool.on("error", (err) => logboek.debug({ err }, "socket.io-adapter: verbinding in de pool verbroken"));
  pool.on("connect", (client) => {
    client.on("error", (err) => logboek.debug({ err }, "socket.io-adapter: verbinding verbroken"));
  });
  const luisterClient = async () => {
    const client = await pool.connect();
    client.on("error", (err) => {
      logboek.warn({ err }, "socket.io-adapter: luisterverbinding verbroken");
      meldDatabaseWeg();
    });
    client.once("end", () => {
      try {
        client.release(true);
      } catch {
        /* already given back */
      }
    });
    // Notifications sent while nobody listened are gone: once LISTEN is back, sockets catch up.
    if (eerder) setTimeout(bijOpnieuwLuisteren, 1000).unref();
    eerder = true;
    return client;
  };
  // The adapter calls only connect() (its LISTEN client) and query().
  return {
    connect: luisterClient,
    query: (...args: unknown[]) => (pool.query as (...a: unknown[]) => unknown)(...args),
  } as unknown as pg.Pool;
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
    } catch (err) {
      logboek.debug({ err }, "live: sessie-einde niet te lezen; over een minuut opnieuw");
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
