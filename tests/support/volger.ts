import { io, type Socket } from "socket.io-client";
import type { ClientToServer, LiveEvent, ServerToClient } from "../../realtime/events";
import { houdBij } from "../../realtime/inhalen";
import { Volgorde } from "../../realtime/volgorde";
import { pauze } from "./fabriek";

/**
 * A socket that behaves like the browser's LiveProvider (the same Volgorde and catch-up loop,
 * reconnecting by itself) and records what it would show: per feed, the seqs in the order
 * delivered, from the head it started at.
 */
export function volger(url: string, token: string) {
  const getoond = new Map<string, number[]>();
  const start: Record<string, number> = {};
  const live: LiveEvent[] = [];
  const databaseMeldingen: boolean[] = [];
  const v = new Volgorde((e) => {
    const rij = getoond.get(e.feed) ?? [];
    rij.push(e.seq);
    getoond.set(e.feed, rij);
  });
  const basis = v.basis.bind(v);
  v.basis = (feed, seq) => {
    if (!(feed in start)) start[feed] = seq;
    basis(feed, seq);
  };
  const socket: Socket<ServerToClient, ClientToServer> = io(url, {
    transports: ["websocket"],
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    auth: { token },
  });
  let herladen = false;
  const bij = houdBij(socket, v, {
    status: () => {},
    herladen: () => {
      herladen = true;
    },
  });
  socket.on("live", (e) => live.push(e));
  socket.on("database", (ok) => databaseMeldingen.push(ok));
  return {
    socket,
    getoond,
    start,
    live,
    databaseMeldingen,
    get herladen() {
      return herladen;
    },
    stand: () => v.stand(),
    gaten: () => v.gaten(),
    /** Waits until the first sync has set the start of every feed. */
    async verbonden(ms = 10_000) {
      const einde = Date.now() + ms;
      while (Object.keys(start).length === 0) {
        if (Date.now() > einde) throw new Error(`socket op ${url} kreeg geen sync-antwoord`);
        await pauze(50);
      }
    },
    /** Asks once more (as the browser does now and then) and waits until each feed reaches `koppen`. */
    async bijTot(koppen: Record<string, number>, ms = 15_000) {
      const einde = Date.now() + ms;
      for (;;) {
        bij.synchroniseer();
        const stand = v.stand();
        if (Object.entries(koppen).every(([feed, seq]) => (stand[feed] ?? -1) >= seq) && v.gaten().length === 0) return;
        if (Date.now() > einde)
          throw new Error(`socket op ${url} bleef achter: ${JSON.stringify(stand)} < ${JSON.stringify(koppen)}`);
        await pauze(300);
      }
    },
    sluit() {
      bij.stop();
      socket.close();
    },
  };
}

export type Volger = ReturnType<typeof volger>;
