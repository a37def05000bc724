import { sleutel, tekst, z } from "./zod";
import { datumVeld, HulpvraagWijzigingSchema } from "./hulpvraag";

/** The consulent invites the client, optionally with who helps them (a mantelzorger or cliëntondersteuner). */
export const UitnodigingSchema = z
  .object({
    vertegenwoordiger: tekst(200).optional(),
    // Only when the client or representative gives one: the invite then also goes by e-mail.
    email: z
      .string()
      .trim()
      .max(254, { error: "Dit e-mailadres is te lang." })
      .email({ error: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl." })
      .optional(),
    geldigDagen: z
      .number()
      .int()
      .min(1, { error: "Minstens 1 dag." })
      .max(30, { error: "Hoogstens 30 dagen." })
      .optional(),
  })
  .strict();
export type UitnodigingInvoer = z.infer<typeof UitnodigingSchema>;

/** The code as the client types or hears it: spaces, dashes and lower case are fine. */
export const ClientSessieSchema = z
  .object({
    code: z
      .string({ error: "Vul de code uit de uitnodiging in." })
      .trim()
      .min(1, { error: "Vul de code uit de uitnodiging in." })
      .max(40, { error: "Deze code is te lang." })
      .regex(/^[A-Za-z0-9 -]+$/, { error: "Een code bestaat uit letters en cijfers." }),
  })
  .strict();

/** The form value for "none of these" / "no suitable offer": the API's `offerId: null`. */
export const GEEN_AANBOD = "geen";

/**
 * One schema for the client's preference and the consulent's choice. `offerId: null` is
 * "none of these"; `motivation` is the client's comment or the consulent's written motivation.
 */
export const KeuzeSchema = z
  .object({
    offerId: sleutel("Kies een aanbod, of geen van deze.").nullable(),
    motivation: tekst(4000).optional(),
    // Consulent only: why the client cannot take part in the choice (rule 7).
    clientAbsentReason: tekst(2000).optional(),
  })
  .strict();
export type KeuzeInvoer = z.infer<typeof KeuzeSchema>;

/** The short motivation every bidding aanbieder reads with its outcome. */
export const GunningSchema = z
  .object({
    motivation: tekst(1000).optional(),
    // The Awb decision the toewijzing rests on; left empty, Zorgveiling generates both (app/domain/beschikking.ts).
    beschikkingNummer: tekst(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]*$/, {
        error: "Alleen letters, cijfers, spatie, punt, streep of schuine streep.",
      })
      .optional(),
    beschikkingDatum: datumVeld().optional(),
  })
  .strict();
export type GunningInvoer = z.infer<typeof GunningSchema>;

/** A new round after "no suitable offer": the old request's fields, with these changes. */
export const NieuweRondeSchema = HulpvraagWijzigingSchema.omit({ clientId: true });
export type NieuweRondeInvoer = z.infer<typeof NieuweRondeSchema>;

export const ToewijzingFormaatSchema = z.object({ format: z.enum(["json", "csv", "xml"]).default("json") });

const moment = z.iso.datetime({ offset: true, error: "Geef een moment met tijdzone." });
export const AuditFilterSchema = z.object({
  requestId: sleutel().optional(),
  actorId: sleutel().optional(),
  from: moment.optional(),
  to: moment.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(1).optional(),
});
