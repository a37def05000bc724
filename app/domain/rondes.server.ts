import { and, eq } from "drizzle-orm";
import { hulpvragen } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { voorGemeente } from "./hulpvraag-weergave";
import { vergrendel } from "./hulpvragen.server";
import { gemeenteNaam } from "./organisaties.server";
import { inTransactie } from "./live.server";
import type { NieuweRondeInvoer } from "../schemas/keuze";

/**
 * After "no suitable offer": a new concept request, adjusted, linked to the old round. It is
 * published the usual way, so the anonymity guard and a fresh deadline apply again.
 */
export async function nieuweRonde(actor: Actor, vorigeId: string, wijziging: NieuweRondeInvoer) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  return inTransactie(async (tx, meld) => {
    const vorige = await vergrendel(tx, gemeenteId, vorigeId);
    if (vorige.status !== "geen_passend_aanbod") {
      throw new DomainError("request_not_open", [
        { field: "status", message: 'Een nieuwe ronde kan alleen na "geen passend aanbod".' },
      ]);
    }
    const [bestaand] = await tx
      .select({ id: hulpvragen.id })
      .from(hulpvragen)
      .where(eq(hulpvragen.vorigeRondeId, vorigeId));
    if (bestaand)
      throw new DomainError("invalid_input", [{ field: "id", message: `Er is al een nieuwe ronde: ${bestaand.id}.` }]);
    const { deadline, ...rest } = wijziging;
    const gekozen = deadline ? new Date(deadline) : null;
    if (gekozen && gekozen.getTime() <= Date.now())
      throw new DomainError("invalid_input", [
        { field: "deadline", message: "De reactietermijn moet in de toekomst liggen." },
      ]);
    const {
      id: _id,
      status: _s,
      createdAt: _c,
      updatedAt: _u,
      gepubliceerdOp: _g,
      intrekkingsreden: _i,
      ...velden
    } = vorige;
    const [h] = await tx
      .insert(hulpvragen)
      .values({
        ...velden,
        ...rest,
        id: newId("hv"),
        consulentId: consulent.id,
        status: "concept",
        vorigeRondeId: vorigeId,
        ronde: vorige.ronde + 1,
        deadline: gekozen ?? vorige.deadline,
        deadlineGekozen: gekozen !== null,
      })
      .returning();
    const weergave = voorGemeente(h, await gemeenteNaam(gemeenteId, tx));
    await meld(feedVoor.gemeente(gemeenteId), "request:changed", { hulpvraagId: h.id, status: h.status });
    await schrijfAudit(tx, consulent, {
      actie: "hulpvraag.nieuwe_ronde",
      entiteit: "hulpvraag",
      entiteitId: h.id,
      gemeenteId,
      hulpvraagId: h.id,
      voor: { vorigeRondeId: vorigeId },
      na: weergave,
    });
    return weergave;
  });
}

/** The round that followed this one, if the consulent started it: the page links there instead of offering a second. */
export async function volgendeRonde(actor: Actor, vorigeId: string): Promise<{ id: string; status: string } | null> {
  const consulent = vereisRol(actor, "consulent", "beheerder", "toezichthouder");
  const [h] = await db()
    .select({ id: hulpvragen.id, status: hulpvragen.status })
    .from(hulpvragen)
    .where(and(eq(hulpvragen.vorigeRondeId, vorigeId), eq(hulpvragen.gemeenteId, gemeenteVan(consulent))));
  return h ?? null;
}
