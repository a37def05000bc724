import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import {
  aanbieders,
  clienten,
  hulpvragen,
  resultaatchecks,
  resultaatoordelen,
  uitnodigingen,
  type ResultaatOordeel,
} from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, SYSTEEM, vereisRol, type Actor, type ClientActor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { mailResultaatcheck, mailResultaatcheckCode } from "./mailmeldingen.server";
import { maakSysteemUitnodiging } from "./uitnodigingen.server";
import type { ResultaatcheckInvoer } from "../schemas/resultaatcheck";

/**
 * Results followed up (issue 16, item 5). Some months after the start of care (the rulebook's
 * `resultaatcheckMaanden`) the clock opens a check per toewijzing with a fresh invite; the client
 * answers three questions per result, the consulent records the professional view, and providers,
 * toezicht and the consulent's comparison see aggregates only.
 */

/**
 * An aggregate is shown only over at least this many clients' answered checks: below it, a
 * provider with few clients could read one person's answer from its own figures.
 */
export const MINIMALE_GROEP = 5;
/** How long a check's invite works: six weeks, time to post a letter and to ask someone for help. */
const GELDIG_DAGEN = 42;
/** A check whose moment passed longer ago than this is skipped: asking about month 3 in month 13 helps nobody. */
const INHAALDAGEN = 90;

// The code the consulent hands over is kept encrypted, never plain: a copy of the database alone opens nothing.
function sleutel(): Buffer {
  const geheim = process.env.SESSION_SECRET;
  if (!geheim) throw new Error("SESSION_SECRET ontbreekt (server.ts zet het bij de start).");
  return createHash("sha256").update(`resultaatcheck:${geheim}`).digest();
}
function versleutel(code: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", sleutel(), iv);
  const inhoud = Buffer.concat([c.update(code, "utf8"), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), inhoud]).toString("base64url");
}
function ontsleutel(waarde: string): string | null {
  try {
    const b = Buffer.from(waarde, "base64url");
    const d = createDecipheriv("aes-256-gcm", sleutel(), b.subarray(0, 12));
    d.setAuthTag(b.subarray(12, 28));
    return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString("utf8");
  } catch {
    return null; // another SESSION_SECRET: the consulent makes a new invite by hand
  }
}

const vandaag = (nu: Date) => nu.toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });

type Klaar = {
  toewijzingId: string;
  hulpvraagId: string;
  gemeenteId: string;
  aanbiederId: string;
  maanden: number;
  peildatum: string;
};

/**
 * The clock task: every check whose moment has come gets its row, its invite and (with an address
 * in the client record) its e-mail, in one transaction. The unique (toewijzing, months) row makes
 * it once however many processes run this: a second insert waits for the first commit, then does nothing.
 */
export async function zetResultaatchecksKlaar(nu = new Date()): Promise<number> {
  const dag = vandaag(nu);
  const klaar = (await db().execute(sql`
    select t.id as "toewijzingId", t.hulpvraag_id as "hulpvraagId", t.gemeente_id as "gemeenteId",
           t.aanbieder_id as "aanbiederId", m.maanden::int as maanden,
           to_char(coalesce(t.zorg_gestart_op, a.startdatum) + make_interval(months => m.maanden), 'YYYY-MM-DD') as peildatum
    from toewijzingen t
    join aanbiedingen a on a.id = t.aanbieding_id
    join regelboeken r on r.gemeente_id = t.gemeente_id
    cross join lateral unnest(r.resultaatcheck_maanden) as m(maanden)
    where coalesce(t.zorg_gestart_op, a.startdatum) + make_interval(months => m.maanden) <= ${dag}::date
      -- A moment long past (a new month in the rulebook, care started long ago) is not asked about any more.
      and coalesce(t.zorg_gestart_op, a.startdatum) + make_interval(months => m.maanden) > ${dag}::date - ${INHAALDAGEN}::int
      and not exists (select 1 from resultaatchecks c where c.toewijzing_id = t.id and c.maanden = m.maanden)
    order by 6
    limit 50`)) as unknown as Klaar[];
  let aantal = 0;
  for (const k of klaar) if (await zetKlaar(k, nu)) aantal++;
  return aantal;
}

