import { sql } from "drizzle-orm";
import { boolean, date, integer, pgTable, primaryKey, text, timestamp, index } from "drizzle-orm/pg-core";

export const gemeenten = pgTable("gemeenten", {
  id: text("id").primaryKey(),
  naam: text("naam").notNull(),
  // CBS gemeentecode, needed in the iWmo header.
  code: text("code").notNull().unique(),
});

/** The gemeente's own figures for the rules; one row per gemeente, changes are audited. */
export const regelboeken = pgTable("regelboeken", {
  gemeenteId: text("gemeente_id")
    .primaryKey()
    .references(() => gemeenten.id),
  minContractMaanden: integer("min_contract_maanden").notNull().default(36),
  gunningVoorStartMaanden: integer("gunning_voor_start_maanden").notNull().default(3),
  personeelsmutatiePlafondProcent: integer("personeelsmutatie_plafond_procent").notNull().default(10),
  zzpToegestaan: boolean("zzp_toegestaan").notNull().default(false),
  deadlineSpoedUren: integer("deadline_spoed_uren").notNull().default(48),
  deadlineRegulierWerkdagen: integer("deadline_regulier_werkdagen").notNull().default(5),
  // Months after a closed request's last change before its client record is pseudonymised (AVG storage limitation).
  bewaartermijnMaanden: integer("bewaartermijn_maanden").notNull().default(24),
  // Days after an award before aanbieders that did not win read its price in the OCDS record (docs/besluiten.md).
  ocdsPrijsVertragingDagen: integer("ocds_prijs_vertraging_dagen").notNull().default(90),
  // Months after the start of care at which client and consulent say whether each result was reached.
  resultaatcheckMaanden: integer("resultaatcheck_maanden")
    .array()
    .notNull()
    .default(sql`'{3,12}'::integer[]`),
  // The ToewijzingNummers Zorgveiling may give out (OP275, TR332): a range the back office never uses.
  // The default is the top of the 9-digit space; back offices count up from low numbers.
  toewijzingnummerVan: integer("toewijzingnummer_van").notNull().default(900_000_000),
  toewijzingnummerTot: integer("toewijzingnummer_tot").notNull().default(999_999_999),
  // The last number given out in the range; null: none yet, the next is toewijzingnummerVan.
  toewijzingnummerLaatste: integer("toewijzingnummer_laatste"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const MAILVOORKEUREN = ["elk", "dagelijks", "geen"] as const;
export type Mailvoorkeur = (typeof MAILVOORKEUREN)[number];

export const aanbieders = pgTable("aanbieders", {
  id: text("id").primaryKey(),
  naam: text("naam").notNull(),
  slug: text("slug").notNull().unique(),
  kvk: text("kvk").notNull(),
  agb: text("agb").notNull(),
  soort: text("soort").notNull().default("overig"),
  // No longer read: the staff-move cap counts against the personeelsbestand (db/schema/personeel.ts).
  clientenaantal: integer("clientenaantal").notNull().default(0),
  // How the planners hear of new requests by e-mail: each one, one digest a day, or not at all.
  mailvoorkeur: text("mailvoorkeur").$type<Mailvoorkeur>().notNull().default("elk"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const consortia = pgTable("consortia", {
  id: text("id").primaryKey(),
  naam: text("naam").notNull(),
  penvoerderId: text("penvoerder_id")
    .notNull()
    .references(() => aanbieders.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const consortiumLeden = pgTable(
  "consortium_leden",
  {
    consortiumId: text("consortium_id")
      .notNull()
      .references(() => consortia.id),
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
  },
  (t) => [
    primaryKey({ columns: [t.consortiumId, t.aanbiederId] }),
    index("consortium_leden_aanbieder_idx").on(t.aanbiederId),
  ],
);

/** Raamovereenkomst. Never updated: a change is a new row, so offers keep what they were judged against. */
export const contracten = pgTable(
  "contracten",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    productcategorieen: text("productcategorieen").array().notNull(),
    // The codes of the gemeente's productcodelijst this aanbieder may deliver (issue 14): an offer component names one.
    productcodes: text("productcodes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startdatum: date("startdatum").notNull(),
    einddatum: date("einddatum").notNull(),
    gegundOp: date("gegund_op").notNull(),
    // Rule 2: the day the server registered the contract (Amsterdam date), never typed in. The lead
    // time is also measured from here, so a backdated gegundOp cannot shorten it.
    geregistreerdOp: date("geregistreerd_op")
      .notNull()
      .default(sql`current_date`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contracten_aanbieder_idx").on(t.aanbiederId, t.gemeenteId)],
);

/**
 * The former reëel tarief per product category. No longer read: the floor is the tariff per eenheid
 * of a product code (db/schema/productcodes.ts). Kept so that history stays readable.
 */
export const tarieven = pgTable(
  "tarieven",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    productcategorie: text("productcategorie").notNull(),
    prijsPerMaandCent: integer("prijs_per_maand_cent").notNull(),
    prijsPerUurCent: integer("prijs_per_uur_cent"),
    geldigVanaf: date("geldig_vanaf").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tarieven_lookup_idx").on(t.gemeenteId, t.productcategorie, t.geldigVanaf)],
);

/**
 * The gemeente's code verantwoord marktgedrag (seed 002, aanbeveling 3), in versions: a new text
 * is a new version; old versions stay, so what an aanbieder accepted can always be read back.
 */
export const gedragscodes = pgTable(
  "gedragscodes",
  {
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    versie: integer("versie").notNull(),
    tekst: text("tekst").notNull(),
    gepubliceerdDoor: text("gepubliceerd_door").notNull(),
    gepubliceerdOp: timestamp("gepubliceerd_op", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gemeenteId, t.versie] })],
);

/** An aanbieder's beheerder accepted one version of a gemeente's code; bidding there needs the newest. */
export const gedragscodeAcceptaties = pgTable(
  "gedragscode_acceptaties",
  {
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    gemeenteId: text("gemeente_id").notNull(),
    versie: integer("versie").notNull(),
    geaccepteerdDoor: text("geaccepteerd_door").notNull(),
    geaccepteerdOp: timestamp("geaccepteerd_op", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aanbiederId, t.gemeenteId, t.versie] })],
);

/**
 * Toezicht's register of reported breaches of a gemeente's code of conduct, with the provider's
 * response: the provider reads what was reported about it and answers once, on the record.
 */
export const gedragscodeMeldingen = pgTable(
  "gedragscode_meldingen",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    versie: integer("versie").notNull(),
    omschrijving: text("omschrijving").notNull(),
    gemeldDoor: text("gemeld_door").notNull(),
    gemeldOp: timestamp("gemeld_op", { withTimezone: true }).notNull().defaultNow(),
    reactie: text("reactie"),
    reactieDoor: text("reactie_door"),
    reactieOp: timestamp("reactie_op", { withTimezone: true }),
  },
  (t) => [index("gedragscode_meldingen_aanbieder_idx").on(t.aanbiederId)],
);
