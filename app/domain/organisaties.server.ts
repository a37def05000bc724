import { eq } from "drizzle-orm";
import { aanbieders, gemeenten } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import type { Actor } from "./actor";

/** The organisation a signed-in person acts for, as the header shows it. */
export async function organisatieVan(actor: Actor): Promise<{ soort: "gemeente" | "aanbieder"; naam: string } | null> {
  if (actor.soort !== "gebruiker") return null;
  if (actor.aanbiederId) {
    const [a] = await db()
      .select({ naam: aanbieders.naam })
      .from(aanbieders)
      .where(eq(aanbieders.id, actor.aanbiederId));
    return a ? { soort: "aanbieder", naam: a.naam } : null;
  }
  if (actor.gemeenteId) {
    const [g] = await db().select({ naam: gemeenten.naam }).from(gemeenten).where(eq(gemeenten.id, actor.gemeenteId));
    return g ? { soort: "gemeente", naam: `Gemeente ${g.naam}` } : null;
  }
  return null;
}

/** A gemeente's name as requests show it to providers; an unknown id shows as itself. */
export async function gemeenteNaam(gemeenteId: string, executor: Executor = db()) {
  const [g] = await executor.select({ naam: gemeenten.naam }).from(gemeenten).where(eq(gemeenten.id, gemeenteId));
  return g?.naam ?? gemeenteId;
}
