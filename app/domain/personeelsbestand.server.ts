import { and, asc, eq, sql } from "drizzle-orm";
import { aanbieders, contracten, gemeenten, personeelsbestanden, personeelsovernames } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { leesRegelboek } from "./regelboek.server";
import { amsterdamDatum } from "./deadline";

/**
 * Rule 4's yearly cap, counted on staff (seed 002: providers absorb about 10 % mutation in their
 * personeelsbestand a year without forced dismissals). Each aanbieder records its staff per year;
 * moves away from it without a job offer count their number of staff against that.
 */
export type Kap = {
  aanbiederId: string;
  jaar: number;
  procent: number;
  /** Heads in the personeelsbestand of that year; null when the aanbieder recorded none (the cap is then 0). */
  koppen: number | null;
  fte: number | null;
  toegestaan: number;
  gebruikt: number;
  /** How many more may leave without a job offer this year. */
  ruimte: number;
};

/** `?year=2026`, or this year (Amsterdam) when absent. */
export function jaarUit(waarde: string | undefined): number {
  if (waarde === undefined || waarde === "") return Number(amsterdamDatum(new Date()).slice(0, 4));
  const jaar = Number(waarde);
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100)
    throw new DomainError("invalid_input", [{ field: "year", message: "Geef een jaar tussen 2015 en 2100." }]);
  return jaar;
}

/**
 * The cap of one aanbieder in one year under the given percentage. `vergrendel` (inside the award
 * transaction) first takes the aanbieder's cap lock, held to commit, so two awards that both count
 * cannot both pass: the second reads the first one's transfer once it has committed (read committed).
 */
export async function kapVan(
  executor: Executor,
  aanbiederId: string,
  jaar: number,
  procent: number,
  vergrendel = false,
): Promise<Kap> {
  // An advisory lock per outgoing provider: it serialises the awards that count against its cap and
  // nothing else (a row lock on aanbieders would also hold up every insert that references it).
  if (vergrendel)
    await executor.execute(sql`select pg_advisory_xact_lock(hashtext(${`personeelskap:${aanbiederId}`}))`);
  const [[bestand], [{ gebruikt }]] = await Promise.all([
    executor
      .select({ koppen: personeelsbestanden.koppen, fte: personeelsbestanden.fte })
      .from(personeelsbestanden)
      .where(and(eq(personeelsbestanden.aanbiederId, aanbiederId), eq(personeelsbestanden.jaar, jaar))),
    executor
      .select({ gebruikt: sql<number>`coalesce(sum(${personeelsovernames.aantalMedewerkers}), 0)::int` })
      .from(personeelsovernames)
      .where(
        and(
          eq(personeelsovernames.vanAanbiederId, aanbiederId),
          eq(personeelsovernames.toegezegd, false),
          sql`extract(year from ${personeelsovernames.datum}) = ${jaar}`,
        ),
      ),
  ]);
  const koppen = bestand?.koppen ?? null;
  const toegestaan = Math.floor(((koppen ?? 0) * procent) / 100);
  return {
    aanbiederId,
    jaar,
    procent,
    koppen,
    fte: bestand ? Number(bestand.fte) : null,
    toegestaan,
    gebruikt,
    ruimte: Math.max(0, toegestaan - gebruikt),
  };
}

/** Plain figures per contracted aanbieder of a gemeente in one year: what toezicht's table (and charts) show. */
export async function kapGebruik(gemeenteId: string, jaar: number) {
  const regels = await leesRegelboek(gemeenteId);
  const rijen = await db()
    .selectDistinct({ id: aanbieders.id, naam: aanbieders.naam })
    .from(contracten)
    .innerJoin(aanbieders, eq(aanbieders.id, contracten.aanbiederId))
    .where(eq(contracten.gemeenteId, gemeenteId))
    .orderBy(asc(aanbieders.naam));
  return Promise.all(
    rijen.map(async (r) => ({
      aanbiederNaam: r.naam,
      ...(await kapVan(db(), r.id, jaar, regels.personeelsmutatiePlafondProcent)),
    })),
  );
}

