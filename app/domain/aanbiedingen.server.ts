import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { aanbieders, aanbiedingen, aanbiedingVersies, consortia, hulpvragen, regelboeken } from "../../db/schema";
import { db, type Executor, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor, type Gebruiker } from "./actor";
import { controleerAanbieding, leveranciersVoor, type Leveranciers } from "./aanbieding-regels.server";
import { weigerZonderGedragscode } from "./gedragscode.server";
import { aanbiedingVoorClient, aanbiedingWeergave, clientWeergave, type Namen } from "./aanbieding-weergave";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { deadlineVerstreken, leesHulpvraag, weigerNaDeadline } from "./hulpvragen.server";
import { inTransactie, type Melder } from "./live.server";
import type { Regelboek } from "./regelboek.server";
import { uitstellen } from "./uitgesteld.server";
import { vooraf } from "./vooraf.server";
import { metWeigeringen } from "./weigeringen.server";
import { biedersVan } from "./uitkomst.server";
import { aanbiedingenVan, zichtbaarVoorAanbieder } from "./zichtbaarheid.server";
import type { AanbiedingInvoer } from "../schemas/aanbieding";
import type { Component } from "../../db/schema/markt";
import { mailAanbodNaKantoortijd } from "./mailmeldingen.server";

type Aanbieding = typeof aanbiedingen.$inferSelect;
type Hulpvraag = typeof hulpvragen.$inferSelect;

async function namenVoor(executor: Executor, a: Aanbieding[]): Promise<Namen> {
  const ids = [...new Set(a.flatMap((x) => [x.aanbiederId, ...x.componenten.map((c) => c.aanbiederId)]))];
  if (ids.length === 0) return new Map();
  const rijen = await executor
    .select({ id: aanbieders.id, naam: aanbieders.naam })
    .from(aanbieders)
    .where(inArray(aanbieders.id, ids));
  return new Map(rijen.map((r) => [r.id, r.naam]));
}

/** The consortium names of these offers, in one query however many offers there are. */
async function consortiumNamen(executor: Executor, a: Aanbieding[]): Promise<(a: Aanbieding) => string | null> {
  const ids = [...new Set(a.flatMap((x) => (x.consortiumId ? [x.consortiumId] : [])))];
  const rijen =
    ids.length === 0
      ? []
      : await executor
          .select({ id: consortia.id, naam: consortia.naam })
          .from(consortia)
          .where(inArray(consortia.id, ids));
  const namen = new Map(rijen.map((r) => [r.id, r.naam]));
  return (x) => (x.consortiumId ? (namen.get(x.consortiumId) ?? null) : null);
}

// FOR SHARE: many offers at once, but no status change (deadline, withdrawal) in between.
const vergrendelHulpvraag = vooraf(() =>
  db()
    .select({ h: hulpvragen, regels: regelboeken, verlopen: deadlineVerstreken() })
    .from(hulpvragen)
    .innerJoin(regelboeken, eq(regelboeken.gemeenteId, hulpvragen.gemeenteId))
    .where(and(eq(hulpvragen.id, sql.placeholder("hulpvraagId")), zichtbaarVoorAanbieder(sql.placeholder("aanbieder"))))
    .for("share", { of: hulpvragen })
    .prepare("aanbod_vergrendel_hulpvraag"),
);

const nieuweAanbieding = vooraf(() =>
  db()
    .insert(aanbiedingen)
    .values({
      id: sql.placeholder("id"),
      hulpvraagId: sql.placeholder("hulpvraagId"),
      aanbiederId: sql.placeholder("aanbiederId"),
      consortiumId: sql.placeholder("consortiumId"),
      startdatum: sql.placeholder("startdatum"),
      einddatum: sql.placeholder("einddatum"),
      cao: sql.placeholder("cao"),
      dienstverband: sql.placeholder("dienstverband"),
      overnameHulpverlener: sql.placeholder("overnameHulpverlener"),
      overnameAantal: sql.placeholder("overnameAantal"),
      samenvatting: sql.placeholder("samenvatting"),
      componenten: sql.placeholder("componenten"),
      prijsPerMaandCent: sql.placeholder("prijsPerMaandCent"),
      ingediendDoor: sql.placeholder("ingediendDoor"),
    })
    .onConflictDoNothing()
    .returning()
    .prepare("aanbod_nieuw"),
);

const nieuweVersie = vooraf(() =>
  db()
    .insert(aanbiedingVersies)
    .values({
      aanbiedingId: sql.placeholder("aanbiedingId"),
      versie: sql.placeholder("versie"),
      inhoud: sql.placeholder("inhoud"),
    })
    .prepare("aanbod_versie"),
);

