import { pgTable, text, timestamp, index, integer } from "drizzle-orm/pg-core";
import { aanbieders, gemeenten } from "./organisaties";

export const ROLLEN = ["beheerder", "consulent", "aanbieder", "toezichthouder"] as const;
export type Rol = (typeof ROLLEN)[number];

export const gebruikers = pgTable("gebruikers", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  naam: text("naam").notNull(),
  rol: text("rol").$type<Rol>().notNull(),
  gemeenteId: text("gemeente_id").references(() => gemeenten.id),
  aanbiederId: text("aanbieder_id").references(() => aanbieders.id),
  passwordHash: text("password_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Lucia sessions; `soort` tells a browser cookie from an API bearer token. */
export const sessies = pgTable(
  "sessies",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull().references(() => gebruikers.id),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    soort: text("soort").$type<"web" | "api">().notNull().default("web"),
  },
  (t) => [index("sessies_user_idx").on(t.userId)],
);

/** Failed sign-ins and invite codes per key (account or address), shared by all server processes. */
export const pogingen = pgTable("pogingen", {
  sleutel: text("sleutel").primaryKey(),
  aantal: integer("aantal").notNull().default(0),
  vensterStart: timestamp("venster_start", { withTimezone: true }).notNull().defaultNow(),
  geblokkeerdTot: timestamp("geblokkeerd_tot", { withTimezone: true }),
});
