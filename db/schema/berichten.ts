import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const BERICHT_STATUSSEN = ["wachtend", "verzonden", "postvak", "mislukt"] as const;
export type BerichtStatus = (typeof BERICHT_STATUSSEN)[number];

/**
 * E-mail queue and outbox in one. A message is written in the same transaction as the change
 * it tells about, so it exists exactly when the change committed; the clock sends it afterwards.
 * Without SMTP_URL it stays here as `postvak`, readable by the gemeente's beheerder.
 */
export const berichten = pgTable(
  "berichten",
  {
    id: text("id").primaryKey(),
    soort: text("soort").notNull(),
    aan: text("aan").notNull(),
    onderwerp: text("onderwerp").notNull(),
    tekst: text("tekst").notNull(),
    html: text("html").notNull(),
    // A secret in the text (an invite code). Wiped from the stored copy once the mail server took
    // the message, so the database keeps only the code's hash; kept while the outbox is the only channel.
    geheim: text("geheim"),
    // The page to manage mail preferences, sent as List-Unsubscribe.
    afmeldUrl: text("afmeld_url"),
    gemeenteId: text("gemeente_id"),
    hulpvraagId: text("hulpvraag_id"),
    // One message per key (a digest per provider per day): a second writer's insert does nothing.
    sleutel: text("sleutel").unique(),
    status: text("status").$type<BerichtStatus>().notNull().default("wachtend"),
    pogingen: integer("pogingen").notNull().default(0),
    volgendePogingOp: timestamp("volgende_poging_op", { withTimezone: true }).notNull().defaultNow(),
    laatsteFout: text("laatste_fout"),
    verzondenOp: timestamp("verzonden_op", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("berichten_wachtend_idx").on(t.status, t.volgendePogingOp),
    index("berichten_gemeente_idx").on(t.gemeenteId, t.createdAt),
  ],
);

/**
 * A secret calendar address (iCal) per provider organisation or per consulent. Only the hash of
 * the secret is kept; renewing replaces the row, so the old address stops working at once.
 */
export const agendas = pgTable("agendas", {
  // "aanbieder:<id>" or "consulent:<id>": one address per owner.
  eigenaar: text("eigenaar").primaryKey(),
  sleutelHash: text("sleutel_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
