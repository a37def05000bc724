import { sql } from "drizzle-orm";
import { db } from "../../db/client.server";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { leesAudit, verifieerAudit } from "./audit.server";
import { gunningsaandelen } from "./gunningsaandelen.server";
import { leesSignalen } from "./signalen.server";
import { plafondgebruik } from "./plafondgebruik.server";
import { amsterdamDatum } from "./deadline";

/** Supervision reads (rule 10): the toezichthouder and the gemeente's beheerder; nobody changes anything here. */
const toezicht = (actor: Actor) => vereisRol(actor, "toezichthouder", "beheerder");

// Free text by or about the client (the representative's name, the client's comment): the
// supervisor checks the process, never who the client is. The chain still hashes the stored values.
const OVER_DE_CLIENT = new Set(["vertegenwoordiger", "comment", "opmerking"]);
const AFGESCHERMD = "[afgeschermd]";

function schermAf(waarde: unknown): unknown {
  if (Array.isArray(waarde)) return waarde.map(schermAf);
  if (!waarde || typeof waarde !== "object") return waarde;
  return Object.fromEntries(
    Object.entries(waarde).map(([k, v]) => [k, OVER_DE_CLIENT.has(k) && v !== null ? AFGESCHERMD : schermAf(v)]),
  );
}

export type AuditVraag = {
  requestId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  limit: number;
  before?: number;
};

/** Newest first, in pages: `nextBefore` asks for the page after this one. */
export async function auditTrail(actor: Actor, vraag: AuditVraag) {
  const gemeenteId = gemeenteVan(toezicht(actor));
  const rijen = await leesAudit({
    gemeenteId,
    hulpvraagId: vraag.requestId,
    actorId: vraag.actorId,
    limit: vraag.limit,
    voor: vraag.before,
    van: vraag.from ? new Date(vraag.from) : undefined,
    tot: vraag.to ? new Date(vraag.to) : undefined,
  });
  return {
    items: rijen.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actor: r.actorLabel,
      action: r.actie,
      entity: r.entiteit,
      entityId: r.entiteitId,
      requestId: r.hulpvraagId,
      before: schermAf(r.voor),
      after: schermAf(r.na),
      hash: r.hash,
      previousHash: r.vorigeHash,
    })),
    nextBefore: rijen.length === vraag.limit ? rijen.at(-1)!.id : null,
  };
}

/** Who appears in the gemeente's trail, for the supervisor's actor filter. */
export async function auditActoren(actor: Actor) {
  const gemeenteId = gemeenteVan(toezicht(actor));
  return rijen<{ actorId: string; actor: string }>(sql`
    select actor_id as "actorId", min(actor_label) as actor from audit_log
    where gemeente_id = ${gemeenteId} and actor_id is not null group by actor_id order by actor`);
}

export async function controleerAuditketen(actor: Actor) {
  toezicht(actor);
  return verifieerAudit();
}

type Rij = Record<string, unknown>;
const rijen = async <T extends Rij>(q: ReturnType<typeof sql>) => [...(await db().execute<T>(q))];

/** Only rows whose moment falls in `jaar` (Amsterdam time); no filter without a year. */
const inJaar = (kolom: ReturnType<typeof sql.raw>, jaar?: number) =>
  sql`(${jaar ?? null}::int is null or extract(year from ${kolom} at time zone 'Europe/Amsterdam') = ${jaar ?? null}::int)`;

/**
 * The market per gemeente, for the supervisor: what happened, never who the clients are.
 * `jaar` (the yearly report) limits every figure to that calendar year.
 */
