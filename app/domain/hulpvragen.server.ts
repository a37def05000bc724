import { and, count, desc, eq, exists, ilike, or, sql, type SQL } from "drizzle-orm";
import { aanbieders, aanbiedingen, clienten, gemeenten, hulpvragen } from "../../db/schema";
import { db, type Executor, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { gemeenteVan, vereisRol, type Actor, type Gebruiker } from "./actor";
import { zoekIdentificerendeGegevens } from "./anonymity";
import { bevat } from "./zoeken";
import { schrijfAudit } from "./audit.server";
import { standaardDeadline } from "./deadline";
import { DomainError } from "./errors";
import { voorAanbieder, voorGemeente, zichtbareTeksten } from "./hulpvraag-weergave";
import { inTransactie, type Melder } from "./live.server";
import { gemeenteNaam } from "./organisaties.server";
import { leesRegelboek } from "./regelboek.server";
import { mailNieuweHulpvraag } from "./mailmeldingen.server";
import { aanbiedersDieZien, aanbiedingenVan, zichtbaarVoorAanbieder } from "./zichtbaarheid.server";
import type { HulpvraagInvoer } from "../schemas/hulpvraag";
import type { HulpvraagStatus } from "../../db/schema/markt";

type Hulpvraag = typeof hulpvragen.$inferSelect;

/** Locks the request row of the actor's own gemeente; anything else is simply not there. */
export async function vergrendel(tx: Tx, gemeenteId: string, id: string): Promise<Hulpvraag> {
  const [h] = await tx
    .select()
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, id), eq(hulpvragen.gemeenteId, gemeenteId)))
    .for("update");
  if (!h) throw new DomainError("not_found");
  return h;
}

/**
 * Rule 6's clock is the database's: a deadline has passed when PostgreSQL's now() says so,
 * whether or not the clock task has closed the request yet, and whichever process asks.
 */
export const deadlineVerstreken = () => sql<boolean>`${hulpvragen.deadline} <= now()`;

/** Rule 6: a request takes offers and extensions only while open and before its deadline. */
export function weigerNaDeadline(h: Pick<Hulpvraag, "status">, verlopen: boolean) {
  if (h.status !== "open" || verlopen) throw new DomainError("deadline_passed");
}

function weigerTenzij(h: Hulpvraag, ...statussen: HulpvraagStatus[]) {
  if (!statussen.includes(h.status)) {
    throw new DomainError("request_not_open", [
      { field: "status", message: `De hulpvraag heeft status "${h.status}".` },
    ]);
  }
}

async function controleerClientEnAanbieder(
  tx: Tx,
  gemeenteId: string,
  invoer: Pick<Partial<HulpvraagInvoer>, "clientId" | "huidigeZorg">,
) {
  if (invoer.clientId) {
    const [c] = await tx
      .select({ id: clienten.id, gepseudonimiseerdOp: clienten.gepseudonimiseerdOp })
      .from(clienten)
      .where(and(eq(clienten.id, invoer.clientId), eq(clienten.gemeenteId, gemeenteId)));
    if (!c)
      throw new DomainError("invalid_input", [
        { field: "clientId", message: "Deze cliënt bestaat niet in uw gemeente." },
      ]);
    if (c.gepseudonimiseerdOp)
      throw new DomainError("invalid_input", [
        {
          field: "clientId",
          message:
            "De gegevens van deze cliënt zijn na de bewaartermijn gepseudonimiseerd. Registreer de cliënt opnieuw.",
        },
      ]);
  }
  if (invoer.huidigeZorg) {
    const [a] = await tx
      .select({ id: aanbieders.id })
      .from(aanbieders)
      .where(eq(aanbieders.id, invoer.huidigeZorg.aanbiederId));
    if (!a)
      throw new DomainError("invalid_input", [
        { field: "huidigeZorg.aanbiederId", message: "Deze aanbieder is onbekend." },
      ]);
  }
}

function gekozenDeadline(deadline: string | undefined): Date | null {
  if (!deadline) return null;
  const moment = new Date(deadline);
  if (moment.getTime() <= Date.now())
    throw new DomainError("invalid_input", [
      { field: "deadline", message: "De reactietermijn moet in de toekomst liggen." },
    ]);
  return moment;
}

