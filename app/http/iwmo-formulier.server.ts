import type { Actor } from "../domain/actor";
import { DomainError } from "../domain/errors";
import { meldStart, meldStop, ontvangBericht, verstuurWmo301 } from "../domain/iwmo/keten.server";
import { ZorgStartSchema, ZorgStopSchema } from "../schemas/iwmo";
import { parseInvoer } from "../schemas/parse";
import { getypteWaarden, tekst } from "../schemas/formulier";
import { metWaarden, naar, verwerk } from "./formulier.server";

/** The form intents of the iWmo chain section (components/IwmoKeten.tsx), on the consulent's and the provider's page. */
const INTENTS = ["wmo301-versturen", "wmo302-inlezen", "zorg-start", "zorg-stop", "wmo305-inlezen", "wmo307-inlezen"];
export const isKetenIntent = (intent: unknown): boolean => typeof intent === "string" && INTENTS.includes(intent);

const GELUKT: Record<string, string> = {
  "wmo301-versturen": "De toewijzing is verzonden (WMO301). De aanbieder kan het bericht nu downloaden.",
  "wmo302-inlezen": "Het retourbericht (WMO302) is ingelezen.",
  "zorg-start": "De start van de zorg is gemeld.",
  "zorg-stop": "Het einde van de zorg is gemeld.",
  "wmo305-inlezen": "Het startbericht (WMO305) is ingelezen.",
  "wmo307-inlezen": "Het stopbericht (WMO307) is ingelezen.",
};

/** The uploaded file as text; an empty file field is a refusal naming the field. */
async function bestand(formulier: FormData, naam: string): Promise<string> {
  const b = formulier.get(naam);
  if (b && typeof b !== "string" && b.size > 0) return b.text();
  throw new DomainError("invalid_input", [{ field: naam, message: "Kies een XML-bestand." }]);
}

export async function ketenActie(
  actor: Actor,
  toewijzingId: string,
  intent: unknown,
  formulier: FormData,
  pagina: string,
) {
  if (typeof intent !== "string") throw new Response("Onbekende handeling", { status: 400 });
  const fout = await verwerk(async () => {
    if (intent === "wmo301-versturen") await verstuurWmo301(actor, toewijzingId);
    else if (intent === "zorg-start")
      await meldStart(
        actor,
        toewijzingId,
        parseInvoer(ZorgStartSchema, { startdatum: tekst(formulier, "startdatum") }),
      );
    else if (intent === "zorg-stop")
      await meldStop(
        actor,
        toewijzingId,
        parseInvoer(ZorgStopSchema, { einddatum: tekst(formulier, "einddatum"), reden: tekst(formulier, "reden") }),
      );
    else {
      const uitkomst = await ontvangBericht(actor, toewijzingId, await bestand(formulier, `${intent}-bestand`));
      if (uitkomst.soort === "wmo302" && uitkomst.status === "afgekeurd")
        throw naar(pagina, "Het retourbericht is ingelezen: de aanbieder heeft de toewijzing afgekeurd.");
    }
    throw naar(pagina, GELUKT[intent]);
  });
  // getypteWaarden skips files: only what was typed is sent back to refill the form.
  return metWaarden(fout as Exclude<typeof fout, void>, { ...getypteWaarden(formulier), intent });
}
