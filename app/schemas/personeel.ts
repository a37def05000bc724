import { z } from "zod";
import { OPVOLGINGEN } from "../../db/schema/markt";
import { datumVeld } from "./hulpvraag";

const heel = (min: number, max: number, wat: string) =>
  z
    .number({ error: `Vul ${wat} in als getal.` })
    .int({ error: `Vul ${wat} in als heel getal.` })
    .min(min, { error: `${wat[0].toUpperCase()}${wat.slice(1)} is minstens ${min}.` })
    .max(max, { error: `${wat[0].toUpperCase()}${wat.slice(1)} is hoogstens ${max}.` });

/** PUT /organisation/staff/:jaar and the form on /organisatie/personeel. */
export const PersoneelsbestandSchema = z
  .object({
    jaar: heel(2015, 2100, "het jaar"),
    koppen: heel(1, 1_000_000, "het aantal medewerkers"),
    fte: z
      .number({ error: "Vul het aantal fte in als getal." })
      .min(0.1, { error: "Het aantal fte is minstens 0,1." })
      .max(1_000_000, { error: "Het aantal fte is te groot." })
      .multipleOf(0.1, { error: "Het aantal fte heeft hoogstens één cijfer achter de komma." }),
  })
  .strict();

export const CollectieveOvernameSchema = z
  .object({
    vanAanbiederId: z.string({ error: "Kies de aanbieder die het personeel overdraagt." }).min(1).max(100),
    naarAanbiederId: z.string({ error: "Kies de aanbieder die het personeel overneemt." }).min(1).max(100),
    aantalMedewerkers: heel(1, 100_000, "het aantal medewerkers"),
    voorwaarden: z
      .string({ error: "Beschrijf de afspraken." })
      .trim()
      .min(10, { error: "Beschrijf de afspraken (cao, behoud van dienstjaren, …) in minstens een zin." })
      .max(4000),
    datum: datumVeld(),
  })
  .strict();

export const OvernameOpvolgingSchema = z
  .object({
    status: z.enum(OPVOLGINGEN, { error: "Kies: open, gedaan, niet_nodig of geschonden." }),
    notitie: z
      .string({ error: "Schrijf kort wat u heeft nagegaan." })
      .trim()
      .min(3, { error: "Schrijf kort wat u heeft nagegaan." })
      .max(2000),
  })
  .strict();
