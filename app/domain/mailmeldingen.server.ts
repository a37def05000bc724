import { and, eq, inArray, sql } from "drizzle-orm";
import { aanbieders, gemeenten, hulpvragen, type Mailvoorkeur } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { emailVan, plannersVan, publiekAdres, zetInWachtrij } from "./berichten.server";
import * as teksten from "./berichtteksten";
import { zichtbaarVoorAanbieder } from "./zichtbaarheid.server";
import { binnenKantooruren, volgendeKantoordag } from "./kantooruren";

type Hulpvraag = typeof hulpvragen.$inferSelect;

/**
 * Which e-mail each domain change causes. Every function runs inside the change's own
 * transaction and only queues (berichten.server.ts sends after the commit).
 */

async function metVoorkeur(tx: Tx, aanbiederIds: string[], voorkeuren: Mailvoorkeur[]): Promise<string[]> {
  if (aanbiederIds.length === 0) return [];
  const rijen = await tx
    .select({ id: aanbieders.id })
    .from(aanbieders)
    .where(and(inArray(aanbieders.id, aanbiederIds), inArray(aanbieders.mailvoorkeur, voorkeuren)));
  return rijen.map((r) => r.id);
}

const aanvraag = (h: Hulpvraag, gemeente: string) => ({
  id: h.id,
  gemeente,
  deadline: h.deadline,
  spoed: h.urgentie === "spoed",
});

/** On publication: the planners of every provider that may bid and wants each request. */
export async function mailNieuweHulpvraag(tx: Tx, h: Hulpvraag, gemeente: string, aanbiederIds: string[]) {
  const planners = await plannersVan(tx, await metVoorkeur(tx, aanbiederIds, ["elk"]));
  const inhoud = teksten.nieuweHulpvraag(publiekAdres(), aanvraag(h, gemeente));
  await zetInWachtrij(
    tx,
    planners.map((p) => ({
      ...inhoud,
      soort: "nieuwe_hulpvraag",
      aan: p.email,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
      afmeldUrl: `${publiekAdres()}/aanbieder/meldingen`,
    })),
  );
}

/** A working day before the deadline, to a provider that has not answered (unless it wants no mail). */
export async function mailHerinnering(tx: Tx, h: Hulpvraag, gemeente: string, aanbiederId: string) {
  const planners = await plannersVan(tx, await metVoorkeur(tx, [aanbiederId], ["elk", "dagelijks"]));
  const inhoud = teksten.herinnering(publiekAdres(), aanvraag(h, gemeente));
  await zetInWachtrij(
    tx,
    planners.map((p) => ({
      ...inhoud,
      soort: "herinnering",
      aan: p.email,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
      afmeldUrl: `${publiekAdres()}/aanbieder/meldingen`,
    })),
  );
}

/** The outcome of an offer reaches every bidding organisation, whatever its preference: it is about their own offer. */
export async function mailUitkomst(tx: Tx, h: Hulpvraag, aanbiederIds: string[], gegund: boolean, motivatie: string) {
  const [g] = await tx.select({ naam: gemeenten.naam }).from(gemeenten).where(eq(gemeenten.id, h.gemeenteId));
  const inhoud = teksten.uitkomst(publiekAdres(), {
    hulpvraagId: h.id,
    gemeente: g?.naam ?? h.gemeenteId,
    gegund,
    motivatie,
  });
  const planners = await plannersVan(tx, aanbiederIds);
  await zetInWachtrij(
    tx,
    planners.map((p) => ({
      ...inhoud,
      soort: gegund ? "gegund" : "afgewezen",
      aan: p.email,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
    })),
  );
}

/** The invite to the representative's own address; it holds the code and nothing about the care asked for. */
export async function mailUitnodiging(
  tx: Tx,
  h: Hulpvraag,
  aan: string,
  o: { code: string; url: string; geldigTot: Date; naam?: string | null },
) {
  const [g] = await tx.select({ naam: gemeenten.naam }).from(gemeenten).where(eq(gemeenten.id, h.gemeenteId));
  const inhoud = teksten.uitnodiging(publiekAdres(), { ...o, gemeente: g?.naam ?? h.gemeenteId });
  await zetInWachtrij(tx, [
    { ...inhoud, soort: "uitnodiging", aan, geheim: o.code, gemeenteId: h.gemeenteId, hulpvraagId: h.id },
  ]);
}

