/**
 * `npm run audit:verify`: checks the audit trail's hash chain, against DATABASE_URL or, like
 * server.ts, the embedded PostgreSQL in DATA_DIR. Exit code 1 when the chain is broken.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../app/config.server";
import { verifieerAudit } from "../app/domain/audit.server";
import { closeDatabase, db, useDatabase } from "./client.server";
import { startEmbeddedPostgres } from "./embedded";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = readConfig();
const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(root, config.DATA_DIR)).catch((e) => {
  // The embedded database serves one process: a running server holds it.
  console.error(`De ingebouwde database kon niet starten (${e instanceof Error ? e.message : e}). Draait de server nog? Stop die, of geef DATABASE_URL op.`);
  process.exit(2);
});
useDatabase(config.DATABASE_URL ?? embedded!.url, 1);
let code = 0;
try {
  const uitkomst = await verifieerAudit(db());
  if (uitkomst.valid) {
    console.log(`Het audittrail is intact: ${uitkomst.entries} regels gecontroleerd.`);
  } else {
    code = 1;
    console.log(`Het audittrail is NIET intact: regel ${uitkomst.firstBrokenAt} klopt niet met de hashketen (${uitkomst.entries} regels gelezen).`);
  }
} catch (e) {
  code = 2;
  const oorzaak = (e as { cause?: { message?: string } })?.cause?.message ?? (e instanceof Error ? e.message : String(e));
  console.error(`De controle kon niet worden uitgevoerd: ${oorzaak}`);
} finally {
  await closeDatabase();
  await embedded?.stop();
}
process.exit(code);
