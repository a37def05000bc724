import { aliasedTable, and, desc, eq, or } from "drizzle-orm";
import { aanbieders, collectieveOvernames, contracten } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";

export type CollectieveOvernameInvoer = {
  vanAanbiederId: string;
  naarAanbiederId: string;
  aantalMedewerkers: number;
  voorwaarden: string;
  datum: string;
};

/**
 * Seed 002: when a contract ends or a provider loses its place ("indien in het inkoopproces van
 * aanbieder wordt gewisseld"), the gemeente's beheerder records the agreement under which staff
 * move collectively. Both providers must have (had) a contract with the gemeente. These moves
 * come with a job, so they do not count against the yearly cap of rule 4.
 */
export async function legCollectieveOvernameVast(actor: Actor, invoer: CollectieveOvernameInvoer) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  if (invoer.vanAanbiederId === invoer.naarAanbiederId)
    throw new DomainError("invalid_input", [
      { field: "naarAanbiederId", message: "Kies een andere aanbieder dan die het personeel overdraagt." },
    ]);
  return inTransactie(async (tx) => {
    for (const veld of ["vanAanbiederId", "naarAanbiederId"] as const) {
      const [c] = await tx
        .select({ id: contracten.id })
        .from(contracten)
        .where(and(eq(contracten.gemeenteId, gemeenteId), eq(contracten.aanbiederId, invoer[veld])))
        .limit(1);
      if (!c)
        throw new DomainError("not_contracted", [
          { field: veld, message: "Deze aanbieder heeft geen contract met uw gemeente (gehad)." },
        ]);
    }
    const [o] = await tx
      .insert(collectieveOvernames)
      .values({ id: newId("co"), gemeenteId, ...invoer, vastgelegdDoor: beheerder.id })
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "collectieve_overname.vastgelegd",
      entiteit: "collectieve_overname",
      entiteitId: o.id,
      gemeenteId,
      na: weergave(o),
    });
    return weergave(o);
  });
}

function weergave(o: typeof collectieveOvernames.$inferSelect, namen?: { van: string; naar: string }) {
  return {
    id: o.id,
    gemeenteId: o.gemeenteId,
    vanAanbiederId: o.vanAanbiederId,
    naarAanbiederId: o.naarAanbiederId,
    ...(namen ? { vanAanbiederNaam: namen.van, naarAanbiederNaam: namen.naar } : {}),
    aantalMedewerkers: o.aantalMedewerkers,
    voorwaarden: o.voorwaarden,
    datum: o.datum,
    createdAt: o.createdAt.toISOString(),
  };
}

/** Gemeente staff see their gemeente's agreements; an aanbieder those it gives or takes staff in. */
export async function lijstCollectieveOvernames(actor: Actor) {
  const gebruiker = vereisRol(actor, "beheerder", "toezichthouder", "consulent", "aanbieder", "aanbieder-beheerder");
  const bereik =
    gebruiker.rol === "aanbieder" || gebruiker.rol === "aanbieder-beheerder"
      ? or(
          eq(collectieveOvernames.vanAanbiederId, aanbiederVan(gebruiker)),
          eq(collectieveOvernames.naarAanbiederId, aanbiederVan(gebruiker)),
        )
      : eq(collectieveOvernames.gemeenteId, gemeenteVan(gebruiker));
  const van = aliasedTable(aanbieders, "van");
  const naar = aliasedTable(aanbieders, "naar");
  const rijen = await db()
    .select({ o: collectieveOvernames, van: van.naam, naar: naar.naam })
    .from(collectieveOvernames)
    .innerJoin(van, eq(van.id, collectieveOvernames.vanAanbiederId))
    .innerJoin(naar, eq(naar.id, collectieveOvernames.naarAanbiederId))
    .where(bereik)
    .orderBy(desc(collectieveOvernames.datum), desc(collectieveOvernames.createdAt))
    .limit(500);
  return rijen.map((r) => weergave(r.o, { van: r.van, naar: r.naar }));
}
