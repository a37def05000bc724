import { date, index, integer, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { aanbieders, gemeenten } from "./organisaties";

/**
 * An aanbieder's staff in one year (heads and FTE), entered by its own beheerder: the
 * denominator of the yearly staff-move cap (rule 4, seed 002: about 10 % of the personeelsbestand).
 */
export const personeelsbestanden = pgTable(
  "personeelsbestanden",
  {
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    jaar: integer("jaar").notNull(),
    koppen: integer("koppen").notNull(),
    fte: numeric("fte", { precision: 8, scale: 1, mode: "number" }).notNull(),
    bijgewerktDoor: text("bijgewerkt_door").notNull(),
    bijgewerktOp: timestamp("bijgewerkt_op", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aanbiederId, t.jaar] })],
);

/**
 * A collective transfer of staff agreed when a contract ends or a provider loses its place
 * (seed 002: "indien in het inkoopproces van aanbieder wordt gewisseld"), recorded by the gemeente's beheerder.
 */
export const collectieveOvernames = pgTable(
  "collectieve_overnames",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    vanAanbiederId: text("van_aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    naarAanbiederId: text("naar_aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    aantalMedewerkers: integer("aantal_medewerkers").notNull(),
    voorwaarden: text("voorwaarden").notNull(),
    datum: date("datum").notNull(),
    vastgelegdDoor: text("vastgelegd_door").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("collectieve_overnames_van_idx").on(t.vanAanbiederId),
    index("collectieve_overnames_naar_idx").on(t.naarAanbiederId),
  ],
);
