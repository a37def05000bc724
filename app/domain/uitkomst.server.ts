import { and, eq, ne } from "drizzle-orm";
import { aanbiedingen, hulpvragen } from "../../db/schema";
import type { Tx } from "../../db/client.server";
import { feedVoor } from "../../realtime/events";
import type { Actor } from "./actor";
import { ledenVan } from "./aanbieders.server";
import { schrijfAudit } from "./audit.server";
import type { Melder } from "./live.server";
import { mailUitkomst } from "./mailmeldingen.server";

type Hulpvraag = typeof hulpvragen.$inferSelect;
type Aanbieding = typeof aanbiedingen.$inferSelect;

/** The bidder and, for a consortium, every member: all of them hear the outcome. */
export async function biedersVan(tx: Tx, a: Pick<Aanbieding, "aanbiederId" | "consortiumId">): Promise<string[]> {
  if (!a.consortiumId) return [a.aanbiederId];
  return [...new Set([a.aanbiederId, ...(await ledenVan(tx, a.consortiumId))])];
}

/**
 * Closes the offers of a round: the winner (if any) `gegund`, every other submitted offer
 * `afgewezen`, each with the gemeente's short motivation, told live to every bidding aanbieder.
 */
export async function stelUitkomstVast(
  tx: Tx,
  meld: Melder,
  actor: Actor,
  h: Hulpvraag,
  winnaarId: string | null,
  uitkomstMotivatie: string,
) {
  const rijen = await tx
    .select()
    .from(aanbiedingen)
    .where(and(eq(aanbiedingen.hulpvraagId, h.id), ne(aanbiedingen.status, "ingetrokken")))
    .for("update");
  const nu = new Date();
  for (const voor of rijen) {
    const gewonnen = voor.id === winnaarId;
    const [na] = await tx
      .update(aanbiedingen)
      .set({ status: gewonnen ? "gegund" : "afgewezen", uitkomstMotivatie, updatedAt: nu })
      .where(eq(aanbiedingen.id, voor.id))
      .returning();
    const payload = { hulpvraagId: h.id, aanbiedingId: na.id, status: na.status, uitkomstMotivatie };
    const bieders = await biedersVan(tx, na);
    for (const aanbiederId of bieders) await meld(feedVoor.aanbieder(aanbiederId), "offer:outcome", payload);
    await mailUitkomst(tx, h, bieders, gewonnen, uitkomstMotivatie);
    await meld(feedVoor.gemeente(h.gemeenteId), "offer:outcome", payload);
    await schrijfAudit(tx, actor, {
      actie: `aanbieding.${na.status}`,
      entiteit: "aanbieding",
      entiteitId: na.id,
      gemeenteId: h.gemeenteId,
      hulpvraagId: h.id,
      voor: { status: voor.status },
      na: { status: na.status, uitkomstMotivatie },
    });
  }
  return rijen.length;
}