export async function maakHulpvraag(actor: Actor, invoer: HulpvraagInvoer) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const regels = await leesRegelboek(gemeenteId);
  const gekozen = gekozenDeadline(invoer.deadline);
  const deadline =
    gekozen ?? standaardDeadline({ urgentie: invoer.urgentie, nu: new Date(), startdatum: invoer.startdatum, regels });
  return inTransactie(async (tx, meld) => {
    await controleerClientEnAanbieder(tx, gemeenteId, invoer);
    const [h] = await tx
      .insert(hulpvragen)
      .values({
        id: newId("hv"),
        gemeenteId,
        clientId: invoer.clientId,
        consulentId: consulent.id,
        regio: invoer.regio,
        leeftijdsklasse: invoer.leeftijdsklasse,
        huishouden: invoer.huishouden,
        toelichting: invoer.toelichting,
        clientTekst: invoer.clientTekst,
        resultaten: invoer.resultaten,
        productcategorieen: invoer.productcategorieen,
        wensen: invoer.wensen,
        startdatum: invoer.startdatum,
        duurMaanden: invoer.duurMaanden,
        budgetPerMaandCent: invoer.budgetPerMaandCent ?? null,
        huidigeZorg: invoer.huidigeZorg ?? null,
        urgentie: invoer.urgentie,
        deadline,
        deadlineGekozen: gekozen !== null,
      })
      .returning();
    const weergave = voorGemeente(h, await gemeenteNaam(gemeenteId, tx));
    await meld(feedVoor.gemeente(gemeenteId), "request:changed", { hulpvraagId: h.id, status: h.status });
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.aangemaakt",
      entiteit: "hulpvraag",
      entiteitId: h.id,
      gemeenteId,
      hulpvraagId: h.id,
      na: weergave,
    });
    return weergave;
  });
}

/** Concept requests only: once open, a request can only be withdrawn or extended. */
export async function wijzigHulpvraag(
  actor: Actor,
  id: string,
  wijziging: Partial<Omit<HulpvraagInvoer, "deadline">> & { deadline?: string | null },
) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const regels = await leesRegelboek(gemeenteId);
  return inTransactie(async (tx, meld) => {
    const voor = await vergrendel(tx, gemeenteId, id);
    weigerTenzij(voor, "concept");
    await controleerClientEnAanbieder(tx, gemeenteId, wijziging);
    const { deadline, ...rest } = wijziging;
    const gekozen = gekozenDeadline(deadline ?? undefined);
    // Back to the default: stored for now, recomputed at publication like any default.
    const standaard =
      deadline === null
        ? {
            deadline: standaardDeadline({
              urgentie: rest.urgentie ?? voor.urgentie,
              nu: new Date(),
              startdatum: rest.startdatum ?? voor.startdatum,
              regels,
            }),
            deadlineGekozen: false,
          }
        : {};
    const [na] = await tx
      .update(hulpvragen)
      .set({
        ...rest,
        ...(gekozen ? { deadline: gekozen, deadlineGekozen: true } : standaard),
        updatedAt: new Date(),
      })
      .where(eq(hulpvragen.id, id))
      .returning();
    const naam = await gemeenteNaam(gemeenteId, tx);
    await meld(feedVoor.gemeente(gemeenteId), "request:changed", { hulpvraagId: id, status: na.status });
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.gewijzigd",
      entiteit: "hulpvraag",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: id,
      voor: voorGemeente(voor, naam),
      na: voorGemeente(na, naam),
    });
    return voorGemeente(na, naam);
  });
}

/** Rule 5: what in `teksten` (field → text providers will read) could identify this client. */
export async function identificerendeGegevens(executor: Executor, clientId: string, teksten: Record<string, string>) {
  const [client] = await executor.select().from(clienten).where(eq(clienten.id, clientId));
  return zoekIdentificerendeGegevens(
    teksten,
    client
      ? {
          naam: client.naam,
          straat: client.straat,
          geboortedatum: client.geboortedatum,
          huisnummer: client.huisnummer,
          achternaam: client.achternaam,
          postcode: client.postcode,
          woonplaats: client.woonplaats,
        }
      : undefined,
  );
}

