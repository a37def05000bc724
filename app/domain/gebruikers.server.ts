import { and, eq } from "drizzle-orm";
import { aanbieders, gebruikers } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { hashWachtwoord } from "../auth/session.server";
import type { z } from "zod";
import type { GebruikerSchema } from "../schemas/beheer";

const TOEZICHT_CONFLICT = new Set(["beheerder", "toezichthouder"]);

const zonderHash = ({ passwordHash: _h, ...g }: typeof gebruikers.$inferSelect) => g;

/**
 * Rule 9: one person (one e-mail address) cannot be both toezichthouder and beheerder of the
 * same gemeente. A second role for an existing address is refused with role_conflict when it
 * would combine the two, and as a duplicate otherwise.
 */
export async function registreerGebruiker(actor: Actor, invoer: z.infer<typeof GebruikerSchema>) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  const [bestaand] = await db().select().from(gebruikers).where(eq(gebruikers.email, invoer.email));
  if (bestaand) {
    if (bestaand.gemeenteId === gemeenteId && TOEZICHT_CONFLICT.has(bestaand.rol) && TOEZICHT_CONFLICT.has(invoer.rol) && bestaand.rol !== invoer.rol) {
      throw new DomainError("role_conflict", [{ field: "rol", message: `Deze persoon is al ${bestaand.rol} van deze gemeente.` }]);
    }
    throw new DomainError("invalid_input", [{ field: "email", message: "Er is al een gebruiker met dit e-mailadres." }]);
  }
  if (invoer.rol === "aanbieder") {
    const [a] = await db().select({ id: aanbieders.id }).from(aanbieders).where(eq(aanbieders.id, invoer.aanbiederId!));
    if (!a) throw new DomainError("invalid_input", [{ field: "aanbiederId", message: "Deze aanbieder is onbekend." }]);
  }
  const passwordHash = await hashWachtwoord(invoer.password);
  return inTransactie(async (tx) => {
    const [g] = await tx.insert(gebruikers).values({
      id: newId("us"), email: invoer.email, naam: invoer.naam, rol: invoer.rol, passwordHash,
      gemeenteId: invoer.rol === "aanbieder" ? null : gemeenteId,
      aanbiederId: invoer.rol === "aanbieder" ? invoer.aanbiederId! : null,
    }).returning();
    await schrijfAudit(tx, beheerder, { actie: "gebruiker.aangemaakt", entiteit: "gebruiker", entiteitId: g.id, gemeenteId, na: zonderHash(g) });
    return zonderHash(g);
  });
}

export async function wijzigRol(actor: Actor, id: string, rol: "beheerder" | "consulent" | "toezichthouder") {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  return inTransactie(async (tx) => {
    const [voor] = await tx.select().from(gebruikers).where(and(eq(gebruikers.id, id), eq(gebruikers.gemeenteId, gemeenteId))).for("update");
    if (!voor) throw new DomainError("not_found");
    const [na] = await tx.update(gebruikers).set({ rol }).where(eq(gebruikers.id, id)).returning();
    await schrijfAudit(tx, beheerder, { actie: "gebruiker.rol_gewijzigd", entiteit: "gebruiker", entiteitId: id, gemeenteId, voor: { rol: voor.rol }, na: { rol: na.rol } });
    return zonderHash(na);
  });
}

export async function lijstGebruikers(actor: Actor) {
  const beheerder = vereisRol(actor, "beheerder");
  const rijen = await db().select().from(gebruikers).where(eq(gebruikers.gemeenteId, gemeenteVan(beheerder))).orderBy(gebruikers.rol, gebruikers.naam);
  return rijen.map(zonderHash);
}
