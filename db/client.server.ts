import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export function connect(url: string, max = 10) {
  // With the database away a request gets its 503 within seconds: a short connect timeout, and
  // a short fixed wait before reconnecting (the default grows with each failure, up to 20 s,
  // and queries wait for it).
  const sql = postgres(url, { max, connect_timeout: 3, backoff: () => 0.25, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  return { sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

export type Database = ReturnType<typeof connect>["db"];
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Tx;

// server.ts and the Remix build each load their own copy of this module; the connection
// lives on globalThis so both use the one pool.
type Holder = { __zorgveilingDb?: ReturnType<typeof connect> & { url: string } };
const holder = globalThis as Holder;

export function useDatabase(url: string, max?: number) {
  holder.__zorgveilingDb ??= { ...connect(url, max), url };
  return holder.__zorgveilingDb;
}

export function db(): Database {
  if (!holder.__zorgveilingDb) throw new Error("De database is nog niet geopend (useDatabase).");
  return holder.__zorgveilingDb.db;
}

export function databaseUrl(): string {
  if (!holder.__zorgveilingDb) throw new Error("De database is nog niet geopend (useDatabase).");
  return holder.__zorgveilingDb.url;
}

export async function closeDatabase() {
  const open = holder.__zorgveilingDb;
  holder.__zorgveilingDb = undefined;
  await open?.sql.end({ timeout: 5 });
}
