import { sleutel, tekst, z } from "./zod";
import { HUISHOUDEN_CODES, LEEFTIJDSKLASSEN, PRODUCTCATEGORIE_CODES, RESULTAAT_CODES } from "./catalogus";

export const datumVeld = (bericht = "Vul een geldige datum in, bijvoorbeeld 1 januari 2027.") =>
  z
    .string({ error: bericht })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: bericht })
    .refine(
      (d) => {
        const t = new Date(`${d}T00:00:00Z`);
        return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d) && d >= "1900-01-01" && d <= "2100-12-31";
      },
      { error: "Deze datum bestaat niet of ligt te ver weg." },
    );

/** The protected client record; the consulent fills it in after the keukentafelgesprek. */
export const ClientSchema = z
  .object({
    naam: tekst(200).min(2, { error: "Vul de naam in." }),
    bsn: z
      .string({ error: "Vul het BSN in." })
      .trim()
      .regex(/^\d{8,9}$/, { error: "Een BSN heeft 9 cijfers." }),
    // The name and address as the WMO301 sends them; `naam` stays the name people read.
    geslacht: z.enum(["0", "1", "2"], { error: "Kies onbekend, man of vrouw." }).default("0"),
    voorletters: z
      .string()
      .trim()
      .transform((v) => v.replace(/[.\s]/g, "").toUpperCase())
      .pipe(z.string().regex(/^\p{L}{0,6}$/u, { error: "Vul tot 6 voorletters in, zonder punten." }))
      .optional(),
    voorvoegsel: tekst(10).optional(),
    achternaam: tekst(200).min(1, { error: "Vul de achternaam in." }).optional(),
    straat: tekst(200).min(2, { error: "Vul de straat in." }),
    huisnummer: z
      .string({ error: "Vul het huisnummer in." })
      .trim()
      .regex(/^[1-9]\d{0,4}$/, { error: "Vul alleen het nummer in (cijfers); huisletter en toevoeging apart." }),
    huisletter: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]?$/, { error: "Een huisletter is één letter." })
      .optional(),
    huisnummertoevoeging: z
      .string()
      .trim()
      .regex(/^[\p{L}\d]{0,4}$/u, { error: "Een toevoeging is hooguit 4 letters of cijfers." })
      .optional(),
    postcode: z
      .string({ error: "Vul de postcode in." })
      .trim()
      .toUpperCase()
      .regex(/^\d{4}\s?[A-Z]{2}$/, { error: "Vul een postcode in als 1234 AB." }),
    woonplaats: tekst(100).min(2, { error: "Vul de woonplaats in." }),
    geboortedatum: datumVeld(),
    telefoon: tekst(30).optional(),
    email: z.union([z.literal(""), z.email({ error: "Vul een geldig e-mailadres in." })]).optional(),
  })
  .strict();
export type ClientInvoer = z.infer<typeof ClientSchema>;

export const HuidigeZorgSchema = z
  .object({
    aanbiederId: sleutel(),
    hulpverlenerRol: tekst(120).min(2, { error: "Beschrijf de rol van de hulpverlener (geen naam)." }),
    behouden: z.boolean(),
  })
  .strict();

/** The fields a consulent writes; everything except clientId is what a provider will see. */
const hulpvraagVelden = {
  regio: tekst(80).min(2, { error: "Vul een wijk of een postcode van 4 cijfers in." }),
  leeftijdsklasse: z.enum(LEEFTIJDSKLASSEN, { error: "Kies een leeftijdsklasse." }),
  huishouden: z.enum(HUISHOUDEN_CODES, { error: "Kies de situatie van het huishouden." }),
  toelichting: tekst(4000).default(""),
  /** For the client's own page: plain language (B1), addressed to the client; never shown to providers. */
  clientTekst: tekst(2000).default(""),
  resultaten: z
    .array(
      z.object({
        code: z.enum(RESULTAAT_CODES, { error: "Kies een resultaat uit de lijst." }),
        toelichting: tekst(2000).default(""),
      }),
    )
    .min(1, { error: "Kies minstens één resultaat." })
    .max(8)
    .refine((r) => new Set(r.map((x) => x.code)).size === r.length, { error: "Elk resultaat mag één keer voorkomen." }),
  productcategorieen: z
    .array(z.enum(PRODUCTCATEGORIE_CODES, { error: "Kies een productcategorie 01 tot en met 10." }))
    .min(1, { error: "Kies minstens één productcategorie." })
    .max(10)
    .transform((c) => [...new Set(c)].sort()),
  wensen: z
    .object({ taal: tekst(200).optional(), geslachtHulpverlener: tekst(100).optional(), tijden: tekst(500).optional() })
    .default({}),
  startdatum: datumVeld(),
  duurMaanden: z
    .number({ error: "Vul de duur in hele maanden in." })
    .int({ error: "Vul de duur in hele maanden in." })
    .min(1)
    .max(120),
  budgetPerMaandCent: z
    .number()
    .int({ error: "Bedragen in hele centen." })
    .min(1)
    .max(100_000_00)
    .nullable()
    .optional(),
  huidigeZorg: HuidigeZorgSchema.nullable().optional(),
  urgentie: z.enum(["spoed", "regulier"]).default("regulier"),
  deadline: z.iso
    .datetime({ offset: true, error: "Vul een datum en tijd in, bijvoorbeeld 1 december 2026 om 17:00." })
    .optional(),
};

export const HulpvraagSchema = z.object({ clientId: sleutel("Kies een cliënt."), ...hulpvraagVelden }).strict();
export type HulpvraagInvoer = z.infer<typeof HulpvraagSchema>;

/**
 * PATCH: any subset of the fields, concept only; `deadline: null` goes back to the rulebook's default.
 * Without the defaults: zod applies a default inside .partial(), which would reset fields the PATCH left out.
 */
export const HulpvraagWijzigingSchema = z
  .object({
    clientId: sleutel(),
    ...hulpvraagVelden,
    toelichting: hulpvraagVelden.toelichting.unwrap(),
    clientTekst: hulpvraagVelden.clientTekst.unwrap(),
    wensen: hulpvraagVelden.wensen.unwrap(),
    urgentie: hulpvraagVelden.urgentie.unwrap(),
    deadline: hulpvraagVelden.deadline.nullable(),
  })
  .partial()
  .strict();

export const IntrekkenSchema = z.object({ reden: tekst(1000).min(3, { error: "Geef een reden op." }) }).strict();
export const VerlengenSchema = z
  .object({
    deadline: z.iso.datetime({
      offset: true,
      error: "Vul een datum en tijd in, bijvoorbeeld 1 december 2026 om 17:00.",
    }),
  })
  .strict();
export const HulpvraagFilterSchema = z.object({
  status: z
    .enum(["concept", "open", "beoordeling", "gekozen", "gegund", "ingetrokken", "geen_passend_aanbod"])
    .optional(),
  zoek: tekst(100).optional(),
});
