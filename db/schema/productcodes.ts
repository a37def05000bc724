import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { gemeenten } from "./organisaties";
import { gebruikers } from "./gebruikers";

/** OP261: every product states how it is delivered; the allowed eenheid/frequentie per variant are in app/domain/productcode-varianten.ts. */
export type Uitvoeringsvariant = "inspanningsgericht" | "outputgericht" | "taakgericht";

/**
 * The gemeente's own productcodelijst (iWmo TR381: a toewijzing names a code from it). A code is
 * never deleted or renamed: offers and toewijzingen keep pointing at it; `actief` false stops new offers.
 */
export const productcodes = pgTable(
  "productcodes",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    code: text("code").notNull(), // LDT_ProductCode, 1–5 characters
    productcategorie: text("productcategorie").notNull(), // "01".."10"
    omschrijving: text("omschrijving").notNull(),
    uitvoeringsvariant: text("uitvoeringsvariant").$type<Uitvoeringsvariant>().notNull(),
    eenheid: text("eenheid").notNull(), // codelijst WJ756
    frequentie: text("frequentie").notNull(), // codelijst WMO757
    actief: boolean("actief").notNull().default(true),
    aangemaaktDoor: text("aangemaakt_door").references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("productcodes_gemeente_code_idx").on(t.gemeenteId, t.code)],
);

/**
 * The reëel tarief per eenheid of one code, in history: the one in force on a date is the latest
 * geldig_vanaf on or before it. Rows are only added, so an offer keeps the basis it was judged on.
 */
export const productcodeTarieven = pgTable(
  "productcode_tarieven",
  {
    id: text("id").primaryKey(),
    productcodeId: text("productcode_id")
      .notNull()
      .references(() => productcodes.id),
    tariefPerEenheidCent: integer("tarief_per_eenheid_cent").notNull(),
    geldigVanaf: date("geldig_vanaf").notNull(),
    reden: text("reden").notNull(),
    vastgesteldDoor: text("vastgesteld_door").references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("productcode_tarieven_lookup_idx").on(t.productcodeId, t.geldigVanaf)],
);
