import { and, desc, eq, sql } from "drizzle-orm";
import {
  aanbieders,
  contracten,
  gedragscodeAcceptaties,
  gedragscodeMeldingen,
  gedragscodes,
  gemeenten,
} from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { db, type Tx } from "../../db/client.server";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { vooraf } from "./vooraf.server";

/**
 * The code verantwoord marktgedrag (seed 002, aanbeveling 3): a gemeente publishes it in
 * versions; an aanbieder's beheerder accepts the newest version before its organisation bids
 * in that gemeente (`code_not_accepted` otherwise, on every channel that submits an offer).
 */
export async function publiceerGedragscode(actor: Actor, tekst: string) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  return inTransactie(async (tx) => {
    // One publisher at a time per gemeente: the version number is the next one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`gedragscode:${gemeenteId}`}))`);
    const [laatste] = await tx
      .select({ versie: gedragscodes.versie })
      .from(gedragscodes)
      .where(eq(gedragscodes.gemeenteId, gemeenteId))
      .orderBy(desc(gedragscodes.versie))
      .limit(1);
    const [code] = await tx
      .insert(gedragscodes)
      .values({ gemeenteId, versie: (laatste?.versie ?? 0) + 1, tekst, gepubliceerdDoor: beheerder.id })
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "gedragscode.gepubliceerd",
      entiteit: "gedragscode",
      entiteitId: `${gemeenteId}:${code.versie}`,
      gemeenteId,
      na: code,
    });
    return weergave(code);
  });
}

const weergave = (c: typeof gedragscodes.$inferSelect) => ({
  gemeenteId: c.gemeenteId,
  versie: c.versie,
  tekst: c.tekst,
  gepubliceerdOp: c.gepubliceerdOp.toISOString(),
});

async function nieuwsteVan(gemeenteId: string) {
  const [c] = await db()
    .select()
    .from(gedragscodes)
    .where(eq(gedragscodes.gemeenteId, gemeenteId))
    .orderBy(desc(gedragscodes.versie))
    .limit(1);
  return c ?? null;
}

/**
 * Gemeente staff read their own code; an aanbieder (planner or beheerder) reads the newest code
 * of every gemeente it has a contract with, and whether its organisation accepted that version.
 */
export async function leesGedragscodes(actor: Actor) {
  const gebruiker = vereisRol(actor, "beheerder", "toezichthouder", "consulent", "aanbieder", "aanbieder-beheerder");
  if (gebruiker.rol === "beheerder" || gebruiker.rol === "toezichthouder" || gebruiker.rol === "consulent") {
    const c = await nieuwsteVan(gemeenteVan(gebruiker));
    return {
      items: c ? [{ ...weergave(c), gemeenteNaam: null as string | null, geaccepteerd: null as boolean | null }] : [],
    };
  }
  const aanbiederId = aanbiederVan(gebruiker);
  const rijen = await db().execute<{
    gemeenteId: string;
    gemeenteNaam: string;
    versie: number;
    tekst: string;
    gepubliceerdOp: Date;
    geaccepteerd: boolean;
  }>(sql`
    select distinct on (g.gemeente_id) g.gemeente_id as "gemeenteId", gm.naam as "gemeenteNaam", g.versie, g.tekst, g.gepubliceerd_op as "gepubliceerdOp",
      exists (select 1 from ${gedragscodeAcceptaties} a where a.aanbieder_id = ${aanbiederId} and a.gemeente_id = g.gemeente_id and a.versie = g.versie) as geaccepteerd
    from ${gedragscodes} g join ${gemeenten} gm on gm.id = g.gemeente_id
    where g.gemeente_id in (select gemeente_id from ${contracten} where aanbieder_id = ${aanbiederId})
    order by g.gemeente_id, g.versie desc`);
  return { items: [...rijen].map((r) => ({ ...r, gepubliceerdOp: new Date(r.gepubliceerdOp).toISOString() })) };
}

/** The aanbieder's beheerder accepts the newest version of a gemeente's code, for its whole organisation. */
export async function accepteerGedragscode(actor: Actor, gemeenteId: string, versie: number) {
  const beheerder = vereisRol(actor, "aanbieder-beheerder");
  const aanbiederId = aanbiederVan(beheerder);
  const [gecontracteerd] = await db()
    .select({ id: contracten.id })
    .from(contracten)
    .where(and(eq(contracten.gemeenteId, gemeenteId), eq(contracten.aanbiederId, aanbiederId)))
    .limit(1);
  const nieuwste = gecontracteerd ? await nieuwsteVan(gemeenteId) : null;
  if (!nieuwste) throw new DomainError("not_found");
  if (nieuwste.versie !== versie) {
    throw new DomainError("invalid_input", [
      { field: "versie", message: `Versie ${nieuwste.versie} is de geldende versie; accepteer die.` },
    ]);
  }
  return inTransactie(async (tx) => {
    const [a] = await tx
      .insert(gedragscodeAcceptaties)
      .values({ aanbiederId, gemeenteId, versie, geaccepteerdDoor: beheerder.id })
      .onConflictDoNothing()
      .returning();
    if (a)
      await schrijfAudit(tx, beheerder, {
        actie: "gedragscode.geaccepteerd",
        entiteit: "gedragscode",
        entiteitId: `${gemeenteId}:${versie}`,
        gemeenteId,
        na: { aanbiederId, versie },
      });
    return { gemeenteId, versie, aanbiederId, geaccepteerd: true };
  });
}

