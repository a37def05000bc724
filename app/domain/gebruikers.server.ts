import { and, eq, inArray } from "drizzle-orm";
import { contracten, gebruikers, AANBIEDER_ROLLEN, GEMEENTE_ROLLEN } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { vereisRol, type Actor, type Gebruiker, type Rol } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { hashWachtwoord } from "./wachtwoord.server";
import type { z } from "zod";
import type { GebruikerSchema } from "../schemas/beheer";

const TOEZICHT_CONFLICT = new Set(["beheerder", "toezichthouder"]);

export const zonderHash = ({ passwordHash: _h, ...g }: typeof gebruikers.$inferSelect) => g;

/**
 * Whose logins a user manages: a gemeente beheerder those of its gemeente, an aanbieder-beheerder
 * those of its own provider organisation. No one manages the logins of another organisation, so
 * no gemeente role can obtain credentials that act for a provider (and the other way round).
 */
type Beheerbereik = { beheerder: Gebruiker; soort: "gemeente" | "aanbieder"; id: string; rollen: readonly Rol[] };

export function vereisGebruikersbeheer(actor: Actor | null | undefined): Beheerbereik {
  const beheerder = vereisRol(actor, "beheerder", "aanbieder-beheerder");
  if (beheerder.rol === "beheerder" && beheerder.gemeenteId)
    return { beheerder, soort: "gemeente", id: beheerder.gemeenteId, rollen: GEMEENTE_ROLLEN };
  if (beheerder.rol === "aanbieder-beheerder" && beheerder.aanbiederId)
    return { beheerder, soort: "aanbieder", id: beheerder.aanbiederId, rollen: AANBIEDER_ROLLEN };
  throw new DomainError("forbidden");
}

const binnen = (b: Beheerbereik) =>
  b.soort === "gemeente" ? eq(gebruikers.gemeenteId, b.id) : eq(gebruikers.aanbiederId, b.id);

function vereisEigenRol(b: Beheerbereik, rol: Rol) {
  if (!b.rollen.includes(rol)) {
    throw new DomainError("forbidden", [
      {
        field: "rol",
        message:
          b.soort === "gemeente"
            ? "Accounts van een aanbieder beheert de aanbieder zelf. Nodig de aanbieder uit via Aanbieders."
            : "U beheert alleen de accounts van uw eigen organisatie.",
      },
    ]);
  }
}

/** The audit trail of a provider's staff changes: every gemeente it has a contract with. */
export async function gemeentenVanAanbieder(tx: Executor, aanbiederId: string): Promise<(string | null)[]> {
  const rijen = await tx
    .selectDistinct({ g: contracten.gemeenteId })
    .from(contracten)
    .where(eq(contracten.aanbiederId, aanbiederId));
  return rijen.length ? rijen.map((r) => r.g) : [null];
}

async function auditVoor(
  tx: Executor,
  b: Beheerbereik,
  actor: Actor,
  invoer: Omit<Parameters<typeof schrijfAudit>[2], "gemeenteId">,
) {
  const gemeenten = b.soort === "gemeente" ? [b.id] : await gemeentenVanAanbieder(tx, b.id);
  for (const gemeenteId of gemeenten) await schrijfAudit(tx, actor, { ...invoer, gemeenteId });
}

const botst = (a: Rol, b: Rol) => TOEZICHT_CONFLICT.has(a) && TOEZICHT_CONFLICT.has(b) && a !== b;

/**
 * Rule 9 by person: another account of the gemeente with this personnel number whose role would
 * combine toezicht and beheer with `rol`. `behalve` is the account being changed itself.
 */
async function weigerRolconflictVanPersoon(
  tx: Executor,
  gemeenteId: string,
  personeelsnummer: string | null | undefined,
  rol: Rol,
  behalve?: string,
) {
  if (!personeelsnummer) return;
  const zelfde = await tx
    .select({ id: gebruikers.id, rol: gebruikers.rol })
    .from(gebruikers)
    .where(and(eq(gebruikers.gemeenteId, gemeenteId), eq(gebruikers.personeelsnummer, personeelsnummer)));
  const conflict = zelfde.find((g) => g.id !== behalve && botst(g.rol, rol));
  if (conflict) {
    throw new DomainError("role_conflict", [
      {
        field: "rol",
        message: `Personeelsnummer ${personeelsnummer} is al ${conflict.rol} van deze gemeente (met een ander e-mailadres). Eén persoon is niet zowel toezichthouder als beheerder.`,
      },
    ]);
  }
}

