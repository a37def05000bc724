import { and, gt, inArray, sql, eq, or } from "drizzle-orm";
import { feeds, liveEvents } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import type { LiveEvent, LiveEventType } from "../../realtime/events";

export type Melder = (feed: string, type: LiveEventType, payload: Record<string, unknown>) => Promise<void>;

type Publisher = { events: (events: LiveEvent[]) => void; verbreek: (room: string) => void };
type Holder = { __zorgveilingPublish?: Publisher };
const holder = globalThis as Holder;

/** Set once by realtime/io.ts; the domain never imports socket.io. */
export function registreerPublisher(publish: Publisher) {
  holder.__zorgveilingPublish = publish;
}

/** Closes the live connections of a signed-out session (`sessie:<id>`) or of all a user's sessions (`gebruiker:<id>`). */
export function verbreekVerbindingen(room: string) {
  holder.__zorgveilingPublish?.verbreek(room);
}

/**
 * Runs `werk` in one transaction and publishes its live events only after the commit,
 * so nobody is ever told about a change that was rolled back.
 */
export async function inTransactie<T>(werk: (tx: Tx, meld: Melder) => Promise<T>): Promise<T> {
  const gemeld: LiveEvent[] = [];
  const uitkomst = await db().transaction(async (tx) => {
    const meld: Melder = async (feed, type, payload) => {
      // The row lock on the feed counter orders one feed's events in commit order.
      const [teller] = await tx
        .insert(feeds)
        .values({ feed, seq: 1 })
        .onConflictDoUpdate({ target: feeds.feed, set: { seq: sql`${feeds.seq} + 1` } })
        .returning({ seq: feeds.seq });
      const [rij] = await tx.insert(liveEvents).values({ feed, seq: teller.seq, type, payload }).returning({ createdAt: liveEvents.createdAt });
      gemeld.push({ feed, seq: teller.seq, type, payload, at: rij.createdAt.toISOString() });
    };
    return werk(tx, meld);
  });
  if (gemeld.length) holder.__zorgveilingPublish?.events(gemeld);
  return uitkomst;
}

/** What a reconnecting browser missed: events after the last seq it saw, per feed it may read. */
export async function gemisteEvents(gezien: Record<string, number>, limiet = 500): Promise<LiveEvent[]> {
  const entries = Object.entries(gezien);
  if (entries.length === 0) return [];
  const rijen = await db()
    .select()
    .from(liveEvents)
    .where(or(...entries.map(([feed, seq]) => and(eq(liveEvents.feed, feed), gt(liveEvents.seq, seq)))))
    .orderBy(liveEvents.createdAt, liveEvents.seq)
    .limit(limiet);
  return rijen.map((r) => ({ feed: r.feed, seq: r.seq, type: r.type as LiveEventType, payload: r.payload as Record<string, unknown>, at: r.createdAt.toISOString() }));
}

export async function huidigeSeqs(feedNamen: string[]): Promise<Record<string, number>> {
  if (feedNamen.length === 0) return {};
  const rijen = await db().select().from(feeds).where(inArray(feeds.feed, feedNamen));
  const uit: Record<string, number> = Object.fromEntries(feedNamen.map((f) => [f, 0]));
  for (const r of rijen) uit[r.feed] = r.seq;
  return uit;
}
