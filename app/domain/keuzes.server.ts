import { and, eq, ne } from "drizzle-orm";
import { aanbiedingen, hulpvragen, keuzes } from "../../db/schema";
import { db, type Executor, type Tx } from "../../db/client.server";
import { feedVoor } from "../../realtime/events";
import { gemeenteVan, vereisRol, type Actor, type ClientActor, type Gebruiker } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { vergrendel } from "./hulpvragen.server";
import { inTransactie, type Melder } from "./live.server";
import { stelUitkomstVast } from "./uitkomst.server";
import { mailClientKoos } from "./mailmeldingen.server";
import { metWeigeringen } from "./weigeringen.server";
import type { KeuzeInvoer } from "../schemas/keuze";
import type { HulpvraagStatus } from "../../db/schema/markt";

type Hulpvraag = typeof hulpvragen.$inferSelect;
type Keuze = typeof keuzes.$inferSelect;

export const GEEN_PASSEND_AANBOD_BERICHT =
  "De gemeente heeft geen van de aanbiedingen gekozen. De hulpvraag kan in een nieuwe ronde opnieuw worden uitgezet.";

export async function keuzesVan(executor: Executor, hulpvraagId: string) {
  const rijen = await executor.select().from(keuzes).where(eq(keuzes.hulpvraagId, hulpvraagId));
  return {
    consulent: rijen.find((k) => k.partij === "consulent") ?? null,
    client: rijen.find((k) => k.partij === "client") ?? null,
  };
}

type Keuzepaar = { consulent: Keuze | null; client: Keuze | null };

/** The consulent chose an offer and the client stated a different preference (an offer or "none of these"). */
export function tegenDeClient(k: Keuzepaar): boolean {
  return Boolean(k.consulent?.aanbiedingId && k.client && k.client.aanbiedingId !== k.consulent.aanbiedingId);
}

/**
 * Rule 7: awarding is possible when both chose the same offer; or, while the client said nothing,
 * with the consulent's recorded reason why the client cannot take part; or, against the client's
 * preference, with the consulent's motivation confirmed by a colleague (four eyes).
 */
export function zelfdeKeuze(k: Keuzepaar): boolean {
  const gekozen = k.consulent?.aanbiedingId;
  if (!gekozen) return false;
  if (!k.client) return Boolean(k.consulent?.clientAfwezigReden);
  if (k.client.aanbiedingId === gekozen) return true;
  return Boolean(k.consulent?.motivatie && k.consulent.bevestigdDoor);
}

export function waaromGeenGunning(k: Keuzepaar): string {
  if (!k.consulent?.aanbiedingId) return "De consulent heeft nog geen aanbod gekozen.";
  if (!k.client)
    return "De cliënt heeft nog geen voorkeur gegeven. Wacht op de cliënt, of leg vast waarom de cliënt niet kan meebeslissen.";
  const wat = k.client.aanbiedingId
    ? "De cliënt heeft een ander aanbod gekozen."
    : "De cliënt heeft geen van de aanbiedingen gekozen.";
  return `${wat} Een collega-consulent moet de motivatie eerst bevestigen.`;
}

function keuzeWeergave(k: Keuze | null) {
  if (!k) return null;
  return {
    offerId: k.aanbiedingId,
    motivation: k.motivatie,
    comment: k.opmerking,
    clientAbsentReason: k.clientAfwezigReden,
    chosenBy: k.gekozenDoor,
    reviewedBy: k.bevestigdDoor,
    reviewedAt: k.bevestigdOp?.toISOString() ?? null,
    updatedAt: k.updatedAt.toISOString(),
  };
}

/**
 * The client's own words may name people or health details. The append-only audit trail
 * cannot forget them after the retention term, so it only records that there was a comment.
 */
function zonderOpmerking(k: Keuze | null) {
  const w = keuzeWeergave(k);
  return w && { ...w, comment: w.comment ? "[opmerking van de cliënt]" : null };
}

