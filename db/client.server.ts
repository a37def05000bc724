import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "./schema";

export function connect(url: string, max = 10) {
  // With the database away a request gets its 503 within seconds: a short connect timeout, and
  // a short fixed wait before reconnecting (the default grows with each failure, up to 20 s,
  // and queries wait for it).
  const sql = postgres(url, {
    max,
    connect_timeout: 3,
    backoff: () => 0.25,
    onnotice: () => {},
    connection: { TimeZone: "UTC" },
  });
  return { sql, db: drizzle(sql, { schema, casing: "snake_case" }) };
}

export type Database = ReturnType<typeof connect>["db"];
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Tx;

type Verbinding = ReturnType<typeof connect> & { url: string };
let verbinding: Verbinding | undefined;

export function useDatabase(url: string, max?: number) {
  verbinding ??= { ...connect(url, max), url };
  return verbinding;
}

function open(): Verbinding {
  if (!verbinding) throw new Error("De database is nog niet geopend (useDatabase).");
  return verbinding;
}

export function db(): Database {
  return open().db;
}

export function databaseUrl(): string {
  return open().url;
}

export async function closeDatabase() {
  const gesloten = verbinding;
  verbinding = undefined;
  await gesloten?.sql.end({ timeout: 5 });
}
