import { eq } from "drizzle-orm";
import { regelboeken } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { DomainError } from "./errors";

export type Regelboek = typeof regelboeken.$inferSelect;

export async function leesRegelboek(gemeenteId: string, executor: Executor = db()): Promise<Regelboek> {
  const [regels] = await executor.select().from(regelboeken).where(eq(regelboeken.gemeenteId, gemeenteId));
  if (!regels) throw new DomainError("not_found");
  return regels;
}
