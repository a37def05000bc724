import { createHmac, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { aanbieders, aanbiederUitnodigingen, contracten, gebruikers } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, vereisRol, type Actor, type Gebruiker } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { gemeentenVanAanbieder, zonderHash } from "./gebruikers.server";
import { inTransactie } from "./live.server";
import { reserveer } from "./pogingen.server";
import { hashWachtwoord } from "./wachtwoord.server";
import type { z } from "zod";
import type { AanbiederUitnodigingAccepterenSchema } from "../schemas/beheer";

const GELDIG_DAGEN = 7;
const ONGELDIG = "Deze code klopt niet, is al gebruikt of is verlopen. Vraag de gemeente om een nieuwe uitnodiging.";

// Only the HMAC is stored: a copy of the database alone creates no account.
function codeHash(code: string): string {
  const sleutel = process.env.SESSION_SECRET;
  if (!sleutel) throw new Error("SESSION_SECRET ontbreekt (server.ts zet het bij de start).");
  return createHmac("sha256", sleutel).update(`aanbieder:${code.trim()}`).digest("hex");
}

/**
 * A gemeente beheerder invites a provider it has a contract with to manage its own logins. The
 * gemeente never learns the password: the provider chooses it when it accepts.
 */
export async function nodigAanbiederUit(actor: Actor, aanbiederId: string) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  const [a] = await db()
    .select({ id: aanbieders.id, naam: aanbieders.naam })
    .from(aanbieders)
    .where(eq(aanbieders.id, aanbiederId));
  if (!a) throw new DomainError("not_found");
  const [contract] = await db()
    .select({ id: contracten.id })
    .from(contracten)
    .where(and(eq(contracten.gemeenteId, gemeenteId), eq(contracten.aanbiederId, aanbiederId)))
    .limit(1);
  if (!contract)
    throw new DomainError("not_contracted", [
      { field: "aanbiederId", message: "Uw gemeente heeft geen contract met deze aanbieder." },
    ]);
  // 144 random bits: it opens an account, not one request, so it is a link rather than a code to read aloud.
  const code = randomBytes(18).toString("base64url");
  const geldigTot = new Date(Date.now() + GELDIG_DAGEN * 86400_000);
  return inTransactie(async (tx) => {
    const [u] = await tx
      .insert(aanbiederUitnodigingen)
      .values({
        id: newId("au"),
        aanbiederId,
        gemeenteId,
        codeHash: codeHash(code),
        geldigTot,
        aangemaaktDoor: beheerder.id,
      })
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "aanbieder.uitgenodigd",
      entiteit: "aanbieder",
      entiteitId: aanbiederId,
      gemeenteId,
      na: { uitnodigingId: u.id, geldigTot },
    });
    return {
      id: u.id,
      aanbiederId,
      aanbiederNaam: a.naam,
      code,
      url: `${process.env.PUBLIC_URL ?? ""}/aanbieder-uitnodiging?code=${encodeURIComponent(code)}`,
      expiresAt: geldigTot.toISOString(),
    };
  });
}

/**
 * The provider accepts with its own e-mail and password and becomes the aanbieder-beheerder of its
 * organisation. Recorded in the audit trail of every gemeente the provider works for.
 */
export async function accepteerAanbiederUitnodiging(
  invoer: z.infer<typeof AanbiederUitnodigingAccepterenSchema>,
  adres: string,
) {
  const hash = codeHash(invoer.code);
  const poging = await reserveer([
    ["aanbiedercode-adres", adres],
    ["aanbiedercode-code", hash.slice(0, 16)],
  ]);
  const geldig = () =>
    and(
      eq(aanbiederUitnodigingen.codeHash, hash),
      isNull(aanbiederUitnodigingen.gebruiktOp),
      gt(aanbiederUitnodigingen.geldigTot, new Date()),
    );
  const [u] = await db().select({ id: aanbiederUitnodigingen.id }).from(aanbiederUitnodigingen).where(geldig());
  if (!u) throw new DomainError("invalid_input", [{ field: "code", message: ONGELDIG }], ONGELDIG);
  await poging.gelukt();
  const [bestaand] = await db()
    .select({ id: gebruikers.id })
    .from(gebruikers)
    .where(eq(gebruikers.email, invoer.email));
  if (bestaand)
    throw new DomainError("invalid_input", [
      { field: "email", message: "Er is al een gebruiker met dit e-mailadres." },
    ]);
  const passwordHash = await hashWachtwoord(invoer.password);
  return inTransactie(async (tx) => {
    // Single use: the row lock makes a second, simultaneous acceptance find it used.
    const [uitnodiging] = await tx
      .select()
      .from(aanbiederUitnodigingen)
      .where(and(eq(aanbiederUitnodigingen.id, u.id), geldig()))
      .for("update");
    if (!uitnodiging) throw new DomainError("invalid_input", [{ field: "code", message: ONGELDIG }], ONGELDIG);
    const [g] = await tx
      .insert(gebruikers)
      .values({
        id: newId("us"),
        email: invoer.email,
        naam: invoer.naam,
        rol: "aanbieder-beheerder",
        passwordHash,
        gemeenteId: null,
        aanbiederId: uitnodiging.aanbiederId,
      })
      .returning();
    await tx
      .update(aanbiederUitnodigingen)
      .set({ gebruiktOp: new Date(), gebruikerId: g.id })
      .where(eq(aanbiederUitnodigingen.id, u.id));
    const nieuw: Gebruiker = {
      soort: "gebruiker",
      id: g.id,
      naam: g.naam,
      email: g.email,
      rol: g.rol,
      gemeenteId: null,
      aanbiederId: g.aanbiederId,
      sessieId: "",
    };
    const gemeenten = new Set([uitnodiging.gemeenteId, ...(await gemeentenVanAanbieder(tx, uitnodiging.aanbiederId))]);
    for (const gemeenteId of gemeenten) {
      await schrijfAudit(tx, nieuw, {
        actie: "aanbieder.uitnodiging_aanvaard",
        entiteit: "gebruiker",
        entiteitId: g.id,
        gemeenteId,
        na: { ...zonderHash(g), uitnodigingId: u.id, uitgenodigdDoor: uitnodiging.gemeenteId },
      });
    }
    return zonderHash(g);
  });
}

/** The invitations of the beheerder's own gemeente (never the codes). */
export async function lijstAanbiederUitnodigingen(actor: Actor) {
  const gemeenteId = gemeenteVan(vereisRol(actor, "beheerder"));
  return db()
    .select({
      id: aanbiederUitnodigingen.id,
      aanbiederId: aanbiederUitnodigingen.aanbiederId,
      geldigTot: aanbiederUitnodigingen.geldigTot,
      gebruiktOp: aanbiederUitnodigingen.gebruiktOp,
    })
    .from(aanbiederUitnodigingen)
    .where(eq(aanbiederUitnodigingen.gemeenteId, gemeenteId))
    .orderBy(desc(aanbiederUitnodigingen.createdAt));
}
