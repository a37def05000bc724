import type { LiveEvent } from "./events";

/**
 * Delivers each feed's events exactly once and in seq order, whatever order they arrive in
 * (processes publish independently, so B's seq 8 can overtake A's seq 7). An event ahead of a
 * missing seq is held until the gap is filled by a `sync`; nothing is dropped but repeats.
 * Used by the browser (useLive) and by the fault tests, so both follow one rule.
 */
export class Volgorde {
  private laatste = new Map<string, number>();
  private wachtend = new Map<string, Map<number, LiveEvent>>();

  constructor(private readonly lever: (e: LiveEvent) => void) {}

  /** The seq a feed is known up to (page load, sync answer); later knowledge never goes back. */
  basis(feed: string, seq: number) {
    if (seq > (this.laatste.get(feed) ?? -1)) this.laatste.set(feed, seq);
    this.spoel(feed);
  }

  ontvang(e: LiveEvent) {
    const rij = this.wachtend.get(e.feed) ?? new Map<number, LiveEvent>();
    this.wachtend.set(e.feed, rij);
    if (!rij.has(e.seq)) rij.set(e.seq, e);
    this.spoel(e.feed);
  }

  /** Per feed with a known start: the last seq delivered (what `sync` asks after). */
  stand(): Record<string, number> {
    return Object.fromEntries(this.laatste);
  }

  /** Feeds holding events ahead of a gap (or whose start is not known yet). */
  gaten(): string[] {
    return [...this.wachtend].filter(([, rij]) => rij.size > 0).map(([feed]) => feed);
  }

  private spoel(feed: string) {
    const rij = this.wachtend.get(feed);
    let laatste = this.laatste.get(feed);
    if (!rij || laatste === undefined) return; // the start is not known yet: hold
    for (const seq of rij.keys()) if (seq <= laatste) rij.delete(seq);
    for (let e = rij.get(laatste + 1); e; e = rij.get(laatste + 1)) {
      rij.delete(e.seq);
      laatste = e.seq;
      this.laatste.set(feed, laatste);
      this.lever(e);
    }
  }
}