/** Rule 5 as a refusal, naming every field and the text found. */
export async function weigerIdentificerend(executor: Executor, clientId: string, teksten: Record<string, string>) {
  const vondsten = await identificerendeGegevens(executor, clientId, teksten);
  if (vondsten.length)
    throw new DomainError(
      "identifying_data",
      vondsten.map((v) => ({ field: v.field, message: v.message, match: v.match })),
    );
}

async function meldAanAanbieders(
  tx: Tx,
  meld: Melder,
  h: Hulpvraag,
  type: "request:published" | "request:changed" | "request:withdrawn" | "request:closed",
  naam: string,
) {
  const stand = { hulpvraagId: h.id, status: h.status, deadline: h.deadline.toISOString() };
  const voorAanbieders = type === "request:withdrawn" ? stand : { ...stand, hulpvraag: voorAanbieder(h, naam) };
  const ontvangers = await aanbiedersDieZien(h.gemeenteId, h.productcategorieen, tx);
  for (const aanbiederId of ontvangers) {
    await meld(feedVoor.aanbieder(aanbiederId), type, voorAanbieders);
  }
  if (type === "request:published") await mailNieuweHulpvraag(tx, h, naam, ontvangers);
  await meld(feedVoor.gemeente(h.gemeenteId), type, stand);
  await meld(feedVoor.hulpvraag(h.id), type, stand);
}

export async function publiceer(actor: Actor, id: string) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const regels = await leesRegelboek(gemeenteId);
  return inTransactie(async (tx, meld) => {
    const voor = await vergrendel(tx, gemeenteId, id);
    weigerTenzij(voor, "concept");
    // Both texts: the providers' and the one addressed to the client (a name there would also be read by whoever helps).
    await weigerIdentificerend(tx, voor.clientId, { ...zichtbareTeksten(voor), clientTekst: voor.clientTekst });
    const nu = new Date();
    const deadline = voor.deadlineGekozen
      ? voor.deadline
      : standaardDeadline({ urgentie: voor.urgentie, nu, startdatum: voor.startdatum, regels });
    if (deadline.getTime() <= nu.getTime()) {
      throw new DomainError("invalid_input", [
        { field: "deadline", message: "De gekozen reactietermijn is al voorbij. Kies een nieuwe." },
      ]);
    }
    const [na] = await tx
      .update(hulpvragen)
      .set({ status: "open", deadline, gepubliceerdOp: nu, updatedAt: nu })
      .where(eq(hulpvragen.id, id))
      .returning();
    const naam = await gemeenteNaam(gemeenteId, tx);
    await meldAanAanbieders(tx, meld, na, "request:published", naam);
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.gepubliceerd",
      entiteit: "hulpvraag",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: id,
      voor: { status: voor.status },
      na: { status: na.status, deadline: na.deadline },
    });
    return voorGemeente(na, naam);
  });
}

export async function trekIn(actor: Actor, id: string, reden: string) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  return inTransactie(async (tx, meld) => {
    const voor = await vergrendel(tx, gemeenteId, id);
    weigerTenzij(voor, "concept", "open");
    const [na] = await tx
      .update(hulpvragen)
      .set({ status: "ingetrokken", intrekkingsreden: reden, updatedAt: new Date() })
      .where(eq(hulpvragen.id, id))
      .returning();
    const naam = await gemeenteNaam(gemeenteId, tx);
    if (voor.status === "open") await meldAanAanbieders(tx, meld, na, "request:withdrawn", naam);
    else await meld(feedVoor.gemeente(gemeenteId), "request:changed", { hulpvraagId: id, status: na.status });
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.ingetrokken",
      entiteit: "hulpvraag",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: id,
      voor: { status: voor.status },
      na: { status: na.status, reden },
    });
    return voorGemeente(na, naam);
  });
}