async function zetKlaar(k: Klaar, nu: Date): Promise<boolean> {
  return inTransactie(async (tx) => {
    const id = newId("rc");
    const nieuw = await tx
      .insert(resultaatchecks)
      .values({ id, ...k })
      .onConflictDoNothing()
      .returning({ id: resultaatchecks.id });
    if (nieuw.length === 0) return false;
    const [rij] = await tx
      .select({ h: hulpvragen, email: clienten.email })
      .from(hulpvragen)
      .innerJoin(clienten, eq(clienten.id, hulpvragen.clientId))
      .where(eq(hulpvragen.id, k.hulpvraagId));
    const geldigTot = new Date(nu.getTime() + GELDIG_DAGEN * 86400_000);
    const u = await maakSysteemUitnodiging(tx, k.hulpvraagId, rij.h.consulentId, geldigTot);
    const email = rij.email?.includes("@") ? rij.email : null;
    if (email) await mailResultaatcheck(tx, rij.h, email, { ...u, maanden: k.maanden });
    else await mailResultaatcheckCode(tx, rij.h, k.maanden);
    await tx
      .update(resultaatchecks)
      .set({ uitnodigingId: u.id, perEmail: Boolean(email), codeVersleuteld: email ? null : versleutel(u.code) })
      .where(eq(resultaatchecks.id, id));
    await schrijfAudit(tx, SYSTEEM, {
      actie: "resultaatcheck.klaargezet",
      entiteit: "resultaatcheck",
      entiteitId: id,
      gemeenteId: k.gemeenteId,
      hulpvraagId: k.hulpvraagId,
      na: { maanden: k.maanden, peildatum: k.peildatum, perEmail: Boolean(email), geldigTot },
    });
    return true;
  });
}

type Check = typeof resultaatchecks.$inferSelect;
type OordeelRij = typeof resultaatoordelen.$inferSelect;

const antwoordWeergave = (o: OordeelRij) => ({
  resultaat: o.resultaatCode,
  oordeel: o.oordeel,
  cijfer: o.cijfer,
  toelichting: o.toelichting,
});

/** The results the check asks about: those of the request the toewijzing answered, in its order. */
async function resultatenVan(tx: Tx | ReturnType<typeof db>, hulpvraagId: string): Promise<string[]> {
  const [h] = await tx.select({ r: hulpvragen.resultaten }).from(hulpvragen).where(eq(hulpvragen.id, hulpvraagId));
  return (h?.r ?? []).map((r) => r.code);
}

/** Every result answered once, and none that the toewijzing does not have; field paths name the inputs. */
function controleerVolledig(invoer: ResultaatcheckInvoer, resultaten: string[]) {
  const fouten = invoer.antwoorden.flatMap((a, i) =>
    resultaten.includes(a.resultaat as string)
      ? []
      : [{ field: `antwoorden.${i}.resultaat`, message: "Dit resultaat hoort niet bij deze ondersteuning." }],
  );
  const gegeven = new Set<string>(invoer.antwoorden.map((a) => a.resultaat));
  if (gegeven.size !== invoer.antwoorden.length)
    fouten.push({ field: "antwoorden", message: "Elk resultaat één keer beantwoorden." });
  resultaten.forEach((r, i) => {
    if (!gegeven.has(r)) fouten.push({ field: `antwoorden.${i}.oordeel`, message: "Beantwoord ook deze vraag." });
  });
  if (fouten.length) throw new DomainError("invalid_input", fouten);
}

async function schrijfOordelen(
  tx: Tx,
  checkId: string,
  partij: "client" | "consulent",
  invoer: ResultaatcheckInvoer,
  door: string | null,
) {
  for (const a of invoer.antwoorden) {
    const waarden = {
      oordeel: a.oordeel as ResultaatOordeel,
      cijfer: a.cijfer,
      toelichting: a.toelichting ?? null,
      door,
      updatedAt: new Date(),
    };
    await tx
      .insert(resultaatoordelen)
      .values({ checkId, partij, resultaatCode: a.resultaat, ...waarden })
      .onConflictDoUpdate({
        target: [resultaatoordelen.checkId, resultaatoordelen.partij, resultaatoordelen.resultaatCode],
        set: waarden,
      });
  }
}

