import { and, eq, sql } from "drizzle-orm";
import { aanbiedingen, gemeenten, herinneringen, hulpvragen } from "../../db/schema";
import { db } from "../../db/client.server";
import { feedVoor } from "../../realtime/events";
import { eenWerkdagVoor } from "./deadline";
import { voorAanbieder } from "./hulpvraag-weergave";
import { inTransactie } from "./live.server";
import { mailHerinnering } from "./mailmeldingen.server";
import { aanbiedersDieZien, aanbiedingenVan } from "./zichtbaarheid.server";

/**
 * One working day before an open request closes, every provider that may bid and has not
 * yet answered gets a live reminder. The herinneringen row makes it once, across processes.
 */
export async function stuurHerinneringen(nu = new Date()): Promise<number> {
  const bijnaDicht = await db()
    .select({ h: hulpvragen, gemeente: gemeenten.naam })
    .from(hulpvragen)
    .innerJoin(gemeenten, eq(gemeenten.id, hulpvragen.gemeenteId))
    .where(
      and(
        eq(hulpvragen.status, "open"),
        sql`${hulpvragen.deadline} > now()`,
        sql`${hulpvragen.deadline} <= now() + interval '5 days'`,
      ),
    );
  let verstuurd = 0;
  for (const { h, gemeente } of bijnaDicht) {
    if (nu < eenWerkdagVoor(h.deadline)) continue;
    const ontvangers = await aanbiedersDieZien(h.gemeenteId, h.productcategorieen);
    await inTransactie(async (tx, meld) => {
      for (const aanbiederId of ontvangers) {
        const [beantwoord] = await tx
          .select({ id: aanbiedingen.id })
          .from(aanbiedingen)
          .where(
            and(eq(aanbiedingen.hulpvraagId, h.id), eq(aanbiedingen.status, "ingediend"), aanbiedingenVan(aanbiederId)),
          )
          .limit(1);
        if (beantwoord) continue;
        const nieuw = await tx
          .insert(herinneringen)
          .values({ hulpvraagId: h.id, aanbiederId })
          .onConflictDoNothing()
          .returning();
        if (nieuw.length === 0) continue;
        await meld(feedVoor.aanbieder(aanbiederId), "request:reminder", {
          hulpvraagId: h.id,
          status: h.status,
          deadline: h.deadline.toISOString(),
          hulpvraag: voorAanbieder(h, gemeente),
        });
        await mailHerinnering(tx, h, gemeente, aanbiederId);
        verstuurd++;
      }
    });
  }
  return verstuurd;
}
