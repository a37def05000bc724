import { sleutel, tekst, z } from "./zod";
import { CAO_CODES, RESULTAAT_CODES } from "./catalogus";
import { EENHEID_CODES, FREQUENTIE_CODES } from "../domain/productcode-varianten";
import { datumVeld } from "./hulpvraag";

/**
 * One component: a product code from the list of the request's gemeente, its omvang in that
 * code's eenheid and frequentie, and the price per eenheid. The category, the variant and the
 * monthly amount follow from the code on the server (app/domain/productcode-varianten.ts).
 */
export const ComponentSchema = z
  .object({
    aanbiederId: sleutel("Kies wie dit onderdeel levert."),
    productcode: z
      .string({ error: "Kies een productcode." })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{1,5}$/, { error: "Kies een productcode van de lijst van de gemeente." }),
    omschrijving: tekst(2000).min(3, { error: "Beschrijf wat u doet en hoe dat het resultaat bereikt." }),
    resultaten: z
      .array(z.enum(RESULTAAT_CODES, { error: "Kies een resultaat uit de hulpvraag." }))
      .min(1, { error: "Kies minstens één resultaat dat dit onderdeel bereikt." })
      .max(8),
    // iWmo Omvang is a whole number of eenheden: 2,5 uur is 150 minuten with a code per minuut.
    omvang: z
      .number({ error: "Vul de omvang in (hoeveel eenheden)." })
      .int({ error: "De omvang is een heel aantal eenheden." })
      .min(1, { error: "De omvang is minstens 1." })
      .max(100_000, { error: "Deze omvang is onrealistisch groot." }),
    // Optional: when given they must be the code's own (a check that the sender means the same unit).
    eenheid: z.enum(EENHEID_CODES, { error: "Kies een eenheid uit codelijst WJ756." }).optional(),
    frequentie: z.enum(FREQUENTIE_CODES, { error: "Kies een frequentie: per dag, per week of per maand." }).optional(),
    // Whole cents, never floats; the ceiling keeps sums far from integer overflow.
    prijsPerEenheidCent: z
      .number({ error: "Vul een prijs per eenheid in." })
      .int({ error: "Bedragen in hele centen." })
      .min(0, { error: "Een prijs kan niet negatief zijn." })
      .max(10_000_000, { error: "Dit bedrag is onrealistisch hoog." }),
  })
  .strict();

/** One schema for the offer builder form, the API (POST and PUT) and the tests. */
export const AanbiedingSchema = z
  .object({
    consortiumId: sleutel().nullable().optional(),
    startdatum: datumVeld(),
    einddatum: datumVeld(),
    cao: z.enum(CAO_CODES, { error: "Kies de cao waaronder het personeel werkt." }),
    dienstverband: z.enum(["loondienst", "zzp", "alfahulp"], { error: "Kies de vorm van het dienstverband." }),
    overnameHulpverlener: z.boolean().default(false),
    overnameAantal: z
      .number({ error: "Vul een heel aantal medewerkers in." })
      .int({ error: "Vul een heel aantal medewerkers in." })
      .min(1, { error: "Minstens 1 medewerker." })
      .max(50, { error: "Ten hoogste 50 medewerkers per cliënt." })
      .default(1),
    samenvatting: tekst(1500).min(10, { error: "Schrijf een korte samenvatting in gewone taal voor de cliënt." }),
    componenten: z.array(ComponentSchema).min(1, { error: "Een aanbod heeft minstens één onderdeel." }).max(20),
  })
  .strict()
  .refine((a) => a.einddatum >= a.startdatum, { error: "De einddatum ligt voor de startdatum.", path: ["einddatum"] });
export type AanbiedingInvoer = z.infer<typeof AanbiedingSchema>;
