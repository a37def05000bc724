import { tekst, z } from "./zod";
import { PRODUCTCATEGORIE_CODES } from "./catalogus";
import { datumVeld } from "./hulpvraag";
import { EENHEID_CODES, FREQUENTIE_CODES, UITVOERINGSVARIANTEN } from "../domain/productcode-varianten";

/**
 * One schema for the beheer page and `POST /api/v1/productcodes`: a new code (all fields), a
 * new tariff for an existing code (code, tariff, date and reason; the other fields may be left
 * out), or an existing code made (in)actief (code and `actief`).
 */
export const ProductcodeSchema = z
  .object({
    // LDT_ProductCode: 1 to 5 letters or digits.
    code: z
      .string({ error: "Vul een productcode in." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,5}$/, { error: "Een productcode heeft 1 tot 5 letters of cijfers." }),
    productcategorie: z
      .enum(PRODUCTCATEGORIE_CODES, { error: "Kies een productcategorie 01 tot en met 10." })
      .optional(),
    omschrijving: tekst(200).min(3, { error: "Beschrijf het product." }).optional(),
    uitvoeringsvariant: z
      .enum(UITVOERINGSVARIANTEN, { error: "Kies inspanningsgericht, outputgericht of taakgericht." })
      .optional(),
    eenheid: z.enum(EENHEID_CODES, { error: "Kies een eenheid uit codelijst WJ756." }).optional(),
    frequentie: z.enum(FREQUENTIE_CODES, { error: "Kies een frequentie: per dag, per week of per maand." }).optional(),
    actief: z.boolean().optional(),
    // A tariff (all three together): required for a new code; for an existing one it adds a history row.
    tariefPerEenheidCent: z
      .number({ error: "Vul het reële tarief per eenheid in." })
      .int({ error: "Bedragen in hele centen." })
      .min(1, { error: "Een tarief is meer dan nul." })
      .max(10_000_000, { error: "Dit bedrag is onrealistisch hoog." })
      .optional(),
    geldigVanaf: datumVeld().optional(),
    reden: tekst(500)
      .min(5, { error: "Schrijf op waarom dit tarief geldt (bijvoorbeeld de kostprijsberekening)." })
      .optional(),
  })
  .strict();
export type ProductcodeInvoer = z.infer<typeof ProductcodeSchema>;
