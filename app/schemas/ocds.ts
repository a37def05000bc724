import { z } from "zod";

const datum = z.iso.date({ error: "Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23." });

/** The period of a release package: awards made from `from` up to and including `to` (Dutch dates). */
export const OcdsPeriodeSchema = z
  .object({ from: datum.optional(), to: datum.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, {
    path: ["to"],
    error: "De einddatum ligt voor de begindatum.",
  });
export type OcdsPeriode = z.infer<typeof OcdsPeriodeSchema>;
