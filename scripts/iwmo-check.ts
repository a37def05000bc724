/**
 * `npm run iwmo:check FILE [--agb 12345678]`: checks any WMO301 file with the XSD and Zorgveiling's
 * iWmo 3.2 rule checker (app/domain/iwmo). Prints one line per breach with the rule's code and
 * exits 1 when there is one (2 when the file cannot be read), 0 when the message passes.
 */
import { readFileSync } from "node:fs";
import { controleerWmo301 } from "../app/domain/iwmo/controle.server";
import { REGELS } from "../app/domain/iwmo/regelset";

const args = process.argv.slice(2);
const agbIndex = args.indexOf("--agb");
const aanbiederAgb = agbIndex >= 0 ? args[agbIndex + 1] : undefined;
const bestanden = args.filter((a, i) => a !== "--agb" && a !== "--help" && (agbIndex < 0 || i !== agbIndex + 1));

if (bestanden.length === 0 || args.includes("--help")) {
  console.log("Gebruik: npm run iwmo:check BESTAND.xml [--agb AGB-CODE-VAN-DE-AANBIEDER]");
  console.log(`Regels: XSD, ${REGELS.map((r) => r.code).join(", ")}`);
  process.exit(bestanden.length === 0 ? 2 : 0);
}

let fout = false;
for (const bestand of bestanden) {
  let xml: string;
  try {
    xml = readFileSync(bestand, "utf8");
  } catch (e) {
    console.error(`${bestand}: niet te lezen (${(e as Error).message})`);
    process.exit(2);
  }
  const fouten = await controleerWmo301(xml, { aanbiederAgb });
  if (fouten.length === 0) console.log(`${bestand}: voldoet aan het XSD en alle ${REGELS.length} regels`);
  for (const f of fouten) console.log(`${bestand}: ${f.code} ${f.melding}`);
  if (fouten.length) {
    fout = true;
    console.log(`${bestand}: afgekeurd op ${[...new Set(fouten.map((f) => f.code))].join(", ")}`);
  }
}
process.exit(fout ? 1 : 0);
