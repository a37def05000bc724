import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { fileURLToPath } from "node:url";
import path from "node:path";
import postgres from "postgres";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies the committed SQL migrations; a separate single connection, as drizzle advises. */
export async function runMigrations(url: string) {
  // Its own connection, not the app's pool: server.ts migrates before it loads the app's build.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
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
