import { date, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { aanbieders, gemeenten } from "./organisaties";
import { gebruikers } from "./gebruikers";
import { toewijzingen } from "./markt";

/**
 * Where a toewijzing stands in the iWmo chain. `nieuw` until the gemeente sends its WMO301;
 * a WMO302 retour without errors makes it `ontvangen`, one with retourcodes `afgekeurd` (a
 * corrected resend makes it `verzonden` again). Start and end of care come from WMO305/307.
 */
export const IWMO_STATUSSEN = ["nieuw", "verzonden", "ontvangen", "afgekeurd"] as const;
export type IwmoStatus = (typeof IWMO_STATUSSEN)[number];

export const IWMO_SOORTEN = ["wmo301", "wmo302", "wmo305", "wmo307"] as const;
export type IwmoSoort = (typeof IWMO_SOORTEN)[number];

/**
 * Every iWmo message Zorgveiling sent (`uit`: 301) or accepted (`in`: 302, 305, 307), as the
 * exact XML. Each send is its own row with its own BerichtIdentificatie and Dagtekening, so a
 * resend after a rejection never reuses an identification (TR056), and a 302 names the 301 it
 * answers by that identification (`antwoordOp`).
 */
export const iwmoBerichten = pgTable(
  "iwmo_berichten",
  {
    id: text("id").primaryKey(),
    toewijzingId: text("toewijzing_id")
      .notNull()
      .references(() => toewijzingen.id),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    // The provider the message goes to or comes from: for a closing 301 the outgoing provider.
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    soort: text("soort").$type<IwmoSoort>().notNull(),
    richting: text("richting").$type<"uit" | "in">().notNull(),
    berichtIdentificatie: text("bericht_identificatie").notNull(),
    dagtekening: date("dagtekening").notNull(),
    // For a 302: the BerichtIdentificatie of the 301 it answers.
    antwoordOp: text("antwoord_op"),
    // iWmo retourcodes (WJ001) found in a 302, on any level; empty means accepted.
    // For a closing 301 to the outgoing provider (OP258): the new toewijzing whose send made it.
    afsluitendVoor: text("afsluitend_voor"),
    retourcodes: jsonb("retourcodes").$type<string[]>().notNull().default([]),
    xml: text("xml").notNull(),
    door: text("door").references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("iwmo_berichten_toewijzing_idx").on(t.toewijzingId, t.createdAt),
    index("iwmo_berichten_identificatie_idx").on(t.gemeenteId, t.berichtIdentificatie),
  ],
);