export async function verleng(actor: Actor, id: string, deadline: string) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const nieuw = new Date(deadline);
  return inTransactie(async (tx, meld) => {
    const voor = await vergrendel(tx, gemeenteId, id);
    weigerTenzij(voor, "open");
    const [{ verlopen }] = await tx
      .select({ verlopen: deadlineVerstreken() })
      .from(hulpvragen)
      .where(eq(hulpvragen.id, id));
    weigerNaDeadline(voor, verlopen);
    if (nieuw.getTime() <= voor.deadline.getTime()) {
      throw new DomainError("invalid_input", [
        { field: "deadline", message: "Een verlenging moet later zijn dan de huidige reactietermijn." },
      ]);
    }
    const [na] = await tx
      .update(hulpvragen)
      .set({ deadline: nieuw, deadlineGekozen: true, updatedAt: new Date() })
      .where(eq(hulpvragen.id, id))
      .returning();
    const naam = await gemeenteNaam(gemeenteId, tx);
    await meldAanAanbieders(tx, meld, na, "request:changed", naam);
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.verlengd",
      entiteit: "hulpvraag",
      entiteitId: id,
      gemeenteId,
      hulpvraagId: id,
      voor: { deadline: voor.deadline },
      na: { deadline: na.deadline },
    });
    return voorGemeente(na, naam);
  });
}

/**
 * At the deadline, by the server clock: open → beoordeling. Rows are claimed with SKIP LOCKED,
 * so with several processes each request moves exactly once.
 */
export async function sluitVerlopenHulpvragen(limiet = 50): Promise<number> {
  let gesloten = 0;
  for (;;) {
    const verwerkt = await inTransactie(async (tx, meld) => {
      const [h] = await tx
        .select()
        .from(hulpvragen)
        .where(and(eq(hulpvragen.status, "open"), deadlineVerstreken()))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!h) return false;
      const [na] = await tx
        .update(hulpvragen)
        .set({ status: "beoordeling", updatedAt: new Date() })
        .where(eq(hulpvragen.id, h.id))
        .returning();
      await meldAanAanbieders(tx, meld, na, "request:closed", await gemeenteNaam(h.gemeenteId, tx));
      await schrijfAudit(
        tx,
        { soort: "systeem" },
        {
          actie: "hulpvraag.termijn_verstreken",
          entiteit: "hulpvraag",
          entiteitId: h.id,
          gemeenteId: h.gemeenteId,
          hulpvraagId: h.id,
          voor: { status: "open" },
          na: { status: "beoordeling" },
        },
      );
      return true;
    });
    if (!verwerkt || ++gesloten >= limiet) return gesloten;
  }
}

// ---------- reading ----------

export async function leesHulpvraag(actor: Actor, id: string) {
  if (actor.soort === "client") {
    if (actor.hulpvraagId !== id) throw new DomainError("not_found");
    const [h] = await db().select().from(hulpvragen).where(eq(hulpvragen.id, id));
    if (!h) throw new DomainError("not_found");
    return { ...voorAanbieder(h, await gemeenteNaam(h.gemeenteId)), clientTekst: h.clientTekst };
  }
  const gebruiker = vereisRol(actor, "consulent", "beheerder", "toezichthouder", "aanbieder");
  if (gebruiker.rol === "aanbieder") return leesVoorAanbieder(gebruiker, id);
  const [h] = await db()
    .select()
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, id), eq(hulpvragen.gemeenteId, gemeenteVan(gebruiker))));
  if (!h) throw new DomainError("not_found");
  return voorGemeente(h, await gemeenteNaam(h.gemeenteId));
}

/** A provider reads an open request it may bid on, or one it did bid on; other requests do not exist for it. */
async function leesVoorAanbieder(aanbieder: Gebruiker, id: string) {
  const aanbiederId = aanbieder.aanbiederId!;
  const [h] = await db()
    .select()
    .from(hulpvragen)
    .where(
      and(
        eq(hulpvragen.id, id),
        or(
          and(sql`${hulpvragen.status} in ('open', 'beoordeling', 'gekozen')`, zichtbaarVoorAanbieder(aanbiederId)),
          exists(
            db()
              .select({ een: sql`1` })
              .from(aanbiedingen)
              .where(and(eq(aanbiedingen.hulpvraagId, hulpvragen.id), aanbiedingenVan(aanbiederId))),
          ),
        ),
      ),
    );
  if (!h) throw new DomainError("not_found");
  return voorAanbieder(h, await gemeenteNaam(h.gemeenteId));
}

export type HulpvraagFilter = { status?: HulpvraagStatus; zoek?: string; limiet?: number };