// ---------------- the client ----------------

async function checkVanSessie(client: ClientActor, executor: Tx | ReturnType<typeof db> = db()) {
  const [c] = await executor
    .select()
    .from(resultaatchecks)
    .where(eq(resultaatchecks.uitnodigingId, client.uitnodigingId));
  return c ?? null;
}

/** Whether this client session was opened with a results check's invite (the page to show). */
export async function isResultaatcheckSessie(client: ClientActor): Promise<boolean> {
  return (await checkVanSessie(client)) !== null;
}

/** The check the client opened: its results and, once answered, the client's own answers. */
export async function leesCheckVoorClient(actor: Actor) {
  if (actor.soort !== "client") throw new DomainError("forbidden");
  const c = await checkVanSessie(actor);
  if (!c) throw new DomainError("not_found");
  const antwoorden = await db()
    .select()
    .from(resultaatoordelen)
    .where(and(eq(resultaatoordelen.checkId, c.id), eq(resultaatoordelen.partij, "client")));
  return {
    id: c.id,
    maanden: c.maanden,
    peildatum: c.peildatum,
    resultaten: await resultatenVan(db(), c.hulpvraagId),
    beantwoordOp: c.clientBeantwoordOp?.toISOString() ?? null,
    antwoorden: antwoorden.map(antwoordWeergave),
  };
}

/** The client answers once: the answers then stand (check_answered), and the kept code is wiped. */
export async function beantwoordCheck(actor: Actor, invoer: ResultaatcheckInvoer) {
  if (actor.soort !== "client") throw new DomainError("forbidden");
  return inTransactie(async (tx) => {
    const gevonden = await checkVanSessie(actor, tx);
    if (!gevonden) throw new DomainError("not_found");
    const [c] = await tx.select().from(resultaatchecks).where(eq(resultaatchecks.id, gevonden.id)).for("update");
    if (c.clientBeantwoordOp) throw new DomainError("check_answered");
    controleerVolledig(invoer, await resultatenVan(tx, c.hulpvraagId));
    await schrijfOordelen(tx, c.id, "client", invoer, null);
    await tx
      .update(resultaatchecks)
      .set({ clientBeantwoordOp: new Date(), codeVersleuteld: null })
      .where(eq(resultaatchecks.id, c.id));
    // The trail says that it was answered, not what: single answers are for the gemeente's staff only.
    await schrijfAudit(tx, actor, {
      actie: "resultaatcheck.client_beantwoord",
      entiteit: "resultaatcheck",
      entiteitId: c.id,
      gemeenteId: c.gemeenteId,
      hulpvraagId: c.hulpvraagId,
      na: { maanden: c.maanden, resultaten: invoer.antwoorden.length },
    });
    return { id: c.id, beantwoord: true };
  });
}

// ---------------- the consulent ----------------

async function checksVan(gemeenteId: string, hulpvraagId: string) {
  const [h] = await db()
    .select({ id: hulpvragen.id, resultaten: hulpvragen.resultaten })
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, hulpvraagId), eq(hulpvragen.gemeenteId, gemeenteId)));
  if (!h) throw new DomainError("not_found");
  const checks = await db()
    .select({ c: resultaatchecks, geldigTot: uitnodigingen.geldigTot, ingetrokkenOp: uitnodigingen.ingetrokkenOp })
    .from(resultaatchecks)
    .leftJoin(uitnodigingen, eq(uitnodigingen.id, resultaatchecks.uitnodigingId))
    .where(eq(resultaatchecks.hulpvraagId, hulpvraagId))
    .orderBy(asc(resultaatchecks.maanden));
  return { h, checks };
}

/**
 * A request's checks for its gemeente's consulent: the client's and the consulent's answers per
 * result, and (without an e-mail address) the code to hand over while the client has not answered.
 */
