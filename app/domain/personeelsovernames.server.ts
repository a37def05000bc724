import { aliasedTable, and, desc, eq, or } from "drizzle-orm";
import { aanbieders, aanbiedingen, hulpvragen, personeelsovernames } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import type { Melder } from "./live.server";
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
