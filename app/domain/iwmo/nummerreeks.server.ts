/**
 * ToewijzingNummers from the gemeente's own range (regelboek: toewijzingnummerVan..Tot). iWmo wants
 * each number unique in the gemeente's whole Wmo domain (OP275, TR332), and the back office issues
 * numbers too: a range it never uses cannot collide. The counter row is locked by the update, so
 * two awards at once get two numbers.
 */
import { and, eq, sql } from "drizzle-orm";
import { regelboeken } from "../../../db/schema";
import type { Executor } from "../../../db/client.server";
import { DomainError } from "../errors";

/** The next number of the gemeente's range, inside the award transaction. */
export async function volgendToewijzingNummer(tx: Executor, gemeenteId: string): Promise<number> {
  const volgende = sql`coalesce(${regelboeken.toewijzingnummerLaatste} + 1, ${regelboeken.toewijzingnummerVan})`;
  const [r] = await tx
    .update(regelboeken)
    .set({ toewijzingnummerLaatste: volgende })
    .where(and(eq(regelboeken.gemeenteId, gemeenteId), sql`${volgende} <= ${regelboeken.toewijzingnummerTot}`))
    .returning({ nummer: regelboeken.toewijzingnummerLaatste });
  if (!r?.nummer) throw new DomainError("toewijzingnummers_op");
  return r.nummer;
}

/**
 * A new range for the regelboek: the counter carries on when the last number lies inside it,
 * otherwise it starts again at `van`, which is only allowed when no toewijzing of this gemeente
 * already has a number in the new range. Returns the counter to store.
 */
export async function nieuweReeks(
  tx: Executor,
  gemeenteId: string,
  van: number,
  tot: number,
  laatste: number | null,
): Promise<number | null> {
  if (van > tot)
    throw new DomainError("invalid_input", [
      { field: "toewijzingnummerTot", message: "Het einde van de reeks ligt voor het begin." },
    ]);
  if (laatste !== null && laatste >= van && laatste <= tot) return laatste;
  const [bezet] = await tx.execute<{ nummer: number }>(sql`
    select (c->>'toewijzingNummer')::int as nummer
    from toewijzingen t, jsonb_array_elements(t.inhoud->'componenten') c
    where t.gemeente_id = ${gemeenteId} and (c->>'toewijzingNummer')::int between ${van} and ${tot}
    limit 1`);
  if (bezet)
    throw new DomainError("invalid_input", [
      {
        field: "toewijzingnummerVan",
        message: `In deze reeks is ToewijzingNummer ${bezet.nummer} al uitgegeven; kies een reeks zonder uitgegeven nummers.`,
      },
    ]);
  return null;
}