export async function checksVanHulpvraag(actor: Actor, hulpvraagId: string) {
  const consulent = vereisRol(actor, "consulent");
  const { h, checks } = await checksVan(gemeenteVan(consulent), hulpvraagId);
  const oordelen = checks.length
    ? await db()
        .select()
        .from(resultaatoordelen)
        .where(
          sql`${resultaatoordelen.checkId} in (${sql.join(
            checks.map((c) => sql`${c.c.id}`),
            sql`, `,
          )})`,
        )
    : [];
  const van = (c: Check, partij: string) =>
    oordelen.filter((o) => o.checkId === c.id && o.partij === partij).map(antwoordWeergave);
  return {
    resultaten: h.resultaten.map((r) => r.code),
    checks: checks.map(({ c, geldigTot, ingetrokkenOp }) => ({
      id: c.id,
      maanden: c.maanden,
      peildatum: c.peildatum,
      perEmail: c.perEmail,
      code: c.codeVersleuteld && !ingetrokkenOp ? ontsleutel(c.codeVersleuteld) : null,
      codeGeldigTot: geldigTot?.toISOString() ?? null,
      clientBeantwoordOp: c.clientBeantwoordOp?.toISOString() ?? null,
      consulentBeoordeeldOp: c.consulentBeoordeeldOp?.toISOString() ?? null,
      client: van(c, "client"),
      consulent: van(c, "consulent"),
    })),
  };
}

/** The consulent's professional view per result, on the same scale; it may be revised, each time on the record. */
export async function legOordeelVast(
  actor: Actor,
  hulpvraagId: string,
  invoer: ResultaatcheckInvoer & { maanden: number },
) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  return inTransactie(async (tx) => {
    const [h] = await tx
      .select({ id: hulpvragen.id })
      .from(hulpvragen)
      .where(and(eq(hulpvragen.id, hulpvraagId), eq(hulpvragen.gemeenteId, gemeenteId)));
    if (!h) throw new DomainError("not_found");
    const [c] = await tx
      .select()
      .from(resultaatchecks)
      .where(and(eq(resultaatchecks.hulpvraagId, hulpvraagId), eq(resultaatchecks.maanden, invoer.maanden)))
      .for("update");
    if (!c)
      throw new DomainError("check_not_open", [
        { field: "maanden", message: "Deze resultaatcheck is er (nog) niet: het moment is nog niet gekomen." },
      ]);
    controleerVolledig(invoer, await resultatenVan(tx, hulpvraagId));
    await schrijfOordelen(tx, c.id, "consulent", invoer, consulent.id);
    await tx.update(resultaatchecks).set({ consulentBeoordeeldOp: new Date() }).where(eq(resultaatchecks.id, c.id));
    await schrijfAudit(tx, consulent, {
      actie: "resultaatcheck.consulent_beoordeeld",
      entiteit: "resultaatcheck",
      entiteitId: c.id,
      gemeenteId,
      hulpvraagId,
      voor: c.consulentBeoordeeldOp ? { consulentBeoordeeldOp: c.consulentBeoordeeldOp } : undefined,
      na: { maanden: c.maanden, resultaten: invoer.antwoorden.length },
    });
    return { id: c.id, maanden: c.maanden };
  });
}

/** The consulent's own requests whose check waits for her: a code to hand over, or her view after the client's answers. */
export async function checksDieWachten(actor: Actor) {
  const consulent = vereisRol(actor, "consulent");
  const rijen = await db()
    .select({ c: resultaatchecks })
    .from(resultaatchecks)
    .innerJoin(hulpvragen, eq(hulpvragen.id, resultaatchecks.hulpvraagId))
    .where(
      and(
        eq(resultaatchecks.gemeenteId, gemeenteVan(consulent)),
        eq(hulpvragen.consulentId, consulent.id),
        sql`((${resultaatchecks.codeVersleuteld} is not null and ${resultaatchecks.clientBeantwoordOp} is null)
          or (${resultaatchecks.clientBeantwoordOp} is not null and ${resultaatchecks.consulentBeoordeeldOp} is null))`,
      ),
    )
    .orderBy(asc(resultaatchecks.peildatum))
    .limit(50);
  return rijen.map(({ c }) => ({
    hulpvraagId: c.hulpvraagId,
    maanden: c.maanden,
    wacht: c.clientBeantwoordOp ? ("oordeel" as const) : ("code" as const),
  }));
}