/**
 * Rule 6 by the database clock: open and before the deadline, whatever the channel. The
 * gemeente's rulebook comes along in the same statement (only the request's row is locked).
 */
async function vergrendelOpenHulpvraag(
  tx: Tx,
  aanbieder: Gebruiker,
  hulpvraagId: string,
): Promise<{ h: Hulpvraag; regels: Regelboek }> {
  const [rij] = await vergrendelHulpvraag(tx, { hulpvraagId, aanbieder: aanbiederVan(aanbieder) });
  if (!rij || rij.h.status === "concept") throw new DomainError("not_found");
  if (rij.h.status === "ingetrokken") throw new DomainError("request_not_open");
  weigerNaDeadline(rij.h, rij.verlopen);
  return { h: rij.h, regels: rij.regels };
}

/** Reads sent together (one round trip) are settled first and then taken one by one, so their refusals keep their order. */
function waarde<T>(r: PromiseSettledResult<T>): T {
  if (r.status === "rejected") throw r.reason;
  return r.value;
}

/** The names and members an offer's events need, read once: from the rule check, or here for a withdrawal. */
type Bieders = { namen: Namen; consortiumNaam: string | null; leden: string[] };

const biedersUit = (l: Leveranciers): Bieders => ({
  namen: l.namen,
  consortiumNaam: l.consortium?.naam ?? null,
  leden: l.leden,
});

async function biedersVanAanbieding(tx: Tx, a: Aanbieding): Promise<Bieders> {
  return {
    namen: await namenVoor(tx, [a]),
    consortiumNaam: (await consortiumNamen(tx, [a]))(a),
    leden: await biedersVan(tx, a),
  };
}

/** Every feed that hears about an offer: the gemeente's staff, the client, the bidder and its consortium partners. */
async function meldAanbieding(
  meld: Melder,
  type: "offer:created" | "offer:revised" | "offer:withdrawn",
  a: Aanbieding,
  h: Hulpvraag,
  b: Bieders,
) {
  const weergave = aanbiedingWeergave(a, b.namen, b.consortiumNaam);
  await meld(feedVoor.gemeente(h.gemeenteId), type, { hulpvraagId: h.id, aanbieding: weergave });
  await meld(feedVoor.hulpvraag(h.id), type, { hulpvraagId: h.id, aanbieding: clientWeergave(weergave) });
  for (const lid of new Set([a.aanbiederId, ...b.leden]))
    await meld(feedVoor.aanbieder(lid), type, { hulpvraagId: h.id, aanbieding: weergave });
  return weergave;
}

/** The revision history row, sent without waiting: it travels with the statements before the commit. */
function bewaarVersie(tx: Tx, a: Aanbieding) {
  uitstellen(tx, nieuweVersie(tx, { aanbiedingId: a.id, versie: a.versie, inhoud: a }));
}

/** Submit (or, after a withdrawal, submit again): one offer per bidder per request. */
export async function dienAanbiedingIn(actor: Actor, hulpvraagId: string, invoer: AanbiedingInvoer) {
  const aanbieder = vereisRol(actor, "aanbieder");
  const bieder = aanbiederVan(aanbieder);
  return metWeigeringen(hulpvraagId, () =>
    inTransactie(async (tx, meld) => {
      const [vergrendeld, gelezen] = await Promise.allSettled([
        vergrendelOpenHulpvraag(tx, aanbieder, hulpvraagId),
        leveranciersVoor(tx, bieder, invoer.consortiumId),
      ]);
      const { h, regels } = waarde(vergrendeld);
      const leveranciers = waarde(gelezen);
      await weigerZonderGedragscode(tx, h.gemeenteId, bieder);
      const componenten = await controleerAanbieding(tx, h, invoer, leveranciers.leden, regels);
      const velden = inhoud(invoer, componenten, aanbieder.id);
      // The usual case, a first offer, is one statement; only when the bidder's row exists is it locked and read.
      let [a] = await nieuweAanbieding(tx, {
        id: newId("ao"),
        hulpvraagId,
        aanbiederId: bieder,
        consortiumId: invoer.consortiumId ?? null,
        ...velden,
      });
      let bestaand: Aanbieding | undefined;
      if (!a) {
        [bestaand] = await tx
          .select()
          .from(aanbiedingen)
          .where(
            and(
              eq(aanbiedingen.hulpvraagId, hulpvraagId),
              eq(aanbiedingen.aanbiederId, bieder),
              sql`coalesce(${aanbiedingen.consortiumId}, '') = ${invoer.consortiumId ?? ""}`,
            ),
          )
          .for("update");
        if (!bestaand || bestaand.status !== "ingetrokken") {
          throw new DomainError("invalid_input", [
            {
              field: "hulpvraagId",
              message: "U heeft al een aanbod op deze hulpvraag. Pas dat aan in plaats van een nieuw aanbod te doen.",
            },
          ]);
        }
        [a] = await tx
          .update(aanbiedingen)
          .set({ ...velden, status: "ingediend", versie: bestaand.versie + 1, updatedAt: new Date() })
          .where(eq(aanbiedingen.id, bestaand.id))
          .returning();
      }
      bewaarVersie(tx, a);
      const weergave = await meldAanbieding(meld, "offer:created", a, h, biedersUit(leveranciers));
      await mailAanbodNaKantoortijd(tx, h);
      await schrijfAudit(tx, aanbieder, {
        actie: "aanbieding.ingediend",
        entiteit: "aanbieding",
        entiteitId: a.id,
        gemeenteId: h.gemeenteId,
        hulpvraagId,
        voor: bestaand ? { status: bestaand.status } : null,
        na: weergave,
      });
      return weergave;
    }),
  );
}

