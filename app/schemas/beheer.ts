import { sleutel, tekst, z } from "./zod";
import { PRODUCTCATEGORIE_CODES } from "./catalogus";
import { datumVeld } from "./hulpvraag";
import { ROLLEN } from "../../db/schema/rollen";

const WachtwoordSchema = z
  .string({ error: "Vul een wachtwoord in." })
  .min(12, { error: "Een wachtwoord heeft minstens 12 tekens." })
  .max(200);

export const AanbiederSchema = z
  .object({
    naam: tekst(200).min(2, { error: "Vul de naam in." }),
    kvk: z
      .string({ error: "Vul het KvK-nummer in." })
      .trim()
      .regex(/^\d{8}$/, { error: "Een KvK-nummer heeft 8 cijfers." }),
    agb: z
      .string({ error: "Vul de AGB-code in." })
      .trim()
      .regex(/^\d{8}$/, { error: "Een AGB-code heeft 8 cijfers." }),
    soort: z.enum(["thuiszorg", "begeleiding", "dagbesteding", "welzijn", "overig"]).default("overig"),
  })
  .strict();

export const ConsortiumSchema = z
  .object({
    naam: tekst(200).min(2, { error: "Vul de naam in." }),
    penvoerderId: sleutel("Kies de penvoerder."),
    ledenIds: z.array(sleutel()).min(2, { error: "Een consortium heeft minstens twee leden." }).max(20),
  })
  .strict()
  .refine((c) => c.ledenIds.includes(c.penvoerderId), {
    error: "De penvoerder moet zelf lid zijn.",
    path: ["penvoerderId"],
  });

export const ContractSchema = z
  .object({
    aanbiederId: sleutel("Kies een aanbieder."),
    productcategorieen: z
      .array(z.enum(PRODUCTCATEGORIE_CODES))
      .min(1, { error: "Kies minstens één productcategorie." })
      .max(10)
      .transform((c) => [...new Set(c)].sort()),
    // Codes of the gemeente's productcodelijst the aanbieder may deliver; each within the contract's categories.
    productcodes: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{1,5}$/, { error: "Een productcode heeft 1 tot 5 letters of cijfers." }),
      )
      .max(100)
      .transform((c) => [...new Set(c)].sort())
      .default([]),
    startdatum: datumVeld(),
    einddatum: datumVeld(),
    gegundOp: datumVeld(),
  })
  .strict()
  .refine((c) => c.einddatum > c.startdatum, { error: "De einddatum ligt voor de startdatum.", path: ["einddatum"] });

/** A correction of a registered contract: the changed fields and, always, why (rule 2; on the audit trail). */
export const ContractCorrectieSchema = z
  .object({
    productcategorieen: z
      .array(z.enum(PRODUCTCATEGORIE_CODES))
      .min(1, { error: "Kies minstens één productcategorie." })
      .max(10)
      .transform((c) => [...new Set(c)].sort())
      .optional(),
    // Codes of the gemeente's productcodelijst the aanbieder may deliver; each within the contract's categories.
    productcodes: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{1,5}$/, { error: "Een productcode heeft 1 tot 5 letters of cijfers." }),
      )
      .max(100)
      .transform((c) => [...new Set(c)].sort())
      .optional(),
    startdatum: datumVeld().optional(),
    einddatum: datumVeld().optional(),
    gegundOp: datumVeld().optional(),
    reden: tekst(1000).min(5, { error: "Schrijf op waarom het contract gecorrigeerd wordt." }),
  })
  .strict();

