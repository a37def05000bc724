import { and, gt, inArray, eq, or } from "drizzle-orm";
import { feeds, liveEvents } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { feedVoor, type LiveBerichten, type LiveEvent, type LiveEventType } from "../../realtime/events";
import { schrijfWachtendeAudits } from "./audit.server";
import { openWachtrij } from "./uitgesteld.server";
import { voorbereid } from "./vooraf.server";

export type Melder = <T extends LiveEventType>(feed: string, type: T, payload: LiveBerichten[T]) => Promise<void>;

type Publisher = { events: (events: LiveEvent[]) => void; verbreek: (room: string, stilVoor?: string) => void };
let publisher: Publisher | undefined;

/** Set once by realtime/io.ts; the domain never imports socket.io. */
export function registreerPublisher(publish: Publisher) {
  publisher = publish;
}

/**
 * Closes the live connections of a signed-out session (`sessie:<id>`) or of all a user's sessions
 * (`gebruiker:<id>`). Sockets in `stilVoor` are closed without the session:ended notice: that is
 * the page that signed out, already on its way to its own next page.
 */
export function verbreekVerbindingen(room: string, stilVoor?: string) {
  publisher?.verbreek(room, stilVoor);
}

type Wachtend = { feed: string; type: LiveEventType; payload: LiveBerichten[LiveEventType] };

/**
 * Runs `werk` in one transaction and publishes its live events only after the commit,
 * so nobody is ever told about a change that was rolled back. Audit entries and events are
 * written at the end, pipelined, so the shared locks (audit chain, feed counters; always taken
 * in that order) are held for about one round trip before the commit.
 */
export async function inTransactie<T>(werk: (tx: Tx, meld: Melder) => Promise<T>): Promise<T> {
  let gemeld: LiveEvent[] = [];
  const uitkomst = await db().transaction(async (tx) => {
    const wachtrij = openWachtrij(tx);
    const wachtend: Wachtend[] = [];
    const uit = await werk(tx, async (feed, type, payload) => {
      wachtend.push({ feed, type, payload });
    });
    wachtend.push(...toezichtEvents(wachtend));
    // The audit append and the events are independent statements: pipelined, one round trip.
    // Deferred writes (uitstellen) were sent before these; they are awaited with them.
    [, gemeld] = await Promise.all([
      schrijfWachtendeAudits(tx, wachtrij.audits),
      schrijfEvents(tx, wachtend),
      ...wachtrij.lopend,
    ]);
    return uit;
  });
  if (gemeld.length) publisher?.events(gemeld);
  return uitkomst;
}

const GEMEENTE_FEED = feedVoor.gemeente("");

/**
 * Whatever the gemeente's staff are told about its market also moves the supervisor's figures:
 * one `figures:changed` per request on the gemeente's toezicht feed, in the same transaction, so
 * the supervisor hears of committed changes only. It carries no content, only which request.
 */
function toezichtEvents(wachtend: Wachtend[]): Wachtend[] {
  const uit = new Map<string, Wachtend>();
  for (const e of wachtend) {
    if (!e.feed.startsWith(GEMEENTE_FEED)) continue;
    const gemeenteId = e.feed.slice(GEMEENTE_FEED.length);
    const hulpvraagId = (e.payload as { hulpvraagId?: string }).hulpvraagId ?? null;
    const sleutel = `${gemeenteId} ${hulpvraagId}`;
    if (!uit.has(sleutel)) {
      uit.set(sleutel, {
        feed: feedVoor.toezicht(gemeenteId),
        type: "figures:changed",
        payload: { hulpvraagId, aanleiding: e.type },
      });
    }
  }
  return [...uit.values()];
}

// One text for every transaction, so the driver prepares it once per connection ($1: feed and type per event, $2: the payloads).
const EVENTS_SCHRIJVEN = `
    with ev as (select * from jsonb_to_recordset($1::jsonb) as e(i int, feed text, type text)),
    per_feed as (select feed, count(*)::int as n from ev group by feed),
    teller as (
      insert into feeds (feed, seq) select feed, n from per_feed order by feed
      on conflict (feed) do update set seq = feeds.seq + excluded.seq
      returning feed, seq),
    genummerd as (
      select ev.i, ev.feed, ev.type, teller.seq - per_feed.n + row_number() over (partition by ev.feed order by ev.i) as seq
      from ev join teller using (feed) join per_feed using (feed)),
    ingevoegd as (
      insert into live_events (feed, seq, type, payload)
      select g.feed, g.seq, g.type, ($2::jsonb) -> g.i from genummerd g
      returning feed, seq, created_at)
    select g.i, g.seq::int as seq, n.created_at from genummerd g join ingevoegd n using (feed, seq)`;

