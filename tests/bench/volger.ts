import type postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import type { LiveEvent, SyncAntwoord } from "../../realtime/events";

/**
 * A bench socket that keeps up with its feeds the way the browser must: it starts from the seqs
 * a page loader would have given it, asks `sync` on every (re)connect, holds an event that runs
 * ahead of a missing seq and asks `sync` again, and hands events on only in seq order. What it
 * handed on per feed is kept, so the end of the run can compare it with `live_events`.
 */
export class Volger {
  readonly socket: Socket;
  /** The last seq handed on, per feed: the browser's `gezien`. */
  readonly gezien: Record<string, number>;
  readonly geleverd = new Map<string, number[]>();
  private readonly vast = new Map<string, Map<number, LiveEvent>>();
  private syncBezig = false;
  private syncOpnieuw = false;
  /** Arrivals ahead of a gap (held) and behind what was already handed on (dropped). */
  readonly ruw = { vooruit: 0, achteraan: 0, syncs: 0, verbroken: 0 };

  constructor(url: string, token: string, beginSeqs: Record<string, number>, private readonly opLevering: (e: LiveEvent) => void) {
    this.gezien = { ...beginSeqs };
    this.socket = io(url, { transports: ["websocket"], auth: { token }, reconnectionDelay: 200 });
    this.socket.on("connect", () => this.vraagSync());
    this.socket.on("disconnect", () => { this.ruw.verbroken++; });
    this.socket.on("live", (e: LiveEvent) => this.ontvang(e, false));
  }

  verbonden(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => { this.socket.once("connect", () => resolve()); this.socket.once("connect_error", reject); });
  }

  private ontvang(e: LiveEvent, viaSync: boolean) {
    const laatste = this.gezien[e.feed] ?? 0;
    if (e.seq <= laatste) { if (!viaSync) this.ruw.achteraan++; return; }
    if (e.seq > laatste + 1) {
      let wacht = this.vast.get(e.feed);
      if (!wacht) this.vast.set(e.feed, (wacht = new Map()));
      if (!viaSync && !wacht.has(e.seq)) this.ruw.vooruit++;
      wacht.set(e.seq, e);
      if (!viaSync) this.vraagSync();
      return;
    }
    this.lever(e);
    const wacht = this.vast.get(e.feed);
    for (let volgende = wacht?.get(e.seq + 1); volgende; volgende = wacht!.get(volgende.seq + 1)) {
      wacht!.delete(volgende.seq);
      this.lever(volgende);
    }
    for (const seq of wacht?.keys() ?? []) if (seq <= this.gezien[e.feed]) wacht!.delete(seq);
  }

  private lever(e: LiveEvent) {
    this.gezien[e.feed] = e.seq;
    let lijst = this.geleverd.get(e.feed);
    if (!lijst) this.geleverd.set(e.feed, (lijst = []));
    lijst.push(e.seq);
    this.opLevering(e);
  }

  /** One sync at a time; a gap seen meanwhile asks again when the answer is in. */
  private vraagSync() {
    if (this.syncBezig) { this.syncOpnieuw = true; return; }
    this.syncBezig = true;
    this.ruw.syncs++;
    this.socket.emit("sync", { feeds: { ...this.gezien } }, (antwoord: SyncAntwoord) => {
      this.syncBezig = false;
      for (const e of antwoord.events) this.ontvang(e, true);
      // A full page, or a gap still open: ask again (the missing event committed before the one held).
      const nogGat = [...this.vast.values()].some((w) => w.size > 0);
      if (this.syncOpnieuw || antwoord.events.length >= 500 || (nogGat && antwoord.events.length > 0)) {
        this.syncOpnieuw = false;
        this.vraagSync();
      }
    });
  }

  close() {
    this.socket.close();
  }
}

export type Gatencontrole = { gaps: number; duplicates: number; outOfOrder: number; heldAhead: number; droppedBehind: number; syncs: number; disconnects: number; feedsChecked: number };

/** Every socket's handed-on seqs per feed against the feed's full list in `live_events` after its starting seq. */
export async function controleerGaten(sql: postgres.Sql, volgers: { volger: Volger; begin: Record<string, number> }[]): Promise<Gatencontrole> {
  const feeds = [...new Set(volgers.flatMap((v) => Object.keys(v.begin)))];
  const rijen = await sql<{ feed: string; seqs: number[] }[]>`select feed, array_agg(seq order by seq) as seqs from live_events where feed = any(${feeds}) group by feed`;
  const perFeed = new Map(rijen.map((r) => [r.feed, r.seqs]));
  const uit: Gatencontrole = { gaps: 0, duplicates: 0, outOfOrder: 0, heldAhead: 0, droppedBehind: 0, syncs: 0, disconnects: 0, feedsChecked: 0 };
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
export async function wachtTotBijgewerkt(sql: postgres.Sql, volgers: { volger: Volger; begin: Record<string, number> }[], ms: number) {
  const feeds = [...new Set(volgers.flatMap((v) => Object.keys(v.begin)))];
  const einde = Date.now() + ms;
  for (;;) {
    const rijen = await sql<{ feed: string; seq: number }[]>`select feed, seq from feeds where feed = any(${feeds})`;
    const nieuwst = new Map(rijen.map((r) => [r.feed, r.seq]));
    const achter = volgers.filter(({ volger, begin }) => Object.keys(begin).some((f) => (volger.gezien[f] ?? 0) < (nieuwst.get(f) ?? 0)));
    if (achter.length === 0 || Date.now() > einde) return achter.length;
    await new Promise((r) => setTimeout(r, 250));
  }
}
