import { and, eq, sql } from "drizzle-orm";
import { personeelsovernames } from "../../db/schema";
import { db } from "../../db/client.server";
import { kapGebruik, type Kap } from "./personeelsbestand.server";

export type Plafondgebruik = Kap & {
  aanbiederNaam: string;
  /** This gemeente's requests whose moves count in `gebruikt` (another gemeente's are never named). */
  hulpvraagIds: string[];
};

/**
 * Staff-cap use (rule 4) of every aanbieder contracted by this gemeente in `jaar`, for toezicht's
 * signal, chart and yearly report. The figures are `kapGebruik`'s (the one cap computation, the same
 * the offer, the award and /toezicht/personeel read); this only adds the requests behind them.
 */
export async function plafondgebruik(gemeenteId: string, jaar: number): Promise<Plafondgebruik[]> {
  const [kap, achter] = await Promise.all([
    kapGebruik(gemeenteId, jaar),
    db()
      .select({
        aanbiederId: personeelsovernames.vanAanbiederId,
        hulpvraagIds: sql<
          string[]
        >`array_agg(${personeelsovernames.hulpvraagId} order by ${personeelsovernames.datum})`,
      })
      .from(personeelsovernames)
      .where(
        and(
          eq(personeelsovernames.gemeenteId, gemeenteId),
          eq(personeelsovernames.toegezegd, false),
          sql`extract(year from ${personeelsovernames.datum}) = ${jaar}`,
        ),
      )
      .groupBy(personeelsovernames.vanAanbiederId),
  ]);
  const perAanbieder = new Map(achter.map((a) => [a.aanbiederId, a.hulpvraagIds]));
  return kap.map((k) => ({ ...k, hulpvraagIds: perAanbieder.get(k.aanbiederId) ?? [] }));
}