/**
 * Numbers the events per feed and stores them in one statement. The feed counter rows are
 * locked in name order (no deadlocks) and stay locked until the commit, so one feed's
 * sequence numbers are in commit order: a reconnecting browser never skips an event.
 */
async function schrijfEvents(tx: Tx, wachtend: Wachtend[]): Promise<LiveEvent[]> {
  if (wachtend.length === 0) return [];
  const invoer = JSON.stringify(wachtend.map((e, i) => ({ i, feed: e.feed, type: e.type })));
  const rijen = await voorbereid<{ i: number; seq: number; created_at: string }>(tx, EVENTS_SCHRIJVEN, [
    invoer,
    JSON.stringify(wachtend.map((e) => e.payload)),
  ]);
  return [...rijen]
    .sort((a, b) => a.i - b.i)
    .map((r) => ({ ...wachtend[r.i], seq: r.seq, at: new Date(r.created_at).toISOString() }) as LiveEvent);
}

/**
 * How long live events are kept for a browser to catch up on (the housekeeping clock job
 * deletes older ones). A browser away longer is told to reload the page instead.
 */
export const INHAALVENSTER_UUR = 24;
const PAGINA = 500;
const MAXIMUM = 5000;

/**
 * What a reconnecting browser missed: per feed, every event after the last seq it saw, read
 * by (feed, seq) page after page until complete. A feed's seqs are committed in order (the
 * counter row is locked until commit), so what is stored is gap-free unless the housekeeping
 * removed the start of it: then, or beyond MAXIMUM events, `herladen` asks for a page load.
 * `koppen`: each feed's head read before, so a feed cleared entirely is noticed too.
 */
export async function gemisteEvents(
  gezien: Record<string, number>,
  koppen: Record<string, number> = {},
): Promise<{ events: LiveEvent[]; herladen: boolean }> {
  const stand = new Map(Object.entries(gezien));
  const bereikt = new Map(stand);
  const uit: LiveEvent[] = [];
  while (stand.size > 0) {
    const rijen = await db()
      .select()
      .from(liveEvents)
      .where(or(...[...stand].map(([feed, seq]) => and(eq(liveEvents.feed, feed), gt(liveEvents.seq, seq)))))
      .orderBy(liveEvents.feed, liveEvents.seq)
      .limit(PAGINA);
    for (const r of rijen) {
      if (r.seq !== stand.get(r.feed)! + 1) return { events: [], herladen: true };
      stand.set(r.feed, r.seq);
      bereikt.set(r.feed, r.seq);
      uit.push({
        feed: r.feed,
        seq: r.seq,
        type: r.type,
        payload: r.payload,
        at: r.createdAt.toISOString(),
      } as LiveEvent);
    }
    if (rijen.length < PAGINA) break;
    if (uit.length >= MAXIMUM) return { events: [], herladen: true };
    // Feeds whose last row did not fill the page are complete; the last feed may go on.
    const laatsteFeed = rijen[rijen.length - 1].feed;
    for (const feed of [...stand.keys()]) if (feed < laatsteFeed) stand.delete(feed);
  }
  // Every event up to the heads read before is committed; one missing means it was cleared away.
  for (const [feed, seq] of bereikt) if (seq < (koppen[feed] ?? 0)) return { events: [], herladen: true };
  return { events: uit, herladen: false };
}

export async function huidigeSeqs(feedNamen: string[]): Promise<Record<string, number>> {
  if (feedNamen.length === 0) return {};
  const rijen = await db().select().from(feeds).where(inArray(feeds.feed, feedNamen));
  const uit: Record<string, number> = Object.fromEntries(feedNamen.map((f) => [f, 0]));
  for (const r of rijen) uit[r.feed] = r.seq;
  return uit;
}
