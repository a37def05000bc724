import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { aanbieders, gemeenten } from "./organisaties";
import { hulpvragen, toewijzingen, uitnodigingen } from "./markt";
import { gebruikers } from "./gebruikers";

/** The three answers of the B1 check, per result of the toewijzing. */
export const RESULTAAT_OORDELEN = ["bereikt", "deels", "niet"] as const;
export type ResultaatOordeel = (typeof RESULTAAT_OORDELEN)[number];

/**
 * A results check of one toewijzing, a rulebook number of months after the start of care. The
 * unique (toewijzing, months) pair makes the clock create it once, however many processes run.
 */
export const resultaatchecks = pgTable(
  "resultaatchecks",
  {
    id: text("id").primaryKey(),
    toewijzingId: text("toewijzing_id")
      .notNull()
      .references(() => toewijzingen.id),
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    // The provider whose result this is (the penvoerder for a consortium): the key of the aggregates.
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    maanden: integer("maanden").notNull(),
    peildatum: date("peildatum").notNull(),
    // The fresh invite this check opened; its code reaches the client by e-mail or through the consulent.
    uitnodigingId: text("uitnodiging_id").references(() => uitnodigingen.id),
    perEmail: boolean("per_email").notNull().default(false),
    // Without an address the consulent hands the code over: kept encrypted under SESSION_SECRET (AES-GCM),
    // so a copy of the database alone still opens nothing; wiped once the client answered.
    codeVersleuteld: text("code_versleuteld"),
    clientBeantwoordOp: timestamp("client_beantwoord_op", { withTimezone: true }),
    consulentBeoordeeldOp: timestamp("consulent_beoordeeld_op", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("resultaatchecks_een_per_moment").on(t.toewijzingId, t.maanden),
    index("resultaatchecks_aanbieder_idx").on(t.aanbiederId),
    index("resultaatchecks_gemeente_idx").on(t.gemeenteId, t.createdAt),
  ],
);

/** One answer per result, per party: the client's own view and the consulent's professional view. */
export const resultaatoordelen = pgTable(
  "resultaatoordelen",
  {
    checkId: text("check_id")
      .notNull()
      .references(() => resultaatchecks.id),
    partij: text("partij").$type<"client" | "consulent">().notNull(),
    resultaatCode: text("resultaat_code").notNull(),
    oordeel: text("oordeel").$type<ResultaatOordeel>().notNull(),
    cijfer: integer("cijfer").notNull(),
    toelichting: text("toelichting"),
    door: text("door").references(() => gebruikers.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.partij, t.resultaatCode] })],
);
