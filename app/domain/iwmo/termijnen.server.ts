/**
 * Overdue messages in the chain, by the deadlines of the standard: a WMO302 retour within 3
 * working days of the WMO301 (OP090; the sender must notice a missing retour), a WMO305 within 5
 * working days of the start of care and a WMO307 within 5 of its end (OP271). Zorgveiling knows
 * when care was due to start and end, so a start not reported 5 working days after the
 * toewijzing's ingangsdatum, or a stop 5 after its einddatum, is overdue.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { aanbieders, iwmoBerichten, toewijzingen } from "../../../db/schema";
import { db } from "../../../db/client.server";
import { gemeenteVan, vereisRol, type Actor } from "../actor";
import { amsterdamDatum } from "../deadline";
import { achterstandVan } from "./termijnen";

/** The overdue messages of the caller's gemeente: consulenten, beheerders and the toezichthouder. */
export async function achterstalligeBerichten(actor: Actor, vandaag = amsterdamDatum(new Date())) {
  const g = vereisRol(actor, "consulent", "beheerder", "toezichthouder");
  const gemeenteId = gemeenteVan(g);
  const rijen = await db()
    .select({
      id: toewijzingen.id,
      hulpvraagId: toewijzingen.hulpvraagId,
      iwmoStatus: toewijzingen.iwmoStatus,
      inhoud: toewijzingen.inhoud,
      zorgGestartOp: toewijzingen.zorgGestartOp,
      zorgGestoptOp: toewijzingen.zorgGestoptOp,
      aanbieder: aanbieders.naam,
    })
    .from(toewijzingen)
    .innerJoin(aanbieders, eq(aanbieders.id, toewijzingen.aanbiederId))
    .where(and(eq(toewijzingen.gemeenteId, gemeenteId), inArray(toewijzingen.iwmoStatus, ["verzonden", "ontvangen"])));
  if (rijen.length === 0) return [];
  const verzonden = await db()
    .select({ toewijzingId: iwmoBerichten.toewijzingId, dagtekening: iwmoBerichten.dagtekening })
    .from(iwmoBerichten)
    .where(
      and(
        inArray(
          iwmoBerichten.toewijzingId,
          rijen.map((r) => r.id),
        ),
        eq(iwmoBerichten.soort, "wmo301"),
      ),
    )
    .orderBy(desc(iwmoBerichten.createdAt));
  const laatste = new Map<string, string>();
  for (const v of verzonden) if (!laatste.has(v.toewijzingId)) laatste.set(v.toewijzingId, v.dagtekening);
  return rijen.flatMap((r) =>
    achterstandVan(
      {
        iwmoStatus: r.iwmoStatus,
        ingangsdatum: r.inhoud.componenten.map((c) => c.startdatum).sort()[0],
        einddatum: r.inhoud.componenten
          .map((c) => c.einddatum)
          .sort()
          .at(-1)!,
        zorgGestartOp: r.zorgGestartOp,
        zorgGestoptOp: r.zorgGestoptOp,
      },
      laatste.get(r.id) ?? null,
      vandaag,
    ).map((a) => ({ ...a, toewijzingId: r.id, hulpvraagId: r.hulpvraagId, aanbieder: r.aanbieder })),
  );
}
