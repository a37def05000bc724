import { createHmac, randomBytes, randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { clientSessies, hulpvragen, uitnodigingen } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, vereisRol, type Actor, type ClientActor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { vergrendel } from "./hulpvragen.server";
import { KIEZEN_TOT_GUNNING } from "./keuzes.server";
import { inTransactie } from "./live.server";
import { mailUitnodiging } from "./mailmeldingen.server";
import { reserveer } from "./pogingen.server";
import type { UitnodigingInvoer } from "../schemas/keuze";

// Read aloud on the phone: no 0/O, 1/I/L, 5/S, 2/Z, 8/B or U/V pairs to mix up.
const ALFABET = "34679ACDEFGHJKMNPQRTWXY";
const CODE_LENGTE = 8;
const STANDAARD_DAGEN = 14;
const SESSIE_UREN = 8;

const ONGELDIG = "Deze code klopt niet, is verlopen of is ingetrokken. Vraag uw consulent om een nieuwe uitnodiging.";

export function nieuweCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTE; i++) code += ALFABET[randomInt(ALFABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What people type or copy: lower case, spaces and dashes are all the same code. */
export function normaliseerCode(invoer: string): string {
  return invoer.toUpperCase().replace(/[\s-]/g, "");
}

// Only the HMAC is stored: with SESSION_SECRET set, a copy of the database alone opens no request.
function codeHash(code: string): string {
  const sleutel = process.env.SESSION_SECRET;
  if (!sleutel) throw new Error("SESSION_SECRET ontbreekt (server.ts zet het bij de start).");
  return createHmac("sha256", sleutel).update(normaliseerCode(code)).digest("hex");
}

function uitnodigingsUrl(code: string): string {
  return `${process.env.PUBLIC_URL ?? ""}/uitnodiging?code=${encodeURIComponent(code)}`;
}

export async function maakUitnodiging(actor: Actor, hulpvraagId: string, invoer: UitnodigingInvoer) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const code = nieuweCode();
  const geldigTot = new Date(Date.now() + (invoer.geldigDagen ?? STANDAARD_DAGEN) * 86400_000);
  return inTransactie(async (tx) => {
    const h = await vergrendel(tx, gemeenteId, hulpvraagId);
    if (!KIEZEN_TOT_GUNNING.includes(h.status)) {
      throw new DomainError("request_not_open", [
        { field: "status", message: "Een uitnodiging kan vanaf de publicatie tot de gunning." },
      ]);
    }
    const [u] = await tx
      .insert(uitnodigingen)
      .values({
        id: newId("ui"),
        hulpvraagId,
        codeHash: codeHash(code),
        vertegenwoordiger: invoer.vertegenwoordiger || null,
        geldigTot,
        aangemaaktDoor: consulent.id,
      })
      .returning();
    // The address is used for this one message and kept nowhere else; the audit only notes that it was mailed.
    if (invoer.email)
      await mailUitnodiging(tx, h, invoer.email, {
        code,
        url: uitnodigingsUrl(code),
        geldigTot,
        naam: u.vertegenwoordiger,
      });
    await schrijfAudit(tx, consulent, {
      actie: "uitnodiging.aangemaakt",
      entiteit: "uitnodiging",
      entiteitId: u.id,
      gemeenteId,
      hulpvraagId,
      na: { vertegenwoordiger: u.vertegenwoordiger, geldigTot: u.geldigTot, perEmail: Boolean(invoer.email) },
    });
    return {
      id: u.id,
      code,
      url: uitnodigingsUrl(code),
      expiresAt: geldigTot.toISOString(),
      vertegenwoordiger: u.vertegenwoordiger,
      gemaild: Boolean(invoer.email),
    };
  });
}

/**
 * A fresh invite made by the server itself (a results check falling due), in the caller's
 * transaction: on the request's consulent's name, without a representative. Returns the code once.
 */
export async function maakSysteemUitnodiging(tx: Tx, hulpvraagId: string, consulentId: string, geldigTot: Date) {
  const code = nieuweCode();
  const [u] = await tx
    .insert(uitnodigingen)
    .values({ id: newId("ui"), hulpvraagId, codeHash: codeHash(code), geldigTot, aangemaaktDoor: consulentId })
    .returning();
  return { id: u.id, code, url: uitnodigingsUrl(code), geldigTot };
}

/** Revoking also ends every client session opened with the invite. */
export async function trekUitnodigingIn(actor: Actor, id: string) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  return inTransactie(async (tx) => {
    const [u] = await tx.select().from(uitnodigingen).where(eq(uitnodigingen.id, id)).for("update");
    if (!u) throw new DomainError("not_found");
    await vergrendel(tx, gemeenteId, u.hulpvraagId);
    if (u.ingetrokkenOp) return uitnodigingWeergave(u);
    const [na] = await tx
      .update(uitnodigingen)
      .set({ ingetrokkenOp: new Date() })
      .where(eq(uitnodigingen.id, id))
      .returning();
    await tx
      .update(clientSessies)
      .set({ expiresAt: new Date() })
      .where(and(eq(clientSessies.uitnodigingId, id), gt(clientSessies.expiresAt, new Date())));
    await schrijfAudit(tx, consulent, {
      actie: "uitnodiging.ingetrokken",
      entiteit: "uitnodiging",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: u.hulpvraagId,
      voor: { ingetrokkenOp: null },
      na: { ingetrokkenOp: na.ingetrokkenOp },
    });
    return uitnodigingWeergave(na);
  });
}