/** The aanbieder's own cap use, per gemeente it has a contract with (each gemeente's rulebook sets the percentage). */
export async function eigenKapGebruik(actor: Actor, jaar: number) {
  const gebruiker = vereisRol(actor, "aanbieder", "aanbieder-beheerder");
  const aanbiederId = aanbiederVan(gebruiker);
  const lijst = await db()
    .selectDistinct({ gemeenteId: contracten.gemeenteId, gemeenteNaam: gemeenten.naam })
    .from(contracten)
    .innerJoin(gemeenten, eq(gemeenten.id, contracten.gemeenteId))
    .where(eq(contracten.aanbiederId, aanbiederId))
    .orderBy(asc(gemeenten.naam));
  return Promise.all(
    lijst.map(async ({ gemeenteId, gemeenteNaam }) => {
      const regels = await leesRegelboek(gemeenteId);
      return {
        gemeenteId,
        gemeenteNaam,
        ...(await kapVan(db(), aanbiederId, jaar, regels.personeelsmutatiePlafondProcent)),
      };
    }),
  );
}

const weergave = (p: typeof personeelsbestanden.$inferSelect) => ({
  aanbiederId: p.aanbiederId,
  jaar: p.jaar,
  koppen: p.koppen,
  fte: Number(p.fte),
  bijgewerktOp: p.bijgewerktOp.toISOString(),
});

/** Whether gemeente staff may see this aanbieder: it has (or had) a contract with their gemeente. */
async function vereisGecontracteerd(gemeenteId: string, aanbiederId: string) {
  const [c] = await db()
    .select({ id: contracten.id })
    .from(contracten)
    .where(and(eq(contracten.gemeenteId, gemeenteId), eq(contracten.aanbiederId, aanbiederId)))
    .limit(1);
  if (!c) throw new DomainError("not_found");
}

/**
 * The personeelsbestand by year: an aanbieder (planner or beheerder) reads its own; gemeente
 * staff and toezicht read that of an aanbieder contracted with their gemeente.
 */
export async function leesPersoneelsbestand(actor: Actor, aanbiederId?: string) {
  const gebruiker = vereisRol(actor, "aanbieder", "aanbieder-beheerder", "beheerder", "consulent", "toezichthouder");
  let id: string;
  if (gebruiker.rol === "aanbieder" || gebruiker.rol === "aanbieder-beheerder") {
    id = aanbiederVan(gebruiker);
    if (aanbiederId && aanbiederId !== id) throw new DomainError("not_found");
  } else {
    if (!aanbiederId)
      throw new DomainError("invalid_input", [{ field: "aanbiederId", message: "Kies een aanbieder." }]);
    await vereisGecontracteerd(gemeenteVan(gebruiker), aanbiederId);
    id = aanbiederId;
  }
  const rijen = await db()
    .select()
    .from(personeelsbestanden)
    .where(eq(personeelsbestanden.aanbiederId, id))
    .orderBy(asc(personeelsbestanden.jaar));
  return { aanbiederId: id, items: rijen.map(weergave) };
}

/** The aanbieder's own beheerder records (or corrects) the staff of one year; audited with before and after. */
export async function legPersoneelsbestandVast(actor: Actor, invoer: { jaar: number; koppen: number; fte: number }) {
  const beheerder = vereisRol(actor, "aanbieder-beheerder");
  const aanbiederId = aanbiederVan(beheerder);
  return inTransactie(async (tx) => {
    const [voor] = await tx
      .select()
      .from(personeelsbestanden)
      .where(and(eq(personeelsbestanden.aanbiederId, aanbiederId), eq(personeelsbestanden.jaar, invoer.jaar)))
      .for("update");
    const waarden = { koppen: invoer.koppen, fte: invoer.fte, bijgewerktDoor: beheerder.id, bijgewerktOp: new Date() };
    const [na] = await tx
      .insert(personeelsbestanden)
      .values({ aanbiederId, jaar: invoer.jaar, ...waarden })
      .onConflictDoUpdate({ target: [personeelsbestanden.aanbiederId, personeelsbestanden.jaar], set: waarden })
      .returning();
    // Once in the trail of every gemeente the aanbieder has a contract with: their toezicht reads it there.
    const gemeenten = await tx
      .selectDistinct({ id: contracten.gemeenteId })
      .from(contracten)
      .where(eq(contracten.aanbiederId, aanbiederId));
    for (const gemeenteId of gemeenten.length ? gemeenten.map((g) => g.id) : [null])
      await schrijfAudit(tx, beheerder, {
        actie: "personeelsbestand.vastgelegd",
        entiteit: "aanbieder",
        entiteitId: aanbiederId,
        gemeenteId,
        voor: voor ? { jaar: voor.jaar, koppen: voor.koppen, fte: Number(voor.fte) } : null,
        na: { jaar: na.jaar, koppen: na.koppen, fte: Number(na.fte), aanbiederId },
      });
    return weergave(na);
  });
}
