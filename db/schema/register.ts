import {
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * The audit trail. A trigger (migration 0001) refuses UPDATE and DELETE; each row carries the
 * hash of the one before, so a change made around the trigger still shows.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    actie: text("actie").notNull(),
    entiteit: text("entiteit").notNull(),
    entiteitId: text("entiteit_id").notNull(),
    gemeenteId: text("gemeente_id"),
    hulpvraagId: text("hulpvraag_id"),
    voor: jsonb("voor"),
    na: jsonb("na"),
    vorigeHash: text("vorige_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_hulpvraag_idx").on(t.hulpvraagId, t.id), index("audit_gemeente_idx").on(t.gemeenteId, t.id)],
);

/** Per-feed sequence counters; the row lock orders events of one feed in commit order. */
export const feeds = pgTable("feeds", {
  feed: text("feed").primaryKey(),
  seq: integer("seq").notNull().default(0),
});

/** Committed live events, kept so a reconnecting browser can catch up on what it missed. */
export const liveEvents = pgTable(
  "live_events",
  {
    feed: text("feed").notNull(),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.feed, t.seq] }), index("live_events_created_idx").on(t.createdAt)],
);

/**
 * socket.io's PostgreSQL adapter stores messages too large for a NOTIFY here (it names the
 * table and its columns). Created by a migration, not at start; the adapter and the
 * housekeeping clock job delete old rows.
 */
export const socketIoAttachments = pgTable(
  "socket_io_attachments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).defaultNow(),
    payload: bytea("payload"),
  },
  (t) => [index("socket_io_attachments_created_idx").on(t.createdAt)],
);