/** A results check's invite to the address in the client record; the code, the link, no health data. */
export async function mailResultaatcheck(
  tx: Tx,
  h: Hulpvraag,
  aan: string,
  o: { code: string; url: string; geldigTot: Date; maanden: number },
) {
  const [g] = await tx.select({ naam: gemeenten.naam }).from(gemeenten).where(eq(gemeenten.id, h.gemeenteId));
  const inhoud = teksten.resultaatcheck(publiekAdres(), { ...o, gemeente: g?.naam ?? h.gemeenteId });
  await zetInWachtrij(tx, [
    { ...inhoud, soort: "resultaatcheck", aan, geheim: o.code, gemeenteId: h.gemeenteId, hulpvraagId: h.id },
  ]);
}

/** A check without an address: the request's consulent hears that a code waits to be handed over. */
export async function mailResultaatcheckCode(tx: Tx, h: Hulpvraag, maanden: number) {
  const aan = await emailVan(tx, h.consulentId);
  if (!aan) return;
  await zetInWachtrij(tx, [
    {
      ...teksten.resultaatcheckCode(publiekAdres(), { hulpvraagId: h.id, maanden }),
      soort: "resultaatcheck_code",
      aan,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
    },
  ]);
}

/** The consulent hears that the client gave a preference, so the choice need not wait for a look at the screen. */
export async function mailClientKoos(tx: Tx, h: Hulpvraag) {
  const aan = await emailVan(tx, h.consulentId);
  if (!aan) return;
  await zetInWachtrij(tx, [
    {
      ...teksten.clientKoos(publiekAdres(), { hulpvraagId: h.id }),
      soort: "client_koos",
      aan,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
    },
  ]);
}

/**
 * An offer arrived outside office hours (kantooruren.ts): the consulent hears it by e-mail, once
 * per request until the next office day (the message key), so a busy night is one message.
 * During office hours nothing is read or written here.
 */
export async function mailAanbodNaKantoortijd(tx: Tx, h: Hulpvraag, nu = new Date()) {
  if (binnenKantooruren(nu)) return;
  const aan = await emailVan(tx, h.consulentId);
  if (!aan) return;
  await zetInWachtrij(tx, [
    {
      ...teksten.aanbodNaKantoortijd(publiekAdres(), { hulpvraagId: h.id, ontvangen: nu }),
      soort: "aanbod_na_kantoortijd",
      aan,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
      sleutel: `aanbod_na_kantoortijd:${h.id}:${volgendeKantoordag(nu)}`,
    },
  ]);
}

/**
 * Once a day from 07:00 (Amsterdam), per provider that chose the digest and per gemeente: the
 * still open requests it may bid on, published between 07:00 yesterday and 07:00 today. The message key
 * (provider, gemeente, day) makes it one digest however many processes run this.
 */
export async function stuurDagoverzichten(nu = new Date()): Promise<number> {
  const uur = Number(nu.toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", hourCycle: "h23" }));
  if (uur < 7) return 0;
  const dag = nu.toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
  const aanbiedersMetOverzicht = await db()
    .select({ id: aanbieders.id })
    .from(aanbieders)
    .where(eq(aanbieders.mailvoorkeur, "dagelijks"));
  let aantal = 0;
  for (const { id: aanbiederId } of aanbiedersMetOverzicht) {
    const rijen = await db()
      .select({ h: hulpvragen, gemeente: gemeenten.naam })
      .from(hulpvragen)
      .innerJoin(gemeenten, eq(gemeenten.id, hulpvragen.gemeenteId))
      .where(
        and(
          eq(hulpvragen.status, "open"),
          sql`${hulpvragen.gepubliceerdOp} >= ((${dag}::date - 1) + time '07:00') at time zone 'Europe/Amsterdam'`,
          sql`${hulpvragen.gepubliceerdOp} < (${dag}::date + time '07:00') at time zone 'Europe/Amsterdam'`,
          zichtbaarVoorAanbieder(aanbiederId),
        ),
      )
      .orderBy(hulpvragen.deadline);
    const perGemeente = new Map<string, typeof rijen>();
    for (const r of rijen) perGemeente.set(r.h.gemeenteId, [...(perGemeente.get(r.h.gemeenteId) ?? []), r]);
    for (const [gemeenteId, lijst] of perGemeente) {
      const naam = lijst[0].gemeente;
      const inhoud = teksten.dagoverzicht(
        publiekAdres(),
        naam,
        lijst.map((r) => aanvraag(r.h, naam)),
      );
      aantal += await db().transaction(async (tx) => {
        const planners = await plannersVan(tx, [aanbiederId]);
        return zetInWachtrij(
          tx,
          planners.map((p) => ({
            ...inhoud,
            soort: "dagoverzicht",
            aan: p.email,
            gemeenteId,
            afmeldUrl: `${publiekAdres()}/aanbieder/meldingen`,
            sleutel: `dagoverzicht:${aanbiederId}:${gemeenteId}:${dag}:${p.email}`,
          })),
        );
      });
    }
  }
  return aantal;
}
