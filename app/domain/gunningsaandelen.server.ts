import { sql } from "drizzle-orm";
import { db } from "../../db/client.server";

export type Gunningsaandeel = {
  aanbiederId: string;
  naam: string;
  /** Awards credited to this provider: 1 per own award, a fraction per consortium award. */
  gunningen: number;
  /** Percentage of all awards in the period. */
  aandeel: number;
  /** The part of `gunningen` earned as a member of a consortium (penvoerder included). */
  viaConsortium: number;
  hulpvraagIds: string[];
};

/**
 * Award shares per provider, consortium members credited: each award counts once, split over the
 * providers that deliver its components by their share of the offer's monthly price (equal parts
 * when the price is zero). A consortium award thus no longer counts only for its penvoerder.
 * `jaar`: only awards made in that calendar year (Amsterdam time).
 */
export async function gunningsaandelen(gemeenteId: string, jaar?: number): Promise<Gunningsaandeel[]> {
  const rijen = await db().execute<Gunningsaandeel>(sql`
    with gunning as (
      select t.id, t.hulpvraag_id, a.consortium_id, a.componenten,
             (select sum((x->>'prijsPerMaandCent')::numeric) from jsonb_array_elements(a.componenten) x) as totaal,
             jsonb_array_length(a.componenten) as n
      from toewijzingen t join aanbiedingen a on a.id = t.aanbieding_id
      where t.gemeente_id = ${gemeenteId}
        and (${jaar ?? null}::int is null or extract(year from t.toegewezen_op at time zone 'Europe/Amsterdam') = ${jaar ?? null}::int)
    ), deel as (
      select g.hulpvraag_id, c->>'aanbiederId' as aanbieder_id, g.consortium_id,
             case when g.totaal > 0 then (c->>'prijsPerMaandCent')::numeric / g.totaal else 1.0 / g.n end as deel
      from gunning g cross join jsonb_array_elements(g.componenten) c
    )
    select d.aanbieder_id as "aanbiederId", ab.naam,
           round(sum(d.deel), 2)::float as gunningen,
           round(sum(d.deel) * 100 / (select count(*) from gunning), 1)::float as aandeel,
           round(coalesce(sum(d.deel) filter (where d.consortium_id is not null), 0), 2)::float as "viaConsortium",
           array_agg(distinct d.hulpvraag_id) as "hulpvraagIds"
    from deel d join aanbieders ab on ab.id = d.aanbieder_id
    group by d.aanbieder_id, ab.naam order by gunningen desc, ab.naam`);
  return [...rijen];
}
