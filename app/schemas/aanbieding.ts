import { sleutel, tekst, z } from "./zod";
import { CAO_CODES, PRODUCTCATEGORIE_CODES, RESULTAAT_CODES } from "./catalogus";
import { datumVeld } from "./hulpvraag";

export const ComponentSchema = z
  .object({
    aanbiederId: sleutel("Kies wie dit onderdeel levert."),
    productcategorie: z.enum(PRODUCTCATEGORIE_CODES, { error: "Kies een productcategorie 01 tot en met 10." }),
    omschrijving: tekst(2000).min(3, { error: "Beschrijf wat u doet en hoe dat het resultaat bereikt." }),
    resultaten: z
      .array(z.enum(RESULTAAT_CODES, { error: "Kies een resultaat uit de hulpvraag." }))
      .min(1, { error: "Kies minstens één resultaat dat dit onderdeel bereikt." })
      .max(8),
    // Whole cents, never floats; the ceiling keeps sums far from integer overflow.
    prijsPerMaandCent: z
      .number({ error: "Vul een prijs per maand in." })
      .int({ error: "Bedragen in hele centen." })
      .min(0, { error: "Een prijs kan niet negatief zijn." })
      .max(10_000_000, { error: "Dit bedrag is onrealistisch hoog." }),
    urenPerWeek: z.number().min(0).max(168, { error: "Een week heeft 168 uur." }).nullable().optional(),
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
