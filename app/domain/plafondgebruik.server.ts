import { sql } from "drizzle-orm";
import { db } from "../../db/client.server";
import { leesRegelboek } from "./regelboek.server";

export type Plafondgebruik = {
  aanbiederId: string;
  naam: string;
  /** Moves of clients away from this provider this year without a staff transfer. */
  gebruikt: number;
  /** What the gemeente's rulebook allows this provider this year. */
  toegestaan: number;
  /** This gemeente's requests behind `gebruikt` (another gemeente's are never named). */
  hulpvraagIds: string[];
};

/**
 * Staff-cap use (rule 4) of every provider that lost care in this gemeente in `jaar`, computed as
 * aanbieding-regels' `overnameVereist` does: moves without a commitment, against the provider's
 * client count times the gemeente's percentage.
 *
 * SEAM: the cap is being reworked on another branch. This function is the only place toezicht reads
 * the cap (the signal in signalen.server.ts and the yearly report); when the cap changes, rewrite
 * only this body and keep the returned shape.
 */
export async function plafondgebruik(gemeenteId: string, jaar: number): Promise<Plafondgebruik[]> {
  const regels = await leesRegelboek(gemeenteId);
  const rijen = [
    ...(await db().execute<{
      aanbiederId: string;
      naam: string;
      clientenaantal: number | null;
      gebruikt: number;
      hulpvraagIds: string[] | null;
    }>(sql`
      select p.van_aanbieder_id as "aanbiederId", a.naam, a.clientenaantal,
             count(*) filter (where not p.toegezegd)::int as gebruikt,
             array_agg(p.hulpvraag_id order by p.datum) filter (where not p.toegezegd and p.gemeente_id = ${gemeenteId}) as "hulpvraagIds"
      from personeelsovernames p join aanbieders a on a.id = p.van_aanbieder_id
      where extract(year from p.datum) = ${jaar}
        and p.van_aanbieder_id in (select van_aanbieder_id from personeelsovernames where gemeente_id = ${gemeenteId})
      group by p.van_aanbieder_id, a.naam, a.clientenaantal order by a.naam`)),
  ];
  return rijen.map((r) => ({
    aanbiederId: r.aanbiederId,
    naam: r.naam,
    gebruikt: r.gebruikt,
    toegestaan: Math.floor(((r.clientenaantal ?? 0) * regels.personeelsmutatiePlafondProcent) / 100),
    hulpvraagIds: r.hulpvraagIds ?? [],
  }));
}
