import { eq, inArray } from "drizzle-orm";
import { aanbieders, consortia, consortiumLeden } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { aanbiederVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import type { z } from "zod";
import type { AanbiederSchema, ConsortiumSchema, MailvoorkeurSchema } from "../schemas/beheer";

const slugVan = (naam: string) =>
  naam
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/** The member organisations of a consortium, the penvoerder included. */
export async function ledenVan(executor: Executor, consortiumId: string): Promise<string[]> {
  const leden = await executor
    .select({ id: consortiumLeden.aanbiederId })
    .from(consortiumLeden)
    .where(eq(consortiumLeden.consortiumId, consortiumId));
  return leden.map((l) => l.id);
}

/** Aanbieders are one register for the region: every gemeente contracts from the same list. */
export async function registreerAanbieder(actor: Actor, invoer: z.infer<typeof AanbiederSchema>) {
  const beheerder = vereisRol(actor, "beheerder");
  return inTransactie(async (tx) => {
    const id = newId("ab");
    const [aanbieder] = await tx
      .insert(aanbieders)
      .values({ id, slug: `${slugVan(invoer.naam)}-${id.slice(-4)}`, ...invoer })
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "aanbieder.geregistreerd",
      entiteit: "aanbieder",
      entiteitId: id,
      gemeenteId: beheerder.gemeenteId,
      na: aanbieder,
    });
    return aanbieder;
  });
}

export async function lijstAanbieders(actor: Actor) {
  vereisRol(actor, "beheerder", "consulent", "toezichthouder", "aanbieder");
  return db().select().from(aanbieders).orderBy(aanbieders.naam);
}

export async function registreerConsortium(actor: Actor, invoer: z.infer<typeof ConsortiumSchema>) {
  const beheerder = vereisRol(actor, "beheerder");
  const leden = [...new Set(invoer.ledenIds)];
  const bekend = await db().select({ id: aanbieders.id }).from(aanbieders).where(inArray(aanbieders.id, leden));
  if (bekend.length !== leden.length)
    throw new DomainError("invalid_input", [
      { field: "ledenIds", message: "Niet alle leden zijn bekende aanbieders." },
    ]);
  return inTransactie(async (tx) => {
    const id = newId("co");
    const [consortium] = await tx
      .insert(consortia)
      .values({ id, naam: invoer.naam, penvoerderId: invoer.penvoerderId })
      .returning();
    await tx.insert(consortiumLeden).values(leden.map((aanbiederId) => ({ consortiumId: id, aanbiederId })));
    await schrijfAudit(tx, beheerder, {
      actie: "consortium.geregistreerd",
      entiteit: "consortium",
      entiteitId: id,
      gemeenteId: beheerder.gemeenteId,
      na: { ...consortium, leden },
    });
    return { ...consortium, ledenIds: leden };
  });
}

export async function lijstConsortia(actor: Actor) {
  const gebruiker = vereisRol(actor, "beheerder", "consulent", "toezichthouder", "aanbieder");
  const rijen = await db()
    .select({ consortium: consortia, lid: consortiumLeden.aanbiederId, lidNaam: aanbieders.naam })
    .from(consortia)
    .innerJoin(consortiumLeden, eq(consortiumLeden.consortiumId, consortia.id))
    .innerJoin(aanbieders, eq(aanbieders.id, consortiumLeden.aanbiederId))
    .orderBy(consortia.naam);
  const perId = new Map<string, typeof consortia.$inferSelect & { leden: { id: string; naam: string }[] }>();
  for (const r of rijen) {
    const c = perId.get(r.consortium.id) ?? { ...r.consortium, leden: [] };
    c.leden.push({ id: r.lid, naam: r.lidNaam });
    perId.set(r.consortium.id, c);
  }
  const alle = [...perId.values()];
  // A provider sees only the consortia it is a member of.
  return gebruiker.rol === "aanbieder" ? alle.filter((c) => c.leden.some((l) => l.id === gebruiker.aanbiederId)) : alle;
}

/** The provider's own choice of e-mail about new requests (each, a daily digest, none). */
export async function leesMailvoorkeur(actor: Actor) {
  const planner = vereisRol(actor, "aanbieder");
  const [a] = await db()
    .select({ naam: aanbieders.naam, mailvoorkeur: aanbieders.mailvoorkeur })
    .from(aanbieders)
    .where(eq(aanbieders.id, aanbiederVan(planner)));
  if (!a) throw new DomainError("not_found");
  return a;
}

export async function zetMailvoorkeur(actor: Actor, invoer: z.infer<typeof MailvoorkeurSchema>) {
  const planner = vereisRol(actor, "aanbieder");
  const aanbiederId = aanbiederVan(planner);
  return inTransactie(async (tx) => {
    const [voor] = await tx
      .select({ mailvoorkeur: aanbieders.mailvoorkeur })
      .from(aanbieders)
      .where(eq(aanbieders.id, aanbiederId))
      .for("update");
    if (!voor) throw new DomainError("not_found");
    await tx.update(aanbieders).set({ mailvoorkeur: invoer.mailvoorkeur }).where(eq(aanbieders.id, aanbiederId));
    await schrijfAudit(tx, planner, {
      actie: "aanbieder.mailvoorkeur",
      entiteit: "aanbieder",
      entiteitId: aanbiederId,
      gemeenteId: null,
      voor,
      na: { mailvoorkeur: invoer.mailvoorkeur },
    });
    return { mailvoorkeur: invoer.mailvoorkeur };
  });
}
