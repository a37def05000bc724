import { eq, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { aanbiedingen, hulpvragen } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";

/**
 * The organisations an aanbieder may bid for or with: itself, and the other members of every
 * consortium it belongs to (a consortium bids through its penvoerder with members' contracts).
 */
function organisatiesVan(aanbiederId: string | Placeholder): SQL {
  return sql`(select ${aanbiederId}::text union select cl2.aanbieder_id from consortium_leden cl1
    join consortium_leden cl2 on cl2.consortium_id = cl1.consortium_id where cl1.aanbieder_id = ${aanbiederId})`;
}

/** Rule 1, for visibility of a row of `hulpvragen`: an active contract in its gemeente for at least one asked category. */
export function zichtbaarVoorAanbieder(aanbiederId: string | Placeholder): SQL {
  return sql`exists (select 1 from contracten c where c.gemeente_id = ${hulpvragen.gemeenteId}
    and c.productcategorieen && ${hulpvragen.productcategorieen}
    and c.startdatum <= current_date and c.einddatum >= current_date
    and c.aanbieder_id in ${organisatiesVan(aanbiederId)})`;
}

/** Every aanbieder that may see a request: those contracted, and their consortium partners. */
export async function aanbiedersDieZien(
  gemeenteId: string,
  categorieen: string[],
  executor: Executor = db(),
): Promise<string[]> {
  const rijen = await executor.execute<{ id: string }>(sql`
    with gecontracteerd as (
      select distinct aanbieder_id from contracten
      where gemeente_id = ${gemeenteId} and productcategorieen && ${sql.param(categorieen)}::text[]
        and startdatum <= current_date and einddatum >= current_date)
    select aanbieder_id as id from gecontracteerd
    union
    select cl2.aanbieder_id from gecontracteerd g
      join consortium_leden cl1 on cl1.aanbieder_id = g.aanbieder_id
      join consortium_leden cl2 on cl2.consortium_id = cl1.consortium_id`);
  return [...rijen].map((r) => r.id);
}

/** Offers (rows of `aanbiedingen`) an aanbieder takes part in: as bidder, or as a member of the bidding consortium. */
export function aanbiedingenVan(aanbiederId: string): SQL {
  return or(
    eq(aanbiedingen.aanbiederId, aanbiederId),
    sql`${aanbiedingen.consortiumId} in (select consortium_id from consortium_leden where aanbieder_id = ${aanbiederId})`,
  )!;
}
