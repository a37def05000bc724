import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { fileURLToPath } from "node:url";
import path from "node:path";
import postgres from "postgres";
import { isDatabaseWeg } from "./bereikbaarheid";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies the committed SQL migrations; a separate single connection, as drizzle advises. */
export async function runMigrations(url: string) {
  // Its own connection, not the app's pool: migrations run before the app opens its database (and from the tests).
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const db = drizzle(sql);
  try {
    // Several processes may start at once: the advisory lock lets one migrate while the others wait.
    await sql`select pg_advisory_lock(727001)`;
    await migrate(db, { migrationsFolder });
  } finally {
    await sql`select pg_advisory_unlock(727001)`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
}

/** PostgreSQL down at start: one line, and try again, instead of a stack trace and an exit. */
export async function migreerZodraBereikbaar(url: string) {
  for (;;) {
    try {
      return await runMigrations(url);
    } catch (e) {
      if (!isDatabaseWeg(e)) throw e;
      const { hostname, port } = new URL(url);
      console.error(
        `PostgreSQL op ${hostname}:${port || 5432} is niet bereikbaar (${(e as { code?: string }).code ?? "geen verbinding"}); opnieuw over 2 s…`,
      );
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
