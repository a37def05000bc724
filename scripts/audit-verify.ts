/**
 * `npm run audit:verify`: checks the audit trail's hash chain, against DATABASE_URL or, like
 * server.ts, the embedded PostgreSQL in DATA_DIR. Exit code 1 when the chain is broken.
 */
import { verifieerAudit } from "../app/domain/audit.server";
import { db } from "../db/client.server";
import { voerUitOpDatabase } from "./opdracht";

await voerUitOpDatabase("De controle kon niet worden uitgevoerd", async () => {
  const uitkomst = await verifieerAudit(db());
  if (uitkomst.valid) {
    console.log(`Het audittrail is intact: ${uitkomst.entries} regels gecontroleerd.`);
    return 0;
  }
  console.log(
    `Het audittrail is NIET intact: regel ${uitkomst.firstBrokenAt} klopt niet met de hashketen (${uitkomst.entries} regels gelezen).`,
  );
  return 1;
});
