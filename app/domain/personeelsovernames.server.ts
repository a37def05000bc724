import { aliasedTable, and, desc, eq, or } from "drizzle-orm";
import { aanbieders, aanbiedingen, hulpvragen, personeelsovernames, type Opvolging } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { inTransactie, type Melder } from "./live.server";
import { DomainError } from "./errors";
import { biedersVan } from "./uitkomst.server";

type Hulpvraag = typeof hulpvragen.$inferSelect;
type Aanbieding = typeof aanbiedingen.$inferSelect;

/** Care moves away when the client's current aanbieder is not among those delivering the winning offer. */
export async function verhuistZorg(tx: Tx, h: Hulpvraag, a: Aanbieding): Promise<boolean> {
  if (!h.huidigeZorg) return false;
  return !(await biedersVan(tx, a)).includes(h.huidigeZorg.aanbiederId);
}

/**
 * Rule 4, on award: records the staff transfer (from, to, caregiver role, cao, date) and tells
 * both aanbieders. Without the offer's commitment it counts towards the current aanbieder's yearly
 * cap, which aanbieding-regels reads from this same table.
 */
export async function registreerOvername(tx: Tx, meld: Melder, actor: Actor, h: Hulpvraag, a: Aanbieding) {
  const huidig = h.huidigeZorg;
  if (!huidig || !(await verhuistZorg(tx, h, a))) return null;
  const [o] = await tx
    .insert(personeelsovernames)
    .values({
      id: newId("po"),
      hulpvraagId: h.id,
      gemeenteId: h.gemeenteId,
      vanAanbiederId: huidig.aanbiederId,
      naarAanbiederId: a.aanbiederId,
      hulpverlenerRol: huidig.hulpverlenerRol,
      cao: a.cao,
      datum: a.startdatum,
      toegezegd: a.overnameHulpverlener,
      aantalMedewerkers: a.overnameAantal,
    })
    .returning();
  const weergave = overnameWeergave(o);
  for (const feed of [
    feedVoor.aanbieder(o.vanAanbiederId),
    feedVoor.aanbieder(o.naarAanbiederId),
    feedVoor.gemeente(h.gemeenteId),
  ]) {
    await meld(feed, "staff-transfer:created", { hulpvraagId: h.id, personeelsovername: weergave });
  }
  await schrijfAudit(tx, actor, {
    actie: "personeelsovername.vastgelegd",
    entiteit: "personeelsovername",
    entiteitId: o.id,
    gemeenteId: h.gemeenteId,
    hulpvraagId: h.id,
    na: weergave,
  });
  return weergave;
}

function overnameWeergave(o: typeof personeelsovernames.$inferSelect, namen?: { van: string; naar: string }) {
  return {
    id: o.id,
    hulpvraagId: o.hulpvraagId,
    gemeenteId: o.gemeenteId,
    vanAanbiederId: o.vanAanbiederId,
    naarAanbiederId: o.naarAanbiederId,
    ...(namen ? { vanAanbiederNaam: namen.van, naarAanbiederNaam: namen.naar } : {}),
    hulpverlenerRol: o.hulpverlenerRol,
    cao: o.cao,
    datum: o.datum,
    toegezegd: o.toegezegd,
    aantalMedewerkers: o.aantalMedewerkers,
    opvolging: o.opvolging,
    opvolgingNotitie: o.opvolgingNotitie,
    opvolgingOp: o.opvolgingOp?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

/** Both aanbieders see a transfer they are part of; the gemeente's staff see those of their gemeente. */
export async function lijstOvernames(actor: Actor, filter: { hulpvraagId?: string } = {}) {
  const gebruiker = vereisRol(actor, "aanbieder", "consulent", "beheerder", "toezichthouder");
  const van = aliasedTable(aanbieders, "van");
  const naar = aliasedTable(aanbieders, "naar");
  const bereik =
    gebruiker.rol === "aanbieder"
      ? or(
          eq(personeelsovernames.vanAanbiederId, aanbiederVan(gebruiker)),
          eq(personeelsovernames.naarAanbiederId, aanbiederVan(gebruiker)),
        )
      : eq(personeelsovernames.gemeenteId, gemeenteVan(gebruiker));
  const rijen = await db()
    .select({ o: personeelsovernames, van: van.naam, naar: naar.naam })
    .from(personeelsovernames)
    .innerJoin(van, eq(van.id, personeelsovernames.vanAanbiederId))
    .innerJoin(naar, eq(naar.id, personeelsovernames.naarAanbiederId))
    .where(filter.hulpvraagId ? and(bereik, eq(personeelsovernames.hulpvraagId, filter.hulpvraagId)) : bereik)
    .orderBy(desc(personeelsovernames.createdAt))
    .limit(500);
  return rijen.map((r) => overnameWeergave(r.o, { van: r.van, naar: r.naar }));
}

/**
 * Gemeente staff follow a transfer commitment up: done, not needed or breached, with a note (why,
 * what was checked). Only commitments (toegezegd) have something to follow; audited with before and after.
 */
export async function volgOvernameOp(actor: Actor, id: string, invoer: { status: Opvolging; notitie: string }) {
  const gebruiker = vereisRol(actor, "consulent", "beheerder", "toezichthouder");
  const gemeenteId = gemeenteVan(gebruiker);
  return inTransactie(async (tx) => {
    const [o] = await tx
      .select()
      .from(personeelsovernames)
      .where(and(eq(personeelsovernames.id, id), eq(personeelsovernames.gemeenteId, gemeenteId)))
      .for("update");
    if (!o) throw new DomainError("not_found");
    if (!o.toegezegd)
      throw new DomainError("invalid_input", [
        { field: "status", message: "Bij deze verhuizing is geen baan toegezegd; er is niets op te volgen." },
      ]);
    const [na] = await tx
      .update(personeelsovernames)
      .set({
        opvolging: invoer.status,
        opvolgingNotitie: invoer.notitie,
        opvolgingDoor: gebruiker.id,
        opvolgingOp: new Date(),
      })
      .where(eq(personeelsovernames.id, id))
      .returning();
    await schrijfAudit(tx, gebruiker, {
      actie: "personeelsovername.opgevolgd",
      entiteit: "personeelsovername",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: o.hulpvraagId,
      voor: { opvolging: o.opvolging, notitie: o.opvolgingNotitie },
      na: { opvolging: na.opvolging, notitie: na.opvolgingNotitie },
    });
    return overnameWeergave(na);
  });
}

/**
 * For toezicht: commitments marked breached, and open ones whose transfer date lies more than
 * `TERMIJN_DAGEN` days in the past (the new provider should have made the job offer by then).
 */
export const OPVOLG_TERMIJN_DAGEN = 30;
export async function overnamesMetAandacht(actor: Actor) {
  const gebruiker = vereisRol(actor, "toezichthouder", "beheerder");
  const alle = await lijstOvernames(gebruiker);
  const grens = new Date(Date.now() - OPVOLG_TERMIJN_DAGEN * 86400_000).toISOString().slice(0, 10);
  return alle.filter(
    (o) => o.toegezegd && (o.opvolging === "geschonden" || (o.opvolging === "open" && o.datum < grens)),
  );
}