function inhoud(invoer: AanbiedingInvoer, componenten: Component[], door: string) {
  return {
    startdatum: invoer.startdatum,
    einddatum: invoer.einddatum,
    cao: invoer.cao,
    dienstverband: invoer.dienstverband,
    overnameHulpverlener: invoer.overnameHulpverlener,
    overnameAantal: invoer.overnameAantal,
    samenvatting: invoer.samenvatting,
    componenten,
    prijsPerMaandCent: componenten.reduce((s, c) => s + c.prijsPerMaandCent, 0),
    ingediendDoor: door,
  };
}

/** Only the bidder (the penvoerder for a consortium) changes its offer; the others read it. */
async function vergrendelEigenAanbieding(tx: Tx, aanbieder: Gebruiker, id: string) {
  const [a] = await tx
    .select()
    .from(aanbiedingen)
    .where(and(eq(aanbiedingen.id, id), eq(aanbiedingen.aanbiederId, aanbiederVan(aanbieder))))
    .for("update");
  if (!a) throw new DomainError("not_found");
  return a;
}

export async function herzieAanbieding(actor: Actor, id: string, invoer: AanbiedingInvoer) {
  const aanbieder = vereisRol(actor, "aanbieder");
  const gemeente = async () => {
    const [a] = await db()
      .select({ gemeenteId: hulpvragen.gemeenteId })
      .from(aanbiedingen)
      .innerJoin(hulpvragen, eq(hulpvragen.id, aanbiedingen.hulpvraagId))
      .where(eq(aanbiedingen.id, id));
    return a?.gemeenteId ?? null;
  };
  return metWeigeringen(gemeente, () =>
    inTransactie(async (tx, meld) => {
      const voor = await vergrendelEigenAanbieding(tx, aanbieder, id);
      const [vergrendeld, gelezen] = await Promise.allSettled([
        vergrendelOpenHulpvraag(tx, aanbieder, voor.hulpvraagId),
        leveranciersVoor(tx, voor.aanbiederId, voor.consortiumId),
      ]);
      const { h, regels } = waarde(vergrendeld);
      if ((invoer.consortiumId ?? null) !== voor.consortiumId) {
        throw new DomainError("invalid_input", [
          {
            field: "consortiumId",
            message: "Een herziening blijft van dezelfde bieder; trek het aanbod in en dien een nieuw in.",
          },
        ]);
      }
      const leveranciers = waarde(gelezen);
      await weigerZonderGedragscode(tx, h.gemeenteId, voor.aanbiederId);
      const componenten = await controleerAanbieding(tx, h, invoer, leveranciers.leden, regels);
      const [a] = await tx
        .update(aanbiedingen)
        .set({
          ...inhoud(invoer, componenten, aanbieder.id),
          status: "ingediend",
          versie: voor.versie + 1,
          updatedAt: new Date(),
        })
        .where(eq(aanbiedingen.id, id))
        .returning();
      bewaarVersie(tx, a);
      const weergave = await meldAanbieding(
        meld,
        voor.status === "ingetrokken" ? "offer:created" : "offer:revised",
        a,
        h,
        biedersUit(leveranciers),
      );
      await schrijfAudit(tx, aanbieder, {
        actie: "aanbieding.herzien",
        entiteit: "aanbieding",
        entiteitId: id,
        gemeenteId: h.gemeenteId,
        hulpvraagId: h.id,
        voor: { versie: voor.versie, prijsPerMaandCent: voor.prijsPerMaandCent },
        na: weergave,
      });
      return weergave;
    }),
  );
}