async function bewaar(tx: Tx, waarden: typeof keuzes.$inferInsert) {
  const [k] = await tx
    .insert(keuzes)
    .values(waarden)
    .onConflictDoUpdate({ target: [keuzes.hulpvraagId, keuzes.partij], set: { ...waarden, updatedAt: new Date() } })
    .returning();
  return k;
}

async function controleerAanbod(tx: Tx, hulpvraagId: string, offerId: string | null) {
  if (offerId === null) return;
  const [a] = await tx
    .select({ id: aanbiedingen.id })
    .from(aanbiedingen)
    .where(
      and(
        eq(aanbiedingen.id, offerId),
        eq(aanbiedingen.hulpvraagId, hulpvraagId),
        ne(aanbiedingen.status, "ingetrokken"),
      ),
    );
  if (!a)
    throw new DomainError("invalid_input", [
      { field: "offerId", message: "Dit aanbod hoort niet (meer) bij deze hulpvraag." },
    ]);
}

function weigerNaGunning(h: Hulpvraag, toegestaan: HulpvraagStatus[], wanneer: string) {
  if (h.status === "gegund") throw new DomainError("already_awarded");
  if (!toegestaan.includes(h.status))
    throw new DomainError("request_not_open", [
      { field: "status", message: `${wanneer} De hulpvraag heeft status "${h.status}".` },
    ]);
}

/**
 * After each change of either choice: gekozen while both agree, beoordeling otherwise. The
 * agreed offer shows as `gekozen` to the gemeente; the others are still simply `ingediend`.
 */
async function werkStatusBij(tx: Tx, h: Hulpvraag): Promise<HulpvraagStatus> {
  if (h.status !== "beoordeling" && h.status !== "gekozen") return h.status;
  const k = await keuzesVan(tx, h.id);
  const eens = zelfdeKeuze(k);
  const status: HulpvraagStatus = eens ? "gekozen" : "beoordeling";
  await tx
    .update(aanbiedingen)
    .set({ status: "ingediend" })
    .where(and(eq(aanbiedingen.hulpvraagId, h.id), eq(aanbiedingen.status, "gekozen")));
  if (eens)
    await tx.update(aanbiedingen).set({ status: "gekozen" }).where(eq(aanbiedingen.id, k.consulent!.aanbiedingId!));
  if (status !== h.status)
    await tx.update(hulpvragen).set({ status, updatedAt: new Date() }).where(eq(hulpvragen.id, h.id));
  return status;
}

async function meldKeuze(
  meld: Melder,
  h: Hulpvraag,
  partij: "client" | "consulent",
  k: Keuze,
  status: HulpvraagStatus,
) {
  const payload = {
    hulpvraagId: h.id,
    partij,
    aanbiedingId: k.aanbiedingId,
    opmerking: partij === "client" ? k.opmerking : null,
    status,
  };
  await meld(feedVoor.gemeente(h.gemeenteId), "choice:changed", payload);
  await meld(feedVoor.hulpvraag(h.id), "choice:changed", payload);
}

export async function kies(actor: Actor, hulpvraagId: string, invoer: KeuzeInvoer) {
  return metWeigeringen(hulpvraagId, () =>
    actor.soort === "client"
      ? kiesAlsClient(actor, hulpvraagId, invoer)
      : kiesAlsConsulent(vereisRol(actor, "consulent"), hulpvraagId, invoer),
  );
}

/** From publication until the award the client may choose, and be invited to. */
export const KIEZEN_TOT_GUNNING: HulpvraagStatus[] = ["open", "beoordeling", "gekozen"];