function uitnodigingWeergave(u: typeof uitnodigingen.$inferSelect) {
  return {
    id: u.id,
    hulpvraagId: u.hulpvraagId,
    vertegenwoordiger: u.vertegenwoordiger,
    expiresAt: u.geldigTot.toISOString(),
    revokedAt: u.ingetrokkenOp?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function lijstUitnodigingen(actor: Actor, hulpvraagId: string) {
  const consulent = vereisRol(actor, "consulent");
  const [h] = await db()
    .select({ id: hulpvragen.id })
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, hulpvraagId), eq(hulpvragen.gemeenteId, gemeenteVan(consulent))));
  if (!h) throw new DomainError("not_found");
  const rijen = await db()
    .select()
    .from(uitnodigingen)
    .where(eq(uitnodigingen.hulpvraagId, hulpvraagId))
    .orderBy(desc(uitnodigingen.createdAt));
  return rijen.map(uitnodigingWeergave);
}

/**
 * Opens a client session with an invite code, for the API (bearer token) and the web sign-in
 * (cookie). Guessing is slowed per address and per code prefix, shared by all server processes.
 */
export async function openClientSessie(code: string, adres: string) {
  const genormaliseerd = normaliseerCode(code);
  const poging = await reserveer([
    ["code-adres", adres],
    ["code-code", genormaliseerd.slice(0, 4)],
  ]);
  const [u] = await db()
    .select()
    .from(uitnodigingen)
    .where(
      and(
        eq(uitnodigingen.codeHash, codeHash(genormaliseerd)),
        isNull(uitnodigingen.ingetrokkenOp),
        gt(uitnodigingen.geldigTot, new Date()),
      ),
    );
  if (!u) throw new DomainError("unauthorized", [{ field: "code", message: ONGELDIG }], ONGELDIG);
  await poging.gelukt();
  const expiresAt = new Date(Math.min(u.geldigTot.getTime(), Date.now() + SESSIE_UREN * 3600_000));
  const token = randomBytes(24).toString("base64url");
  const actor: ClientActor = { soort: "client", hulpvraagId: u.hulpvraagId, uitnodigingId: u.id, sessieId: token };
  await inTransactie(async (tx) => {
    await tx.insert(clientSessies).values({ id: token, uitnodigingId: u.id, hulpvraagId: u.hulpvraagId, expiresAt });
    const [h] = await tx
      .select({ gemeenteId: hulpvragen.gemeenteId })
      .from(hulpvragen)
      .where(eq(hulpvragen.id, u.hulpvraagId));
    await schrijfAudit(tx, actor, {
      actie: "uitnodiging.geopend",
      entiteit: "uitnodiging",
      entiteitId: u.id,
      gemeenteId: h.gemeenteId,
      hulpvraagId: u.hulpvraagId,
    });
  });
  return {
    token,
    role: "client" as const,
    requestId: u.hulpvraagId,
    expiresAt: expiresAt.toISOString(),
    vertegenwoordiger: u.vertegenwoordiger,
  };
}

export async function sluitClientSessie(token: string) {
  await db().update(clientSessies).set({ expiresAt: new Date() }).where(eq(clientSessies.id, token));
}
