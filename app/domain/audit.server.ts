import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { actorId, actorLabel, type Actor } from "./actor";
import { wachtrijVan, type UitgesteldeAudit } from "./uitgesteld.server";
import { voorbereid } from "./vooraf.server";

export type AuditInvoer = {
  actie: string;
  entiteit: string;
  entiteitId: string;
  gemeenteId?: string | null;
  hulpvraagId?: string | null;
  voor?: unknown;
  na?: unknown;
};

const GENESIS = "0".repeat(64);

// jsonb reorders keys and drops undefined; hash what will be read back, with sorted keys.
function canoniek(value: unknown): string {
  if (value === undefined) return "null";
  const plain = JSON.parse(JSON.stringify(value ?? null));
  const sorteer = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorteer)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorteer((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorteer(plain));
}

type Regel = typeof auditLog.$inferSelect;

function berekenHash(r: Omit<Regel, "id" | "hash">): string {
  const inhoud = [
    r.vorigeHash,
    new Date(r.at).toISOString(),
    r.actorType,
    r.actorId ?? "",
    r.actorLabel,
    r.actie,
    r.entiteit,
    r.entiteitId,
    r.gemeenteId ?? "",
    r.hulpvraagId ?? "",
    canoniek(r.voor),
    canoniek(r.na),
  ].join("\u241f");
  return createHash("sha256").update(inhoud).digest("hex");
}

/**
 * Appends to the chain inside the caller's transaction. Within `inTransactie` the entry is
 * queued and written by `schrijfWachtendeAudits` just before the commit; elsewhere at once.
 */
export async function schrijfAudit(tx: Executor, actor: Actor, invoer: AuditInvoer) {
  const regel: UitgesteldeAudit = {
    at: new Date(),
    actorType: actor.soort,
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    actie: invoer.actie,
    entiteit: invoer.entiteit,
    entiteitId: invoer.entiteitId,
    gemeenteId: invoer.gemeenteId ?? null,
    hulpvraagId: invoer.hulpvraagId ?? null,
    voor: invoer.voor === undefined ? null : JSON.parse(JSON.stringify(invoer.voor)),
    na: invoer.na === undefined ? null : JSON.parse(JSON.stringify(invoer.na)),
  };
  const wachtrij = wachtrijVan(tx);
  if (wachtrij) wachtrij.audits.push(regel);
  else await schrijfWachtendeAudits(tx, [regel]);
}

/**
 * Takes the chain lock, reads the previous hash, and writes every entry in one insert. The read
 * must be a statement of its own: a statement's snapshot is taken before its lock is granted,
 * so reading in the locking statement could chain onto a hash that was just superseded.
 */
export async function schrijfWachtendeAudits(tx: Executor, regels: UitgesteldeAudit[]) {
  if (regels.length === 0) return;
  // Sent together (pipelined) but run one after the other: one round trip while the lock is held.
  const [, [vorige]] = await Promise.all([
    voorbereid(tx, "select pg_advisory_xact_lock(727002)"),
    voorbereid<{ hash: string | null }>(tx, "select hash from audit_log order by id desc limit 1"),
  ]);
  let vorigeHash = vorige?.hash ?? GENESIS;
  const rijen = regels.map((r) => {
    const rij = { ...r, vorigeHash };
    vorigeHash = berekenHash(rij);
    return { ...rij, hash: vorigeHash };
  });
  await tx.insert(auditLog).values(rijen);
}

export type VerificatieUitkomst = { valid: boolean; entries: number; firstBrokenAt?: number };

/** Walks the whole chain in id order, in pages, and names the first entry whose hash does not hold. */
export async function verifieerAudit(executor: Executor = db()): Promise<VerificatieUitkomst> {
  let vorige = GENESIS;
  let na = 0;
  let entries = 0;
  for (;;) {
    const pagina = await executor
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, na))
      .orderBy(asc(auditLog.id))
      .limit(2000);
    if (pagina.length === 0) return { valid: true, entries };
    for (const r of pagina) {
      entries++;
      if (r.vorigeHash !== vorige || berekenHash(r) !== r.hash) return { valid: false, entries, firstBrokenAt: r.id };
      vorige = r.hash;
      na = r.id;
    }
  }
}

export type AuditFilter = {
  gemeenteId: string;
  hulpvraagId?: string;
  actorId?: string;
  van?: Date;
  tot?: Date;
  limit?: number;
  voor?: number;
};

export async function leesAudit(f: AuditFilter) {
  const voorwaarden: SQL[] = [eq(auditLog.gemeenteId, f.gemeenteId)];
  if (f.hulpvraagId) voorwaarden.push(eq(auditLog.hulpvraagId, f.hulpvraagId));
  if (f.actorId) voorwaarden.push(eq(auditLog.actorId, f.actorId));
  if (f.van) voorwaarden.push(gte(auditLog.at, f.van));
  if (f.tot) voorwaarden.push(lte(auditLog.at, f.tot));
  if (f.voor) voorwaarden.push(sql`${auditLog.id} < ${f.voor}`);
  return db()
    .select()
    .from(auditLog)
    .where(and(...voorwaarden))
    .orderBy(desc(auditLog.id))
    .limit(f.limit ?? 200);
}
