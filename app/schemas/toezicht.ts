import { z } from "./zod";

const datum = z.iso.date({ error: "Vul een geldige datum in, bijvoorbeeld 23 november 2026." });

/** The supervisor's audit filter as the page's GET form sends it: whole days, Amsterdam time. */
export const AuditPaginaSchema = z
  .object({
    requestId: z.string().trim().max(64, { error: "Maximaal 64 tekens." }).optional(),
    actorId: z.string().max(64).optional(),
    van: datum.optional(),
    tot: datum.optional(),
    before: z.coerce.number().int().min(1).optional(),
  })
  .refine((f) => !f.van || !f.tot || f.van <= f.tot, { error: "De einddatum ligt voor de begindatum.", path: ["tot"] });
export type AuditPaginaFilter = z.infer<typeof AuditPaginaSchema>;

/** The year of the yearly report and the figures export (`?jaar=`); absent means all years. */
export const JaarSchema = z.object({
  jaar: z.coerce
    .number({ error: "Vul een jaar in, bijvoorbeeld 2026." })
    .int({ error: "Vul een jaar in, bijvoorbeeld 2026." })
    .min(2000, { error: "Vul een jaar vanaf 2000 in." })
    .max(2100, { error: "Vul een jaar tot 2100 in." })
    .optional(),
});
