import { lt, sql } from "drizzle-orm";
import { db } from "../../db/client.server";
import { clientSessies, liveEvents, sessies, socketIoAttachments } from "../../db/schema";
import { INHAALVENSTER_UUR } from "./live.server";

/** The adapter's attachments are read within milliseconds of being written; an hour is plenty. */
const BIJLAGEN_UUR = 1;
const SLOT = 727002;

/**
 * Deletes what has no use any more: expired sessions and API tokens (web and client), live
 * events older than the catch-up window (a browser away longer reloads the page instead), and
 * old adapter attachments. One process of the group does it: the others find the advisory
 * lock taken and skip this round.
 */
export async function ruimOp() {
  return db().transaction(async (tx) => {
    const [{ mijn }] = await tx.execute<{ mijn: boolean }>(sql`select pg_try_advisory_xact_lock(${SLOT}) as mijn`);
    if (!mijn) return null;
    const nu = new Date();
    const venster = new Date(nu.getTime() - INHAALVENSTER_UUR * 3600_000);
    const [s, c, l, b] = await Promise.all([
      tx.delete(sessies).where(lt(sessies.expiresAt, nu)).returning({ id: sessies.id }),
      tx.delete(clientSessies).where(lt(clientSessies.expiresAt, nu)).returning({ id: clientSessies.id }),
      tx.delete(liveEvents).where(lt(liveEvents.createdAt, venster)).returning({ seq: liveEvents.seq }),
      tx
        .delete(socketIoAttachments)
        .where(lt(socketIoAttachments.createdAt, new Date(nu.getTime() - BIJLAGEN_UUR * 3600_000)))
        .returning({ id: socketIoAttachments.id }),
    ]);
    return { sessies: s.length + c.length, liveEvents: l.length, bijlagen: b.length };
  });
}
