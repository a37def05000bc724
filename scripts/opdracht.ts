/**
 * Shared by the command-line tools: opens DATABASE_URL or, like server.ts, the embedded
 * PostgreSQL in DATA_DIR, runs `werk`, closes everything and exits with its code
 * (2 when the database could not be reached or the work threw).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../app/config.server";
import { closeDatabase, useDatabase } from "../db/client.server";
import { startEmbeddedPostgres } from "../db/embedded";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function voerUitOpDatabase(mislukt: string, werk: () => Promise<number>): Promise<never> {
  const config = readConfig();
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(path.resolve(root, config.DATA_DIR)).catch((e) => {
        // The embedded database serves one process: a running server holds it.
        console.error(
          `De ingebouwde database kon niet starten (${e instanceof Error ? e.message : e}). Draait de server nog? Stop die, of geef DATABASE_URL op.`,
        );
        process.exit(2);
      });
  useDatabase(config.DATABASE_URL ?? embedded!.url, 1);
  let code = 0;
  try {
    code = await werk();
  } catch (e) {
    code = 2;
    const oorzaak =
      (e as { cause?: { message?: string } })?.cause?.message ?? (e instanceof Error ? e.message : String(e));
    console.error(`${mislukt}: ${oorzaak}`);
  } finally {
    await closeDatabase();
    await embedded?.stop();
  }
  process.exit(code);
}