/** The client's preference (or "none of these") with an optional comment; changeable until the award. */
async function kiesAlsClient(client: ClientActor, hulpvraagId: string, invoer: KeuzeInvoer) {
  if (client.hulpvraagId !== hulpvraagId) throw new DomainError("not_found");
  if (invoer.clientAbsentReason)
    throw new DomainError("invalid_input", [
      { field: "clientAbsentReason", message: "Alleen de consulent legt dit vast." },
    ]);
  return inTransactie(async (tx, meld) => {
    const [h] = await tx.select().from(hulpvragen).where(eq(hulpvragen.id, hulpvraagId)).for("update");
    if (!h) throw new DomainError("not_found");
    weigerNaGunning(h, KIEZEN_TOT_GUNNING, "Kiezen kan tot de gunning.");
    await controleerAanbod(tx, hulpvraagId, invoer.offerId);
    const voor = (await keuzesVan(tx, hulpvraagId)).client;
    const k = await bewaar(tx, {
      hulpvraagId,
      partij: "client",
      aanbiedingId: invoer.offerId,
      opmerking: invoer.motivation || null,
      motivatie: null,
      gekozenDoor: client.uitnodigingId,
    });
    // A colleague confirmed the consulent's choice against *this* preference; a new one needs a new look.
    if (voor?.aanbiedingId !== invoer.offerId) {
      await tx
        .update(keuzes)
        .set({ bevestigdDoor: null, bevestigdOp: null })
        .where(and(eq(keuzes.hulpvraagId, hulpvraagId), eq(keuzes.partij, "consulent")));
    }
    const status = await werkStatusBij(tx, h);
    await meldKeuze(meld, h, "client", k, status);
    await mailClientKoos(tx, h);
    await schrijfAudit(tx, client, {
      actie: "keuze.client",
      entiteit: "keuze",
      entiteitId: `${hulpvraagId}:client`,
      gemeenteId: h.gemeenteId,
      hulpvraagId,
      voor: zonderOpmerking(voor),
      na: { ...zonderOpmerking(k), status },
    });
    return { requestId: hulpvraagId, status, client: keuzeWeergave(k) };
  });
}

/**
 * The consulent chooses after the deadline (rule 7): a written motivation when differing from
 * the client's stated preference. `offerId: null` closes the round as geen_passend_aanbod.
 */
async function kiesAlsConsulent(consulent: Gebruiker, hulpvraagId: string, invoer: KeuzeInvoer) {
  const gemeenteId = gemeenteVan(consulent);
  return inTransactie(async (tx, meld) => {
    const h = await vergrendel(tx, gemeenteId, hulpvraagId);
    weigerNaGunning(h, ["beoordeling", "gekozen"], "De consulent kiest na de reactietermijn.");
    await controleerAanbod(tx, hulpvraagId, invoer.offerId);
    const { consulent: voor, client } = await keuzesVan(tx, hulpvraagId);
    if (client && client.aanbiedingId !== invoer.offerId && !invoer.motivation) {
      throw new DomainError("motivation_required", [
        { field: "motivation", message: "De cliënt koos iets anders. Schrijf op waarom u dit kiest." },
      ]);
    }
    const k = await bewaar(tx, {
      hulpvraagId,
      partij: "consulent",
      aanbiedingId: invoer.offerId,
      motivatie: invoer.motivation || null,
      opmerking: null,
      clientAfwezigReden: invoer.clientAbsentReason || null,
      gekozenDoor: consulent.id,
      bevestigdDoor: null,
      bevestigdOp: null,
    });
    let status: HulpvraagStatus;
    if (invoer.offerId === null) {
      status = "geen_passend_aanbod";
      await stelUitkomstVast(tx, meld, consulent, h, null, GEEN_PASSEND_AANBOD_BERICHT);
      await tx.update(hulpvragen).set({ status, updatedAt: new Date() }).where(eq(hulpvragen.id, hulpvraagId));
      await meld(feedVoor.gemeente(gemeenteId), "request:changed", { hulpvraagId, status });
    } else {
      status = await werkStatusBij(tx, h);
    }
    await meldKeuze(meld, h, "consulent", k, status);
    await schrijfAudit(tx, consulent, {
      actie: "keuze.consulent",
      entiteit: "keuze",
      entiteitId: `${hulpvraagId}:consulent`,
      gemeenteId,
      hulpvraagId,
      voor: { ...keuzeWeergave(voor), status: h.status },
      na: { ...keuzeWeergave(k), status },
    });
    return { requestId: hulpvraagId, status, consulent: keuzeWeergave(k), client: keuzeWeergave(client) };
  });
}