// ---------------- aggregates ----------------

export type Deelcijfers = { bereikt: number; deels: number; niet: number; gemiddeldCijfer: number };
export type Aggregaat = {
  aanbiederId: string;
  aanbieder: string;
  /** Answered checks (one per client per moment) behind the client's figures. */
  clienten: number;
  /** False below MINIMALE_GROEP: then no figure is given at all. */
  getoond: boolean;
  client: Deelcijfers | null;
  consulent: Deelcijfers | null;
};

/**
 * The results per provider, never a single answer: shares of the answers per result and the
 * mean mark, for the client's and the consulent's view apart, each only over MINIMALE_GROEP
 * answered checks or more. A provider sees its own (over every gemeente); gemeente staff
 * see every provider, over their own gemeente's checks only.
 */
export async function resultaatAggregaten(actor: Actor): Promise<{ minimaleGroep: number; items: Aggregaat[] }> {
  const g = vereisRol(actor, "aanbieder", "toezichthouder", "beheerder", "consulent");
  const bereik =
    g.rol === "aanbieder" ? sql`c.aanbieder_id = ${g.aanbiederId ?? ""}` : sql`c.gemeente_id = ${gemeenteVan(g)}`;
  const rijen = (await db().execute(sql`
    select c.aanbieder_id as "aanbiederId", o.partij, count(distinct o.check_id)::int as checks,
           count(*) filter (where o.oordeel = 'bereikt')::int as bereikt,
           count(*) filter (where o.oordeel = 'deels')::int as deels,
           count(*) filter (where o.oordeel = 'niet')::int as niet,
           round(avg(o.cijfer), 1)::float as gemiddeld
    from resultaatoordelen o join resultaatchecks c on c.id = o.check_id
    where ${bereik}
    group by c.aanbieder_id, o.partij`)) as unknown as {
    aanbiederId: string;
    partij: "client" | "consulent";
    checks: number;
    bereikt: number;
    deels: number;
    niet: number;
    gemiddeld: number;
  }[];
  const namen = await db().select({ id: aanbieders.id, naam: aanbieders.naam }).from(aanbieders);
  const naam = new Map(namen.map((a) => [a.id, a.naam]));
  const ids = [...new Set(rijen.map((r) => r.aanbiederId))];
  const items = ids.map((aanbiederId): Aggregaat => {
    const deel = (partij: "client" | "consulent") =>
      rijen.find((r) => r.aanbiederId === aanbiederId && r.partij === partij);
    const cl = deel("client");
    const co = deel("consulent");
    const cijfers = (r: typeof cl): Deelcijfers | null =>
      r && r.checks >= MINIMALE_GROEP
        ? { bereikt: r.bereikt, deels: r.deels, niet: r.niet, gemiddeldCijfer: Number(r.gemiddeld) }
        : null;
    return {
      aanbiederId,
      aanbieder: naam.get(aanbiederId) ?? aanbiederId,
      clienten: cl?.checks ?? 0,
      getoond: (cl?.checks ?? 0) >= MINIMALE_GROEP,
      client: cijfers(cl),
      consulent: cijfers(co),
    };
  });
  if (g.rol === "aanbieder" && items.length === 0 && g.aanbiederId)
    items.push({
      aanbiederId: g.aanbiederId,
      aanbieder: naam.get(g.aanbiederId) ?? g.aanbiederId,
      clienten: 0,
      getoond: false,
      client: null,
      consulent: null,
    });
  items.sort((a, b) => a.aanbieder.localeCompare(b.aanbieder, "nl"));
  return { minimaleGroep: MINIMALE_GROEP, items };
}
