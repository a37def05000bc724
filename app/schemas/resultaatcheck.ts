import { RESULTAAT_OORDELEN as OORDELEN, type ResultaatOordeel as Oordeel } from "../../db/schema/resultaten";
import { RESULTAAT_CODES } from "./catalogus";
import { z } from "./zod";

export { OORDELEN, type Oordeel };

/** One result's answer: reached or not, a mark from 1 to 10, and optional words. Client and consulent alike. */
export const ResultaatAntwoordSchema = z
  .object({
    resultaat: z.enum(RESULTAAT_CODES, { error: "Onbekend resultaat." }),
    oordeel: z.enum(OORDELEN, { error: "Kies: bereikt, een beetje of niet." }),
    cijfer: z
      .number({ error: "Geef een cijfer van 1 tot en met 10." })
      .int({ error: "Geef een heel cijfer van 1 tot en met 10." })
      .min(1, { error: "Geef een cijfer van 1 tot en met 10." })
      .max(10, { error: "Geef een cijfer van 1 tot en met 10." }),
    toelichting: z.string().trim().max(1000, { error: "Schrijf hoogstens 1000 tekens." }).optional(),
  })
  .strict();

/** The whole check: one answer for every result of the toewijzing (the domain checks which results). */
export const ResultaatcheckSchema = z
  .object({ antwoorden: z.array(ResultaatAntwoordSchema).min(1, { error: "Beantwoord de vragen." }).max(8) })
  .strict();
export type ResultaatcheckInvoer = z.infer<typeof ResultaatcheckSchema>;

/** The consulent's professional view names the check by its moment (months after the start). */
export const ConsulentOordeelSchema = ResultaatcheckSchema.extend({
  maanden: z.number({ error: "Kies de check." }).int().min(1).max(120),
}).strict();

/**
 * A form's fields `antwoorden.N.resultaat|oordeel|cijfer|toelichting` as the schema's input, so a
 * refusal's field path is the name of the input it is about (and the page works without JavaScript).
 */
export function antwoordenUitFormulier(f: FormData): { antwoorden: Record<string, unknown>[] } {
  const rijen: Record<string, unknown>[] = [];
  for (const [naam, waarde] of f.entries()) {
    const m = /^antwoorden\.(\d)\.(resultaat|oordeel|cijfer|toelichting)$/.exec(naam);
    if (!m || typeof waarde !== "string") continue;
    const rij = (rijen[Number(m[1])] ??= {});
    if (m[2] === "cijfer") rij.cijfer = waarde.trim() === "" ? undefined : Number(waarde);
    else if (m[2] === "toelichting") rij.toelichting = waarde.trim() || undefined;
    else rij[m[2]] = waarde || undefined;
  }
  return { antwoorden: Array.from(rijen, (r) => r ?? {}) };
}