/**
 * Four eyes (rule 7): a consulent of the same gemeente who did not make the choice confirms the
 * motivation of a choice against the client's preference. Only then can it be awarded; the
 * client hears it live (choice:reviewed on the request's feed).
 */
export async function bevestigKeuze(actor: Actor, hulpvraagId: string) {
  const collega = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(collega);
  return metWeigeringen(hulpvraagId, () =>
    inTransactie(async (tx, meld) => {
      const h = await vergrendel(tx, gemeenteId, hulpvraagId);
      weigerNaGunning(h, ["beoordeling", "gekozen"], "Bevestigen kan na de reactietermijn, tot de gunning.");
      const k = await keuzesVan(tx, hulpvraagId);
      if (!tegenDeClient(k))
        throw new DomainError("invalid_input", [
          {
            field: "offerId",
            message: "Er is geen keuze tegen de voorkeur van de cliënt in die bevestigd moet worden.",
          },
        ]);
      if (k.consulent!.gekozenDoor === collega.id) {
        throw new DomainError("second_review_required", [
          {
            field: "reviewer",
            message: "U maakte deze keuze zelf. Een andere consulent van de gemeente moet de motivatie bevestigen.",
          },
        ]);
      }
      const [na] = await tx
        .update(keuzes)
        .set({ bevestigdDoor: collega.id, bevestigdOp: new Date() })
        .where(and(eq(keuzes.hulpvraagId, hulpvraagId), eq(keuzes.partij, "consulent")))
        .returning();
      const status = await werkStatusBij(tx, h);
      const payload = { hulpvraagId, aanbiedingId: na.aanbiedingId, status };
      await meld(feedVoor.gemeente(gemeenteId), "choice:reviewed", payload);
      await meld(feedVoor.hulpvraag(hulpvraagId), "choice:reviewed", payload);
      await schrijfAudit(tx, collega, {
        actie: "keuze.bevestigd",
        entiteit: "keuze",
        entiteitId: `${hulpvraagId}:consulent`,
        gemeenteId,
        hulpvraagId,
        voor: { ...keuzeWeergave(k.consulent), status: h.status },
        na: { ...keuzeWeergave(na), status },
      });
      return { requestId: hulpvraagId, status, consulent: keuzeWeergave(na), client: keuzeWeergave(k.client) };
    }),
  );
}

/**
 * What the client is told when the gemeente chose differently: which offer, the motivation and
 * that the choice was confirmed by a second staff member. Null while that has not happened.
 */
export async function besluitTegenVoorkeur(hulpvraagId: string) {
  const k = await keuzesVan(db(), hulpvraagId);
  if (!tegenDeClient(k) || !k.consulent?.bevestigdDoor) return null;
  return {
    offerId: k.consulent.aanbiedingId!,
    motivatie: k.consulent.motivatie ?? "",
    bevestigdOp: k.consulent.bevestigdOp!.toISOString(),
  };
}

/** The client reads its own preference; the gemeente's staff read both choices. */
export async function leesKeuzes(actor: Actor, hulpvraagId: string) {
  if (actor.soort === "client") {
    if (actor.hulpvraagId !== hulpvraagId) throw new DomainError("not_found");
    return { requestId: hulpvraagId, client: keuzeWeergave((await keuzesVan(db(), hulpvraagId)).client) };
  }
  const medewerker = vereisRol(actor, "consulent", "beheerder", "toezichthouder");
  const [h] = await db()
    .select({ status: hulpvragen.status })
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, hulpvraagId), eq(hulpvragen.gemeenteId, gemeenteVan(medewerker))));
  if (!h) throw new DomainError("not_found");
  const k = await keuzesVan(db(), hulpvraagId);
  return {
    requestId: hulpvraagId,
    status: h.status,
    client: keuzeWeergave(k.client),
    consulent: keuzeWeergave(k.consulent),
    eens: zelfdeKeuze(k),
  };
}