// Built once: it runs for every offer.
const nietGeaccepteerd = vooraf(() =>
  db()
    .select({ versie: gedragscodes.versie })
    .from(gedragscodes)
    .where(
      and(
        eq(gedragscodes.gemeenteId, sql.placeholder("gemeenteId")),
        sql`${gedragscodes.versie} = (select max(versie) from gedragscodes where gemeente_id = ${sql.placeholder("gemeenteId")})`,
        sql`not exists (select 1 from gedragscode_acceptaties a where a.aanbieder_id = ${sql.placeholder("aanbiederId")} and a.gemeente_id = ${gedragscodes.gemeenteId} and a.versie = ${gedragscodes.versie})`,
      ),
    )
    .prepare("aanbod_gedragscode"),
);

/** Inside the offer's transaction: the bidder's organisation accepted the gemeente's newest code (if it has one). */
export async function weigerZonderGedragscode(tx: Tx, gemeenteId: string, aanbiederId: string) {
  const [open] = (await nietGeaccepteerd(tx, { gemeenteId, aanbiederId })) as { versie: number }[];
  if (open) {
    throw new DomainError("code_not_accepted", [
      {
        field: "aanbiederId",
        message: `De beheerder van uw organisatie moet eerst versie ${open.versie} van de gedragscode van deze gemeente accepteren (pagina Organisatie).`,
      },
    ]);
  }
}

type Melding = typeof gedragscodeMeldingen.$inferSelect;
const meldingWeergave = (m: Melding, aanbiederNaam: string | null = null) => ({
  id: m.id,
  gemeenteId: m.gemeenteId,
  aanbiederId: m.aanbiederId,
  aanbiederNaam,
  versie: m.versie,
  omschrijving: m.omschrijving,
  gemeldOp: m.gemeldOp.toISOString(),
  reactie: m.reactie,
  reactieOp: m.reactieOp?.toISOString() ?? null,
});

/** Toezicht records a reported breach of the gemeente's code by a contracted provider, against the version in force. */
export async function meldSchending(actor: Actor, invoer: { aanbiederId: string; omschrijving: string }) {
  const toezichthouder = vereisRol(actor, "toezichthouder");
  const gemeenteId = gemeenteVan(toezichthouder);
  const code = await nieuwsteVan(gemeenteId);
  if (!code)
    throw new DomainError("invalid_input", [
      { field: "aanbiederId", message: "Uw gemeente heeft geen gedragscode gepubliceerd." },
    ]);
  const [gecontracteerd] = await db()
    .select({ id: contracten.id })
    .from(contracten)
    .where(and(eq(contracten.gemeenteId, gemeenteId), eq(contracten.aanbiederId, invoer.aanbiederId)))
    .limit(1);
  if (!gecontracteerd)
    throw new DomainError("invalid_input", [
      { field: "aanbiederId", message: "Deze aanbieder heeft geen contract met uw gemeente." },
    ]);
  return inTransactie(async (tx) => {
    const [m] = await tx
      .insert(gedragscodeMeldingen)
      .values({
        id: newId("gm"),
        gemeenteId,
        aanbiederId: invoer.aanbiederId,
        versie: code.versie,
        omschrijving: invoer.omschrijving,
        gemeldDoor: toezichthouder.id,
      })
      .returning();
    await schrijfAudit(tx, toezichthouder, {
      actie: "gedragscode.schending_gemeld",
      entiteit: "gedragscode_melding",
      entiteitId: m.id,
      gemeenteId,
      na: meldingWeergave(m),
    });
    return meldingWeergave(m);
  });
}

/** The register: toezicht (and the beheerder) of the gemeente read all of it; a provider reads what concerns it. */
export async function lijstMeldingen(actor: Actor) {
  const gebruiker = vereisRol(actor, "toezichthouder", "beheerder", "aanbieder", "aanbieder-beheerder");
  const bereik =
    gebruiker.rol === "toezichthouder" || gebruiker.rol === "beheerder"
      ? eq(gedragscodeMeldingen.gemeenteId, gemeenteVan(gebruiker))
      : eq(gedragscodeMeldingen.aanbiederId, aanbiederVan(gebruiker));
  const rijen = await db()
    .select({ m: gedragscodeMeldingen, naam: aanbieders.naam })
    .from(gedragscodeMeldingen)
    .innerJoin(aanbieders, eq(aanbieders.id, gedragscodeMeldingen.aanbiederId))
    .where(bereik)
    .orderBy(desc(gedragscodeMeldingen.gemeldOp));
  return { items: rijen.map((r) => meldingWeergave(r.m, r.naam)) };
}

/** The provider's beheerder answers a report about its organisation, once; the answer is on the record. */
export async function reageerOpMelding(actor: Actor, meldingId: string, reactie: string) {
  const beheerder = vereisRol(actor, "aanbieder-beheerder");
  const aanbiederId = aanbiederVan(beheerder);
  return inTransactie(async (tx) => {
    const [voor] = await tx
      .select()
      .from(gedragscodeMeldingen)
      .where(and(eq(gedragscodeMeldingen.id, meldingId), eq(gedragscodeMeldingen.aanbiederId, aanbiederId)))
      .for("update");
    if (!voor) throw new DomainError("not_found");
    if (voor.reactie)
      throw new DomainError("invalid_input", [
        { field: "reactie", message: "Uw organisatie heeft hier al op gereageerd." },
      ]);
    const [na] = await tx
      .update(gedragscodeMeldingen)
      .set({ reactie, reactieDoor: beheerder.id, reactieOp: new Date() })
      .where(eq(gedragscodeMeldingen.id, meldingId))
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "gedragscode.reactie",
      entiteit: "gedragscode_melding",
      entiteitId: meldingId,
      gemeenteId: voor.gemeenteId,
      voor: meldingWeergave(voor),
      na: meldingWeergave(na),
    });
    return meldingWeergave(na);
  });
}
