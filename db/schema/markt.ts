import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  primaryKey,
} from "drizzle-orm/pg-core";
import type { ToewijzingExport } from "./toewijzing-snapshot";
import { sql } from "drizzle-orm";
import { aanbieders, consortia, gemeenten } from "./organisaties";
import { gebruikers } from "./gebruikers";

/** The protected client record. Only staff of the gemeente read it; providers never see a column of it. */
export const clienten = pgTable(
  "clienten",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    naam: text("naam").notNull(),
    bsn: text("bsn").notNull(),
    straat: text("straat").notNull(),
    huisnummer: text("huisnummer").notNull(),
    postcode: text("postcode").notNull(),
    woonplaats: text("woonplaats").notNull(),
    geboortedatum: date("geboortedatum").notNull(),
    // Name and address as iWmo's WMO301 wants them (no guessing from `naam`); `huisnummer` holds the number only.
    geslacht: text("geslacht").$type<"0" | "1" | "2">().notNull().default("0"),
    voorletters: text("voorletters"),
    voorvoegsel: text("voorvoegsel"),
    achternaam: text("achternaam"),
    huisletter: text("huisletter"),
    huisnummertoevoeging: text("huisnummertoevoeging"),
    telefoon: text("telefoon"),
    email: text("email"),
    aangemaaktDoor: text("aangemaakt_door").references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Set when the retention term passed: the personal fields then hold placeholders (app/domain/bewaartermijn.server.ts).
    gepseudonimiseerdOp: timestamp("gepseudonimiseerd_op", { withTimezone: true }),
  },
  (t) => [index("clienten_gemeente_idx").on(t.gemeenteId)],
);

export type Resultaat = { code: string; toelichting: string };
export type Wensen = { taal?: string; geslachtHulpverlener?: string; tijden?: string };
export type HuidigeZorg = { aanbiederId: string; hulpverlenerRol: string; behouden: boolean };
export const HULPVRAAG_STATUSSEN = [
  "concept",
  "open",
  "beoordeling",
  "gekozen",
  "gegund",
  "ingetrokken",
  "geen_passend_aanbod",
] as const;
export type HulpvraagStatus = (typeof HULPVRAAG_STATUSSEN)[number];

export const hulpvragen = pgTable(
  "hulpvragen",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clienten.id),
    consulentId: text("consulent_id")
      .notNull()
      .references(() => gebruikers.id),
    status: text("status").$type<HulpvraagStatus>().notNull().default("concept"),
    regio: text("regio").notNull(),
    leeftijdsklasse: text("leeftijdsklasse").notNull(),
    huishouden: text("huishouden").notNull(),
    toelichting: text("toelichting").notNull().default(""),
    // Addressed to the client in plain language (B1), written by the consulent: what the client's own
    // page shows instead of the professional notes above, which stay for providers and staff.
    clientTekst: text("client_tekst").notNull().default(""),
    resultaten: jsonb("resultaten").$type<Resultaat[]>().notNull(),
    productcategorieen: text("productcategorieen").array().notNull(),
    wensen: jsonb("wensen").$type<Wensen>().notNull().default({}),
    startdatum: date("startdatum").notNull(),
    duurMaanden: integer("duur_maanden").notNull(),
    budgetPerMaandCent: integer("budget_per_maand_cent"),
    huidigeZorg: jsonb("huidige_zorg").$type<HuidigeZorg | null>(),
    urgentie: text("urgentie").$type<"spoed" | "regulier">().notNull().default("regulier"),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    // A default deadline is recomputed at publication; one the consulent chose is kept.
    deadlineGekozen: boolean("deadline_gekozen").notNull().default(false),
    gepubliceerdOp: timestamp("gepubliceerd_op", { withTimezone: true }),
    intrekkingsreden: text("intrekkingsreden"),
    vorigeRondeId: text("vorige_ronde_id"),
    ronde: integer("ronde").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("hulpvragen_gemeente_status_idx").on(t.gemeenteId, t.status, t.createdAt),
    // The consulent's list without a status filter: newest first, read from the index, whatever the history.
    index("hulpvragen_gemeente_recent_idx").on(t.gemeenteId, t.createdAt),
    index("hulpvragen_open_deadline_idx")
      .on(t.deadline)
      .where(sql`status = 'open'`),
    index("hulpvragen_categorie_idx").using("gin", t.productcategorieen),
  ],
);