/**
 * Rule 9: one person cannot be both toezichthouder and beheerder of the same gemeente. A person
 * is one e-mail address and, for gemeente staff, also one personnel number: a second account
 * with another address but the same number is refused with role_conflict when it would combine
 * the two. A second role for an existing address is refused the same way, or as a duplicate.
 */
export async function registreerGebruiker(actor: Actor, invoer: z.infer<typeof GebruikerSchema>) {
  const b = vereisGebruikersbeheer(actor);
  vereisEigenRol(b, invoer.rol);
  if (invoer.aanbiederId && (b.soort !== "aanbieder" || invoer.aanbiederId !== b.id)) {
    throw new DomainError("forbidden", [
      { field: "aanbiederId", message: "U beheert alleen de accounts van uw eigen organisatie." },
    ]);
  }
  if (invoer.personeelsnummer && b.soort !== "gemeente") {
    throw new DomainError("invalid_input", [
      { field: "personeelsnummer", message: "Een personeelsnummer hoort bij medewerkers van een gemeente." },
    ]);
  }
  const [bestaand] = await db().select().from(gebruikers).where(eq(gebruikers.email, invoer.email));
  if (bestaand) {
    if (b.soort === "gemeente" && bestaand.gemeenteId === b.id && botst(bestaand.rol, invoer.rol)) {
      throw new DomainError("role_conflict", [
        { field: "rol", message: `Deze persoon is al ${bestaand.rol} van deze gemeente.` },
      ]);
    }
    throw new DomainError("invalid_input", [
      { field: "email", message: "Er is al een gebruiker met dit e-mailadres." },
    ]);
  }
  const passwordHash = await hashWachtwoord(invoer.password);
  return inTransactie(async (tx) => {
    if (b.soort === "gemeente") await weigerRolconflictVanPersoon(tx, b.id, invoer.personeelsnummer, invoer.rol);
    const [g] = await tx
      .insert(gebruikers)
      .values({
        id: newId("us"),
        email: invoer.email,
        naam: invoer.naam,
        rol: invoer.rol,
        passwordHash,
        personeelsnummer: invoer.personeelsnummer ?? null,
        gemeenteId: b.soort === "gemeente" ? b.id : null,
        aanbiederId: b.soort === "aanbieder" ? b.id : null,
      })
      .returning();
    await auditVoor(tx, b, b.beheerder, {
      actie: "gebruiker.aangemaakt",
      entiteit: "gebruiker",
      entiteitId: g.id,
      na: zonderHash(g),
    });
    return zonderHash(g);
  });
}

/** A role changes only within the organisation: the organisation itself never changes. */
export async function wijzigRol(actor: Actor, id: string, rol: Rol) {
  const b = vereisGebruikersbeheer(actor);
  vereisEigenRol(b, rol);
  return inTransactie(async (tx) => {
    const [voor] = await tx
      .select()
      .from(gebruikers)
      .where(and(eq(gebruikers.id, id), binnen(b)))
      .for("update");
    if (!voor) throw new DomainError("not_found");
    if (b.soort === "gemeente") await weigerRolconflictVanPersoon(tx, b.id, voor.personeelsnummer, rol, voor.id);
    const [na] = await tx.update(gebruikers).set({ rol }).where(eq(gebruikers.id, id)).returning();
    await auditVoor(tx, b, b.beheerder, {
      actie: "gebruiker.rol_gewijzigd",
      entiteit: "gebruiker",
      entiteitId: id,
      voor: { rol: voor.rol },
      na: { rol: na.rol },
    });
    return zonderHash(na);
  });
}

export async function lijstGebruikers(actor: Actor) {
  const b = vereisGebruikersbeheer(actor);
  const rijen = await db()
    .select()
    .from(gebruikers)
    .where(and(binnen(b), inArray(gebruikers.rol, [...b.rollen])))
    .orderBy(gebruikers.rol, gebruikers.naam);
  return rijen.map(zonderHash);
}