export async function lijstHulpvragen(actor: Actor, filter: HulpvraagFilter = {}) {
  const gebruiker = vereisRol(actor, "consulent", "beheerder", "toezichthouder", "aanbieder");
  if (gebruiker.rol === "aanbieder") return lijstVoorAanbieder(gebruiker, filter);
  const gemeenteId = gemeenteVan(gebruiker);
  const voorwaarden: SQL[] = [eq(hulpvragen.gemeenteId, gemeenteId)];
  if (filter.status) voorwaarden.push(eq(hulpvragen.status, filter.status));
  const term = filter.zoek?.trim();
  if (term) {
    const patroon = bevat(term);
    voorwaarden.push(
      or(
        ilike(hulpvragen.id, patroon),
        ilike(hulpvragen.regio, patroon),
        ilike(hulpvragen.toelichting, patroon),
        ilike(clienten.naam, patroon),
      )!,
    );
  }
  const naam = await gemeenteNaam(gemeenteId);
  const rijen = await db()
    .select({
      h: hulpvragen,
      clientNaam: clienten.naam,
      aanbiedingen: sql<number>`(select count(*)::int from aanbiedingen a where a.hulpvraag_id = ${hulpvragen.id} and a.status <> 'ingetrokken')`,
    })
    .from(hulpvragen)
    .innerJoin(clienten, eq(clienten.id, hulpvragen.clientId))
    .where(and(...voorwaarden))
    .orderBy(desc(hulpvragen.createdAt))
    .limit(filter.limiet ?? 100);
  const tellingen = await db()
    .select({ status: hulpvragen.status, aantal: count() })
    .from(hulpvragen)
    .where(eq(hulpvragen.gemeenteId, gemeenteId))
    .groupBy(hulpvragen.status);
  return {
    items: rijen.map((r) => ({
      ...voorGemeente(r.h, naam),
      clientNaam: gebruiker.rol === "toezichthouder" ? undefined : r.clientNaam,
      aantalAanbiedingen: r.aanbiedingen,
    })),
    tellingen: Object.fromEntries(tellingen.map((t) => [t.status, t.aantal])) as Partial<
      Record<HulpvraagStatus, number>
    >,
  };
}

/**
 * The consulent's preview: exactly what providers get (the same function), and for a concept
 * what the anonymity guard would refuse at publication.
 */
export async function voorbeeldVoorAanbieders(actor: Actor, id: string) {
  const consulent = vereisRol(actor, "consulent");
  const [h] = await db()
    .select()
    .from(hulpvragen)
    .where(and(eq(hulpvragen.id, id), eq(hulpvragen.gemeenteId, gemeenteVan(consulent))));
  if (!h) throw new DomainError("not_found");
  // The guard as publishing runs it: both the providers' texts and the text for the client.
  return {
    weergave: voorAanbieder(h, await gemeenteNaam(h.gemeenteId)),
    vondsten:
      h.status === "concept"
        ? await identificerendeGegevens(db(), h.clientId, { ...zichtbareTeksten(h), clientTekst: h.clientTekst })
        : [],
  };
}

/** Providers only ever list open requests they may bid on; what they bid on is under their offers. */
async function lijstVoorAanbieder(aanbieder: Gebruiker, filter: HulpvraagFilter) {
  const aanbiederId = aanbieder.aanbiederId!;
  const rijen = await db()
    .select({ h: hulpvragen, gemeente: gemeenten.naam })
    .from(hulpvragen)
    .innerJoin(gemeenten, eq(gemeenten.id, hulpvragen.gemeenteId))
    .where(and(eq(hulpvragen.status, "open"), zichtbaarVoorAanbieder(aanbiederId)))
    .orderBy(hulpvragen.deadline)
    .limit(filter.limiet ?? 200);
  return { items: rijen.map((r) => voorAanbieder(r.h, r.gemeente)), tellingen: {} };
}

/** The request's status history, from the audit trail (one record, not two). */
export async function statusGeschiedenis(actor: Actor, id: string) {
  const gebruiker = vereisRol(actor, "consulent", "beheerder", "toezichthouder");
  await leesHulpvraag(gebruiker, id);
  const rijen = await db().execute<{ at: Date; actie: string; actor_label: string; na: unknown }>(sql`
    select at, actie, actor_label, na from audit_log where hulpvraag_id = ${id} and gemeente_id = ${gemeenteVan(gebruiker)} order by id`);
  return [...rijen].map((r) => ({ at: new Date(r.at).toISOString(), actie: r.actie, door: r.actor_label, na: r.na }));
}