export async function marktcijfers(actor: Actor, jaar?: number) {
  const gemeenteId = gemeenteVan(toezicht(actor));
  const perStatus = await rijen<{ status: string; aantal: number }>(sql`
    select status, count(*)::int as aantal from hulpvragen h where gemeente_id = ${gemeenteId} and ${inJaar(sql.raw("h.created_at"), jaar)}
    group by status order by status`);
  const [aanbod] = await rijen<{ gemiddeld: number | null; mediaan: number | null; hulpvragen: number }>(sql`
    select round(avg(n)::numeric, 2)::float as gemiddeld, percentile_cont(0.5) within group (order by n)::float as mediaan, count(*)::int as hulpvragen
    from (select h.id, count(a.id) filter (where a.status <> 'ingetrokken') as n
          from hulpvragen h left join aanbiedingen a on a.hulpvraag_id = h.id
          where h.gemeente_id = ${gemeenteId} and h.gepubliceerd_op is not null and ${inJaar(sql.raw("h.gepubliceerd_op"), jaar)}
          group by h.id) x`);
  const [gunning] = await rijen<{ mediaanUren: number | null; aantal: number }>(sql`
    select round((percentile_cont(0.5) within group (order by extract(epoch from t.toegewezen_op - h.gepubliceerd_op)) / 3600)::numeric, 1)::float as "mediaanUren",
           count(*)::int as aantal
    from toewijzingen t join hulpvragen h on h.id = t.hulpvraag_id
    where t.gemeente_id = ${gemeenteId} and ${inJaar(sql.raw("t.toegewezen_op"), jaar)}`);
  const perAanbieder = await gunningsaandelen(gemeenteId, jaar);
  // The pages show staff moved, not transfers: one transfer can take several staff (aantal_medewerkers), as the cap
  // counts them. The transfer counts stay for the API (v1 only adds fields).
  const overnames = await rijen<{
    aanbiederId: string;
    naam: string;
    jaar: number;
    /** Transfers (one per award), as /api/v1/figures always gave them. */
    metToezegging: number;
    zonderToezegging: number;
    medewerkersMetToezegging: number;
    medewerkersZonderToezegging: number;
  }>(sql`
    select p.van_aanbieder_id as "aanbiederId", a.naam, extract(year from p.datum)::int as jaar,
           count(*) filter (where p.toegezegd)::int as "metToezegging", count(*) filter (where not p.toegezegd)::int as "zonderToezegging",
           coalesce(sum(p.aantal_medewerkers) filter (where p.toegezegd), 0)::int as "medewerkersMetToezegging",
           coalesce(sum(p.aantal_medewerkers) filter (where not p.toegezegd), 0)::int as "medewerkersZonderToezegging"
    from personeelsovernames p join aanbieders a on a.id = p.van_aanbieder_id
    where p.gemeente_id = ${gemeenteId} and (${jaar ?? null}::int is null or extract(year from p.datum) = ${jaar ?? null}::int)
    group by p.van_aanbieder_id, a.naam, jaar order by jaar desc, a.naam`);
  // Each contracted provider's cap use (rule 4), the same figures as /toezicht/personeel and the signal.
  const kapJaar = jaar ?? Number(amsterdamDatum(new Date()).slice(0, 4));
  const personeelsplafond = { jaar: kapJaar, items: await plafondgebruik(gemeenteId, kapJaar) };
  // Rule 7's two exceptions: awarded without the client taking part, and against the client's preference (four eyes).
  const [uitzonderingen] = await rijen<{ zonderClient: number; tegenVoorkeur: number }>(sql`
    select count(*) filter (where client_afwezig_reden is not null)::int as "zonderClient",
           count(*) filter (where tweede_beoordelaar is not null)::int as "tegenVoorkeur"
    from toewijzingen t where gemeente_id = ${gemeenteId} and ${inJaar(sql.raw("t.toegewezen_op"), jaar)}`);
  const weigeringen = await rijen<{ code: string; aantal: number }>(sql`
    select code, count(*)::int as aantal from weigeringen w where gemeente_id = ${gemeenteId} and ${inJaar(sql.raw("w.created_at"), jaar)}
    group by code order by aantal desc, code`);
  return {
    gemeenteId,
    jaar: jaar ?? null,
    hulpvragenPerStatus: Object.fromEntries(perStatus.map((r) => [r.status, r.aantal])),
    aanbiedingenPerHulpvraag: {
      gemiddeld: aanbod?.gemiddeld ?? null,
      mediaan: aanbod?.mediaan ?? null,
      gepubliceerdeHulpvragen: aanbod?.hulpvragen ?? 0,
    },
    tijdTotGunning: { mediaanUren: gunning?.mediaanUren ?? null, gunningen: gunning?.aantal ?? 0 },
    // Consortium members credited by their share of the awarded components (gunningsaandelen.server.ts).
    gunningenPerAanbieder: perAanbieder,
    personeelsovernames: overnames,
    personeelsplafond,
    gunningenZonderOvereenstemming: {
      clientKanNietMeebeslissen: uitzonderingen?.zonderClient ?? 0,
      tegenVoorkeurVanClient: uitzonderingen?.tegenVoorkeur ?? 0,
    },
    weigeringenPerRegel: Object.fromEntries(weigeringen.map((r) => [r.code, r.aantal])),
    signalen: await leesSignalen(gemeenteId, jaar),
  };
}

/** The years the gemeente's market has figures for, newest first, for the yearly report's choice. */
export async function toezichtJaren(actor: Actor): Promise<number[]> {
  const gemeenteId = gemeenteVan(toezicht(actor));
  const [r] = await rijen<{ eerste: number | null }>(sql`
    select extract(year from min(created_at) at time zone 'Europe/Amsterdam')::int as eerste from hulpvragen where gemeente_id = ${gemeenteId}`);
  const nu = Number(amsterdamDatum(new Date()).slice(0, 4));
  const eerste = Math.min(r?.eerste ?? nu, nu);
  return Array.from({ length: nu - eerste + 1 }, (_, i) => nu - i);
}
