import { pgTable, text, timestamp, index, integer } from "drizzle-orm/pg-core";
import { aanbieders, gemeenten } from "./organisaties";
import type { Rol } from "./rollen";

export { ROLLEN, GEMEENTE_ROLLEN, AANBIEDER_ROLLEN, type Rol } from "./rollen";

export const gebruikers = pgTable("gebruikers", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  naam: text("naam").notNull(),
  rol: text("rol").$type<Rol>().notNull(),
  gemeenteId: text("gemeente_id").references(() => gemeenten.id),
  aanbiederId: text("aanbieder_id").references(() => aanbieders.id),
  // Rule 9 by person: the gemeente's own personnel number, so two accounts (two e-mail addresses)
  // of one person are recognised as one person. Gemeente staff only.
  personeelsnummer: text("personeelsnummer"),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Lucia sessions; `soort` tells a browser cookie from an API bearer token. */
export const sessies = pgTable(
  "sessies",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => gebruikers.id),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    soort: text("soort").$type<"web" | "api">().notNull().default("web"),
  },
  (t) => [index("sessies_user_idx").on(t.userId)],
);

/**
 * Attempt counters of rate-limiter-flexible (RateLimiterDrizzle): one row per key (account,
 * address, invite code), changed in one atomic upsert, so every server process honours them.
 * The property names are the ones the library reads.
 */
export const limieten = pgTable("limieten", {
  key: text("sleutel").primaryKey(),
  points: integer("punten").notNull(),
  expire: timestamp("verloopt", { withTimezone: true, mode: "date" }),
});

/**
 * The first account of a provider organisation: a gemeente beheerder invites an aanbieder it has
 * a contract with, and the provider chooses its own password. Single use; only the HMAC of the
 * code is stored, as with client invites.
 */
export const aanbiederUitnodigingen = pgTable("aanbieder_uitnodigingen", {
  id: text("id").primaryKey(),
  aanbiederId: text("aanbieder_id")
    .notNull()
    .references(() => aanbieders.id),
  gemeenteId: text("gemeente_id")
    .notNull()
    .references(() => gemeenten.id),
  codeHash: text("code_hash").notNull().unique(),
  geldigTot: timestamp("geldig_tot", { withTimezone: true }).notNull(),
  aangemaaktDoor: text("aangemaakt_door")
    .notNull()
    .references(() => gebruikers.id),
  gebruiktOp: timestamp("gebruikt_op", { withTimezone: true }),
  gebruikerId: text("gebruiker_id").references(() => gebruikers.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