export const RegelboekSchema = z
  .object({
    minContractMaanden: z.number().int().min(1).max(240),
    gunningVoorStartMaanden: z.number().int().min(0).max(60),
    personeelsmutatiePlafondProcent: z.number().int().min(0).max(100),
    zzpToegestaan: z.boolean(),
    deadlineSpoedUren: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    deadlineRegulierWerkdagen: z.number().int().min(1).max(60),
    bewaartermijnMaanden: z.number().int().min(1).max(240),
    ocdsPrijsVertragingDagen: z.number().int().min(0).max(730),
    // When results are checked after the start of care; empty means no checks.
    resultaatcheckMaanden: z
      .array(
        z
          .number({ error: "Vul hele maanden in, bijvoorbeeld 3, 12." })
          .int({ error: "Vul hele maanden in, bijvoorbeeld 3, 12." })
          .min(1, { error: "Minstens 1 maand." })
          .max(120, { error: "Hoogstens 120 maanden." }),
      )
      .max(6, { error: "Hoogstens 6 momenten." })
      .refine((m) => new Set(m).size === m.length, { error: "Noem elk moment één keer." })
      .transform((m) => [...m].sort((a, b) => a - b)),
    // The ToewijzingNummers Zorgveiling gives out (LDT_Nummer, 9 digits); set both to change the range.
    toewijzingnummerVan: z.number().int().min(1).max(999_999_999),
    toewijzingnummerTot: z.number().int().min(1).max(999_999_999),
  })
  .partial()
  .strict();

export const GebruikerSchema = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Vul een geldig e-mailadres in." })),
    naam: tekst(200).min(2, { error: "Vul de naam in." }),
    rol: z.enum(ROLLEN, { error: "Kies een rol." }),
    /** Only ever the caller's own organisation: a user is created in the organisation of whoever creates it. */
    aanbiederId: sleutel().nullable().optional(),
    /** Gemeente staff: the personnel number within the gemeente (rule 9 checks the person, not only the address). */
    personeelsnummer: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,20}$/, {
        error: "Een personeelsnummer bestaat uit letters, cijfers en streepjes (hoogstens 20).",
      })
      .optional(),
    password: WachtwoordSchema,
  })
  .strict();

/** Changing a role never moves a user to another organisation: `gemeenteId`/`aanbiederId` are refused as unknown fields. */
const ORGANISATIE_VAST =
  "De organisatie van een gebruiker verandert nooit; maak een nieuw account in de andere organisatie.";
export const RolWijzigingSchema = z
  .object({
    rol: z.enum(ROLLEN, { error: "Kies een rol." }),
    gemeenteId: z.never({ error: ORGANISATIE_VAST }).optional(),
    aanbiederId: z.never({ error: ORGANISATIE_VAST }).optional(),
  })
  .strict();

export const AanbiederUitnodigingAccepterenSchema = z
  .object({
    code: z
      .string({ error: "Vul de code in." })
      .trim()
      .min(1, { error: "Vul de code in." })
      .max(100, { error: "Deze code klopt niet." }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Vul een geldig e-mailadres in." })),
    naam: tekst(200).min(2, { error: "Vul de naam in." }),
    password: WachtwoordSchema,
  })
  .strict();

export const MailvoorkeurSchema = z
  .object({
    mailvoorkeur: z.enum(["elk", "dagelijks", "geen"], { error: "Kies hoe u over nieuwe hulpvragen wilt horen." }),
  })
  .strict();

/** A new version of the gemeente's code verantwoord marktgedrag. */
export const GedragscodeSchema = z
  .object({
    tekst: tekst(20_000).min(20, { error: "Schrijf de tekst van de gedragscode (minstens 20 tekens)." }),
  })
  .strict();

/** The aanbieder's beheerder accepts this version of a gemeente's code. */
export const GedragscodeAcceptatieSchema = z
  .object({
    versie: z.number({ error: "Geef de versie die u accepteert." }).int().min(1),
  })
  .strict();

/** Toezicht reports a breach of the gemeente's code by a contracted provider. */
export const GedragscodeMeldingSchema = z
  .object({
    aanbiederId: sleutel("Kies de aanbieder."),
    omschrijving: tekst(4000).min(10, { error: "Beschrijf wat er gebeurde (minstens 10 tekens)." }),
  })
  .strict();

/** The provider's answer to a report. */
export const GedragscodeReactieSchema = z
  .object({
    reactie: tekst(4000).min(5, { error: "Schrijf uw reactie." }),
  })
  .strict();
