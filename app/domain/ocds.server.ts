/**
 * Publishing awards as OCDS: one release per award, and a release package per gemeente and period.
 * Award prices reach aanbieders that did not win only after the delay in the gemeente's regelboek
 * (docs/besluiten.md says why); the gemeente's staff and the winning organisations see them at once.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { aanbiedingen, contracten, gemeenten, hulpvragen, regelboeken, toewijzingen } from "../../db/schema";
import { db } from "../../db/client.server";
import { readConfig } from "../config.server";
import { vereisRol, type Actor, type Gebruiker } from "./actor";
import { publiekAdres } from "./berichten.server";
import { amsterdamDatum } from "./deadline";
import { plusDag } from "./datums";
import { DomainError } from "./errors";
import { ocdsRelease, type OcdsPrijs, type OcdsProces } from "./toewijzing-ocds";
import type { ToewijzingExport } from "./toewijzing-types";
import type { OcdsPeriode } from "../schemas/ocds";
import { datum } from "../format/nl";

const LEZERS = ["consulent", "beheerder", "toezichthouder", "aanbieder"] as const;
/** A package covers at most a year of awards, so one answer stays a reasonable size. */
const MAX_PERIODE_DAGEN = 366;

type Gunning = {
  inhoud: ToewijzingExport;
  gemeenteId: string;
  aanbiedingId: string;
  toegewezenOp: Date;
  vertragingDagen: number;
};

/** Staff read their own gemeente only; an aanbieder reads every gemeente (it may bid in any). */
function magGemeenteLezen(gebruiker: Gebruiker, gemeenteId: string) {
  return gebruiker.rol === "aanbieder" || gebruiker.gemeenteId === gemeenteId;
}

const leveranciersVan = (t: ToewijzingExport) =>
  new Set([t.aanbieder.id, ...(t.consortium?.leden ?? []).map((l) => l.id)]);

/** The gemeente's staff and the winning organisations at once; every other aanbieder after the delay. */
export function prijsVoor(gebruiker: Gebruiker, g: Gunning, nu = new Date()): OcdsPrijs {
  if (gebruiker.gemeenteId === g.gemeenteId) return { zichtbaar: true };
  if (gebruiker.aanbiederId && leveranciersVan(g.inhoud).has(gebruiker.aanbiederId)) return { zichtbaar: true };
  const vanaf = new Date(g.toegewezenOp.getTime() + g.vertragingDagen * 86_400_000);
  return nu >= vanaf ? { zichtbaar: true } : { zichtbaar: false, vanaf };
}

const gunningVelden = {
  inhoud: toewijzingen.inhoud,
  gemeenteId: toewijzingen.gemeenteId,
  aanbiedingId: toewijzingen.aanbiedingId,
  toegewezenOp: toewijzingen.toegewezenOp,
  vertragingDagen: regelboeken.ocdsPrijsVertragingDagen,
};

/** The round, its bidders and the raamovereenkomsten of the winning offer, for a set of awards. */
async function processen(gunningen: Gunning[]): Promise<Map<string, OcdsProces>> {
  const uit = new Map<string, OcdsProces>();
  if (gunningen.length === 0) return uit;
  const hulpvraagIds = gunningen.map((g) => g.inhoud.hulpvraagId);
  const rondes = await db()
    .select({
      id: hulpvragen.id,
      gepubliceerdOp: hulpvragen.gepubliceerdOp,
      deadline: hulpvragen.deadline,
      vorigeRondeId: hulpvragen.vorigeRondeId,
    })
    .from(hulpvragen)
    .where(inArray(hulpvragen.id, hulpvraagIds));
  const inschrijvers = await db()
    .select({ hulpvraagId: aanbiedingen.hulpvraagId, aantal: sql<number>`count(*)::int` })
    .from(aanbiedingen)
    .where(and(inArray(aanbiedingen.hulpvraagId, hulpvraagIds), ne(aanbiedingen.status, "ingetrokken")))
    .groupBy(aanbiedingen.hulpvraagId);
  const winnend = await db()
    .select({ id: aanbiedingen.id, componenten: aanbiedingen.componenten })
    .from(aanbiedingen)
    .where(inArray(aanbiedingen.id, [...new Set(gunningen.map((g) => g.aanbiedingId))]));
  // The contract each component was judged against (rule 1), recorded in the offer itself.
  const contractIds = new Map(winnend.map((a) => [a.id, [...new Set(a.componenten.map((c) => c.contractId))]]));
  const alleIds = [...new Set([...contractIds.values()].flat())].filter((id): id is string => Boolean(id));
  const raam = alleIds.length
    ? await db()
        .select({
          id: contracten.id,
          aanbiederId: contracten.aanbiederId,
          startdatum: contracten.startdatum,
          einddatum: contracten.einddatum,
        })
        .from(contracten)
        .where(inArray(contracten.id, alleIds))
    : [];
  for (const g of gunningen) {
    const r = rondes.find((h) => h.id === g.inhoud.hulpvraagId);
    const namen = new Map([g.inhoud.aanbieder, ...(g.inhoud.consortium?.leden ?? [])].map((o) => [o.id, o.naam]));
    const ids = contractIds.get(g.aanbiedingId) ?? [];
    uit.set(g.inhoud.hulpvraagId, {
      tenderPeriode: r?.gepubliceerdOp ? { van: r.gepubliceerdOp.toISOString(), tot: r.deadline.toISOString() } : null,
      aantalInschrijvers: inschrijvers.find((i) => i.hulpvraagId === g.inhoud.hulpvraagId)?.aantal ?? 0,
      vorigeRondeId: r?.vorigeRondeId ?? null,
      raamovereenkomsten: raam
        .filter((c) => ids.includes(c.id))
        .map((c) => ({
          id: c.id,
          aanbiederNaam: namen.get(c.aanbiederId) ?? c.aanbiederId,
          startdatum: c.startdatum,
          einddatum: c.einddatum,
        })),
    });
  }
  return uit;
}