export type Component = {
  aanbiederId: string;
  productcategorie: string;
  /** The code of the gemeente's productcodelijst, with what the code said when the offer was judged. */
  productcode?: string;
  uitvoeringsvariant?: "inspanningsgericht" | "outputgericht" | "taakgericht";
  omvang?: number;
  eenheid?: string; // WJ756
  frequentie?: string; // WMO757
  prijsPerEenheidCent?: number;
  omschrijving: string;
  resultaten: string[];
  /** Derived from omvang × price per eenheid × frequentie (maandbedragCent), never typed in. */
  prijsPerMaandCent: number;
  /** Offers from before the productcodelijst stated hours per week. */
  urenPerWeek?: number | null;
  /** What the offer was judged against (the code's tariff per eenheid), so later tariff and contract changes never rewrite it. */
  reeelTariefCent?: number;
  contractId?: string;
};
export const AANBIEDING_STATUSSEN = ["ingediend", "ingetrokken", "gekozen", "afgewezen", "gegund"] as const;
export type AanbiedingStatus = (typeof AANBIEDING_STATUSSEN)[number];

export const aanbiedingen = pgTable(
  "aanbiedingen",
  {
    id: text("id").primaryKey(),
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    // The bidding organisation: the penvoerder when a consortium bids.
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    consortiumId: text("consortium_id").references(() => consortia.id),
    status: text("status").$type<AanbiedingStatus>().notNull().default("ingediend"),
    versie: integer("versie").notNull().default(1),
    startdatum: date("startdatum").notNull(),
    einddatum: date("einddatum").notNull(),
    cao: text("cao").notNull(),
    dienstverband: text("dienstverband").$type<"loondienst" | "zzp" | "alfahulp">().notNull(),
    overnameHulpverlener: boolean("overname_hulpverlener").notNull().default(false),
    // Rule 4: how many of the current provider's staff move with this client; counted against its personeelsbestand.
    overnameAantal: integer("overname_aantal").notNull().default(1),
    samenvatting: text("samenvatting").notNull(),
    componenten: jsonb("componenten").$type<Component[]>().notNull(),
    prijsPerMaandCent: integer("prijs_per_maand_cent").notNull(),
    uitkomstMotivatie: text("uitkomst_motivatie"),
    ingediendDoor: text("ingediend_door")
      .notNull()
      .references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One offer per bidder per request: a consortium and its penvoerder bidding alone are two bidders.
    uniqueIndex("aanbiedingen_een_per_bieder").on(t.hulpvraagId, t.aanbiederId, sql`coalesce(${t.consortiumId}, '')`),
    index("aanbiedingen_aanbieder_idx").on(t.aanbiederId, t.createdAt),
  ],
);

/** Every submitted version of an offer, kept when a revision replaces it. */
export const aanbiedingVersies = pgTable(
  "aanbieding_versies",
  {
    aanbiedingId: text("aanbieding_id")
      .notNull()
      .references(() => aanbiedingen.id),
    versie: integer("versie").notNull(),
    inhoud: jsonb("inhoud").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.aanbiedingId, t.versie] })],
);

export const keuzes = pgTable(
  "keuzes",
  {
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    partij: text("partij").$type<"consulent" | "client">().notNull(),
    // null: none of the offers suits.
    aanbiedingId: text("aanbieding_id").references(() => aanbiedingen.id),
    motivatie: text("motivatie"),
    opmerking: text("opmerking"),
    // The consulent's record of why the client cannot take part in the choice (rule 7).
    clientAfwezigReden: text("client_afwezig_reden"),
    gekozenDoor: text("gekozen_door").notNull(),
    // Four eyes (rule 7): a colleague of the gemeente, never the chooser, confirmed the motivation of a
    // consulent's choice that differs from the client's. Cleared whenever either choice changes.
    bevestigdDoor: text("bevestigd_door"),
    bevestigdOp: timestamp("bevestigd_op", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hulpvraagId, t.partij] })],
);

