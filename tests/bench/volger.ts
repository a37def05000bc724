import type postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import type { ClientToServer, LiveEvent, ServerToClient } from "../../realtime/events";
import { houdBij } from "../../realtime/inhalen";
import { Volgorde } from "../../realtime/volgorde";

/**
 * A bench socket that keeps up with its feeds exactly as the browser does: the same Volgorde
 * (each feed once, in seq order, holding what runs ahead of a gap) and the same catch-up loop
 * (houdBij), starting from the seqs a page loader would have given it. What it handed on per
 * feed is kept, so the end of the run can compare it with `live_events`.
 */
export class Volger {
  readonly socket: Socket<ServerToClient, ClientToServer>;
  readonly geleverd = new Map<string, number[]>();
  /** Arrivals ahead of a gap (held) and behind what was already handed on (dropped), syncs asked, disconnects. */
  readonly ruw = { vooruit: 0, achteraan: 0, syncs: 0, verbroken: 0 };
  private readonly volgorde: Volgorde;
  private readonly bij: ReturnType<typeof houdBij>;

  constructor(url: string, token: string, beginSeqs: Record<string, number>, opLevering: (e: LiveEvent) => void) {
    this.volgorde = new Volgorde((e) => {
      let lijst = this.geleverd.get(e.feed);
      if (!lijst) this.geleverd.set(e.feed, (lijst = []));
      lijst.push(e.seq);
      opLevering(e);
    });
    for (const [feed, seq] of Object.entries(beginSeqs)) this.volgorde.basis(feed, seq);
    this.socket = io(url, { transports: ["websocket"], auth: { token }, reconnectionDelay: 200 });
    // Counted before the catch-up loop sees the event, against what was handed on until now.
    this.socket.on("live", (e) => {
      const laatste = this.volgorde.stand()[e.feed] ?? 0;
      if (e.seq <= laatste) this.ruw.achteraan++;
      else if (e.seq > laatste + 1) this.ruw.vooruit++;
    });
    this.socket.onAnyOutgoing((naam) => {
      if (naam === "sync") this.ruw.syncs++;
    });
    this.socket.on("disconnect", () => {
      this.ruw.verbroken++;
    });
    this.bij = houdBij(this.socket, this.volgorde, { status: () => {}, herladen: () => {} });
  }

  /** The last seq handed on, per feed: the browser's `gezien`. */
  get gezien(): Record<string, number> {
    return this.volgorde.stand();
  }

  verbonden(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", reject);
    });
  }

  close() {
    this.bij.stop();
    this.socket.close();
  }
}

export type Gatencontrole = {
  gaps: number;
  duplicates: number;
  outOfOrder: number;
  heldAhead: number;
  droppedBehind: number;
  syncs: number;
  disconnects: number;
  feedsChecked: number;
};

/** Every socket's handed-on seqs per feed against the feed's full list in `live_events` after its starting seq. */
export async function controleerGaten(
  sql: postgres.Sql,
  volgers: { volger: Volger; begin: Record<string, number> }[],
): Promise<Gatencontrole> {
  const feeds = [...new Set(volgers.flatMap((v) => Object.keys(v.begin)))];
  const rijen = await sql<
    { feed: string; seqs: number[] }[]
  >`select feed, array_agg(seq order by seq) as seqs from live_events where feed = any(${feeds}) group by feed`;
  const perFeed = new Map(rijen.map((r) => [r.feed, r.seqs]));
  const uit: Gatencontrole = {
    gaps: 0,
    duplicates: 0,
    outOfOrder: 0,
    heldAhead: 0,
    droppedBehind: 0,
    syncs: 0,
    disconnects: 0,
    feedsChecked: 0,
  };
  for (const { volger, begin } of volgers) {
    for (const [feed, vanaf] of Object.entries(begin)) {
      uit.feedsChecked++;
      const verwacht = (perFeed.get(feed) ?? []).filter((s) => s > vanaf);
      const kreeg = volger.geleverd.get(feed) ?? [];
      const uniek = new Set(kreeg);
      uit.gaps += verwacht.filter((s) => !uniek.has(s)).length;
      uit.duplicates += kreeg.length - uniek.size;
      for (let i = 1; i < kreeg.length; i++) if (kreeg[i] < kreeg[i - 1]) uit.outOfOrder++;
    }
    uit.heldAhead += volger.ruw.vooruit;
    uit.droppedBehind += volger.ruw.achteraan;
    uit.syncs += volger.ruw.syncs;
    uit.disconnects += volger.ruw.verbroken;
  }
  return uit;
}

/** Waits until every socket has reached the newest seq of each of its feeds, or `ms` passes. */
export async function wachtTotBijgewerkt(
  sql: postgres.Sql,
  volgers: { volger: Volger; begin: Record<string, number> }[],
  ms: number,
) {
  const feeds = [...new Set(volgers.flatMap((v) => Object.keys(v.begin)))];
  const einde = Date.now() + ms;
  for (;;) {
    const rijen = await sql<{ feed: string; seq: number }[]>`select feed, seq from feeds where feed = any(${feeds})`;
    const nieuwst = new Map(rijen.map((r) => [r.feed, r.seq]));
    const achter = volgers.filter(({ volger, begin }) =>
      Object.keys(begin).some((f) => (volger.gezien[f] ?? 0) < (nieuwst.get(f) ?? 0)),
    );
    if (achter.length === 0 || Date.now() > einde) return achter.length;
    await new Promise((r) => setTimeout(r, 250));
  }
}