const prefix = () => readConfig().OCDS_PREFIX;

/** One award as an OCDS release: no personal data, so any gemeente staff and any aanbieder may read it. */
export async function leesOcds(actor: Actor, hulpvraagId: string) {
  const gebruiker = vereisRol(actor, ...LEZERS);
  const [g] = await db()
    .select(gunningVelden)
    .from(toewijzingen)
    .innerJoin(regelboeken, eq(regelboeken.gemeenteId, toewijzingen.gemeenteId))
    .where(eq(toewijzingen.hulpvraagId, hulpvraagId));
  if (!g || !magGemeenteLezen(gebruiker, g.gemeenteId)) throw new DomainError("not_found");
  const proces = (await processen([g])).get(hulpvraagId);
  return ocdsRelease(g.inhoud, { ocidPrefix: prefix(), proces, prijs: prijsVoor(gebruiker, g) });
}

/**
 * The awards of one gemeente in a period (Dutch award dates, both ends included; by default the
 * last year up to today) as an OCDS 1.1 release package, oldest first.
 */
export async function ocdsPakket(actor: Actor, gemeenteId: string, periode: OcdsPeriode) {
  const gebruiker = vereisRol(actor, ...LEZERS);
  if (!magGemeenteLezen(gebruiker, gemeenteId)) throw new DomainError("not_found");
  const [gemeente] = await db()
    .select({ naam: gemeenten.naam, code: gemeenten.code })
    .from(gemeenten)
    .where(eq(gemeenten.id, gemeenteId));
  if (!gemeente) throw new DomainError("not_found");
  const tot = periode.to ?? amsterdamDatum(new Date());
  const van = periode.from ?? plusDag(tot, -365);
  if (van > tot)
    throw new DomainError("invalid_input", [{ field: "from", message: "De begindatum ligt na de einddatum." }]);
  if (plusDag(van, MAX_PERIODE_DAGEN) <= tot)
    throw new DomainError("invalid_input", [
      { field: "to", message: `Een periode is hoogstens ${MAX_PERIODE_DAGEN} dagen; vraag een langere in delen op.` },
    ]);
  const dag = sql`(${toewijzingen.toegewezenOp} at time zone 'Europe/Amsterdam')::date`;
  const gunningen = await db()
    .select(gunningVelden)
    .from(toewijzingen)
    .innerJoin(regelboeken, eq(regelboeken.gemeenteId, toewijzingen.gemeenteId))
    .where(and(eq(toewijzingen.gemeenteId, gemeenteId), sql`${dag} between ${van} and ${tot}`))
    .orderBy(asc(toewijzingen.toegewezenOp), asc(toewijzingen.id));
  // The OCDS package schema wants one release or more: an empty period is "nothing here", not an invalid package.
  if (gunningen.length === 0)
    throw new DomainError("not_found", [
      { field: "from", message: `Gemeente ${gemeente.naam} gunde niets tussen ${datum(van)} en ${datum(tot)}.` },
    ]);
  const perRonde = await processen(gunningen);
  const releases = gunningen.map((g) =>
    ocdsRelease(g.inhoud, {
      ocidPrefix: prefix(),
      proces: perRonde.get(g.inhoud.hulpvraagId),
      prijs: prijsVoor(gebruiker, g),
    }),
  );
  const laatste = gunningen.at(-1)?.toegewezenOp;
  return {
    // The address of exactly this package: the period written out, so it names the same awards tomorrow.
    uri: `${publiekAdres()}/api/v1/municipalities/${encodeURIComponent(gemeenteId)}/ocds?from=${van}&to=${tot}`,
    version: "1.1",
    // On demand: the moment of the last award in it, so the same question gives the same package.
    publishedDate: (laatste ?? new Date(`${van}T00:00:00Z`)).toISOString(),
    // The gemeente is the buyer and answers for the data; identified by its CBS code.
    publisher: { name: `Gemeente ${gemeente.naam}`, scheme: "NL-CBS-gemeentecode", uid: gemeente.code },
    releases,
  };
}