export const uitnodigingen = pgTable(
  "uitnodigingen",
  {
    id: text("id").primaryKey(),
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    // HMAC of the code: a database reader cannot open a request with it.
    codeHash: text("code_hash").notNull().unique(),
    vertegenwoordiger: text("vertegenwoordiger"),
    geldigTot: timestamp("geldig_tot", { withTimezone: true }).notNull(),
    ingetrokkenOp: timestamp("ingetrokken_op", { withTimezone: true }),
    aangemaaktDoor: text("aangemaakt_door")
      .notNull()
      .references(() => gebruikers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("uitnodigingen_hulpvraag_idx").on(t.hulpvraagId)],
);

export const clientSessies = pgTable("client_sessies", {
  id: text("id").primaryKey(),
  uitnodigingId: text("uitnodiging_id")
    .notNull()
    .references(() => uitnodigingen.id),
  hulpvraagId: text("hulpvraag_id")
    .notNull()
    .references(() => hulpvragen.id),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export const toewijzingen = pgTable("toewijzingen", {
  id: text("id").primaryKey(),
  // Unique: the last line of defence for "one award, exactly".
  hulpvraagId: text("hulpvraag_id")
    .notNull()
    .unique()
    .references(() => hulpvragen.id),
  aanbiedingId: text("aanbieding_id")
    .notNull()
    .references(() => aanbiedingen.id),
  gemeenteId: text("gemeente_id")
    .notNull()
    .references(() => gemeenten.id),
  aanbiederId: text("aanbieder_id")
    .notNull()
    .references(() => aanbieders.id),
  motivatie: text("motivatie"),
  clientAfwezigReden: text("client_afwezig_reden"),
  // Awarded against the client's preference: the colleague who confirmed the motivation (rule 7).
  tweedeBeoordelaar: text("tweede_beoordelaar").references(() => gebruikers.id),
  toegewezenDoor: text("toegewezen_door")
    .notNull()
    .references(() => gebruikers.id),
  toegewezenOp: timestamp("toegewezen_op", { withTimezone: true }).notNull().defaultNow(),
  // What was assigned, as built in the award transaction: later edits of the client record or offer never rewrite it.
  inhoud: jsonb("inhoud").$type<ToewijzingExport>().notNull(),
  // The iWmo chain after the award (db/schema/iwmo.ts): status, and care as the provider reported it.
  iwmoStatus: text("iwmo_status").$type<"nieuw" | "verzonden" | "ontvangen" | "afgekeurd">().notNull().default("nieuw"),
  zorgGestartOp: date("zorg_gestart_op"),
  zorgGestoptOp: date("zorg_gestopt_op"),
  stopReden: text("stop_reden"), // iWmo WMO588 reden beëindiging
  // The Awb decision (beschikking) the toewijzing rests on.
  beschikkingNummer: text("beschikking_nummer"),
  beschikkingDatum: date("beschikking_datum"),
});

/** iWmo wants each ToewijzingNummer unique per gemeente; one sequence keeps them unique everywhere. */
export const toewijzingNummerSeq = pgSequence("toewijzing_nummer_seq", { startWith: 1000, maxValue: 999_999_999 });

export const OPVOLGINGEN = ["open", "gedaan", "niet_nodig", "geschonden"] as const;
export type Opvolging = (typeof OPVOLGINGEN)[number];

export const personeelsovernames = pgTable(
  "personeelsovernames",
  {
    id: text("id").primaryKey(),
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    gemeenteId: text("gemeente_id")
      .notNull()
      .references(() => gemeenten.id),
    vanAanbiederId: text("van_aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    naarAanbiederId: text("naar_aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    hulpverlenerRol: text("hulpverlener_rol").notNull(),
    cao: text("cao").notNull(),
    datum: date("datum").notNull(),
    toegezegd: boolean("toegezegd").notNull(),
    // How many of the outgoing provider's staff move: summed per year against its personeelsbestand.
    aantalMedewerkers: integer("aantal_medewerkers").notNull().default(1),
    // Follow-up of a commitment by gemeente staff: open, gedaan, niet_nodig or geschonden, with a note.
    opvolging: text("opvolging").$type<Opvolging>().notNull().default("open"),
    opvolgingNotitie: text("opvolging_notitie"),
    opvolgingDoor: text("opvolging_door"),
    opvolgingOp: timestamp("opvolging_op", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("personeelsovernames_van_idx").on(t.vanAanbiederId, t.datum)],
);

/** One reminder per aanbieder per request, whichever server process sends it. */
export const herinneringen = pgTable(
  "herinneringen",
  {
    hulpvraagId: text("hulpvraag_id")
      .notNull()
      .references(() => hulpvragen.id),
    aanbiederId: text("aanbieder_id")
      .notNull()
      .references(() => aanbieders.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.hulpvraagId, t.aanbiederId] })],
);

/** Refusals by rule code, for the supervisor's figures; written outside the refused transaction. */
export const weigeringen = pgTable(
  "weigeringen",
  {
    id: text("id").primaryKey(),
    gemeenteId: text("gemeente_id"),
    // The request the refusal was about, when known: the supervisor's signals link to it. No foreign key:
    // a refused call may name a request that does not exist.
    hulpvraagId: text("hulpvraag_id"),
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("weigeringen_gemeente_idx").on(t.gemeenteId, t.code)],
);