export async function trekAanbiedingIn(actor: Actor, id: string) {
  const aanbieder = vereisRol(actor, "aanbieder");
  return inTransactie(async (tx, meld) => {
    const voor = await vergrendelEigenAanbieding(tx, aanbieder, id);
    const { h } = await vergrendelOpenHulpvraag(tx, aanbieder, voor.hulpvraagId);
    if (voor.status !== "ingediend")
      throw new DomainError("invalid_input", [{ field: "status", message: "Dit aanbod is al ingetrokken." }]);
    const [a] = await tx
      .update(aanbiedingen)
      .set({ status: "ingetrokken", updatedAt: new Date() })
      .where(eq(aanbiedingen.id, id))
      .returning();
    const weergave = await meldAanbieding(meld, "offer:withdrawn", a, h, await biedersVanAanbieding(tx, a));
    await schrijfAudit(tx, aanbieder, {
      actie: "aanbieding.ingetrokken",
      entiteit: "aanbieding",
      entiteitId: id,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
      voor: { status: voor.status },
      na: { status: a.status },
    });
    return weergave;
  });
}

/** Sealed (rule 6): the gemeente sees all offers, the client the submitted ones, a provider only its own. */
export async function lijstAanbiedingen(actor: Actor, hulpvraagId: string) {
  if (actor.soort === "client") {
    if (actor.hulpvraagId !== hulpvraagId) throw new DomainError("not_found");
    const rijen = await db()
      .select()
      .from(aanbiedingen)
      .where(and(eq(aanbiedingen.hulpvraagId, hulpvraagId), sql`${aanbiedingen.status} <> 'ingetrokken'`))
      .orderBy(aanbiedingen.createdAt);
    const [namen, consortiumNaam] = await Promise.all([namenVoor(db(), rijen), consortiumNamen(db(), rijen)]);
    return rijen.map((a) => aanbiedingVoorClient(a, namen, consortiumNaam(a)));
  }
  const gebruiker = vereisRol(actor, "consulent", "beheerder", "toezichthouder", "aanbieder");
  let rijen: Aanbieding[];
  if (gebruiker.rol === "aanbieder") {
    // A request the provider may not read does not exist for it, also not as an empty list.
    await leesHulpvraag(gebruiker, hulpvraagId);
    rijen = await db()
      .select()
      .from(aanbiedingen)
      .where(and(eq(aanbiedingen.hulpvraagId, hulpvraagId), aanbiedingenVan(aanbiederVan(gebruiker))))
      .orderBy(aanbiedingen.createdAt);
  } else {
    const [h] = await db()
      .select({ id: hulpvragen.id })
      .from(hulpvragen)
      .where(and(eq(hulpvragen.id, hulpvraagId), eq(hulpvragen.gemeenteId, gemeenteVan(gebruiker))));
    if (!h) throw new DomainError("not_found");
    rijen = await db()
      .select()
      .from(aanbiedingen)
      .where(eq(aanbiedingen.hulpvraagId, hulpvraagId))
      .orderBy(aanbiedingen.createdAt);
  }
  const [namen, consortiumNaam] = await Promise.all([namenVoor(db(), rijen), consortiumNamen(db(), rijen)]);
  return rijen.map((a) => aanbiedingWeergave(a, namen, consortiumNaam(a)));
}

export async function leesAanbieding(actor: Actor, id: string) {
  const [a] = await db().select().from(aanbiedingen).where(eq(aanbiedingen.id, id));
  if (!a) throw new DomainError("not_found");
  // A refusal to list the request's offers means this one does not exist for the reader; any
  // other failure (the database) stays what it is and is not turned into a 404.
  const lijst = await lijstAanbiedingen(actor, a.hulpvraagId).catch((e: unknown) => {
    if (e instanceof DomainError) return [];
    throw e;
  });
  const zichtbaar = lijst.find((x) => x.id === id);
  if (!zichtbaar) throw new DomainError("not_found");
  return zichtbaar;
}

export async function mijnAanbiedingen(actor: Actor) {
  const aanbieder = vereisRol(actor, "aanbieder");
  const rijen = await db()
    .select()
    .from(aanbiedingen)
    .where(aanbiedingenVan(aanbiederVan(aanbieder)))
    .orderBy(desc(aanbiedingen.updatedAt))
    .limit(200);
  const [namen, consortiumNaam] = await Promise.all([namenVoor(db(), rijen), consortiumNamen(db(), rijen)]);
  return rijen.map((a) => aanbiedingWeergave(a, namen, consortiumNaam(a)));
}

/** The revision history holds prices, which are the gemeente's business and not the client's. */
export async function versiesVan(actor: Actor, id: string) {
  await leesAanbieding(vereisRol(actor, "consulent", "beheerder", "toezichthouder", "aanbieder"), id);
  return db()
    .select()
    .from(aanbiedingVersies)
    .where(eq(aanbiedingVersies.aanbiedingId, id))
    .orderBy(aanbiedingVersies.versie);
}
