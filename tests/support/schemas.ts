import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

/** The published schemas the exports must validate against: iWmo in app/schemas/iwmo (the server reads them too), OCDS in tests/schemas. */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WMO301_XSD = path.resolve(REPO, "app/schemas/iwmo/wmo301.xsd");
const IWMO_XSD = (soort: string) => path.resolve(REPO, `app/schemas/iwmo/${soort}.xsd`);
const OCDS_SCHEMA = path.resolve(REPO, "tests/schemas/ocds/release-schema.json");
const OCDS_PAKKET_SCHEMA = path.resolve(REPO, "tests/schemas/ocds/release-package-schema.json");

function metBestand<T>(xml: string, f: (bestand: string) => T): T {
  const map = mkdtempSync(path.join(tmpdir(), "wmo301-"));
  try {
    writeFileSync(path.join(map, "bericht.xml"), xml, "utf8");
    return f(path.join(map, "bericht.xml"));
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
}

function xmllint(args: string[]) {
  const r = spawnSync("xmllint", args, { encoding: "utf8" });
  if (r.error) throw r.error; // a missing xmllint must fail the run, not pass it
  return r;
}

/** xmllint against the iWmo XSD: null when valid, else its complaints. */
export function wmo301Fouten(xml: string): string | null {
  return metBestand(xml, (f) => {
    const r = xmllint(["--noout", "--schema", WMO301_XSD, f]);
    return r.status === 0 ? null : r.stderr;
  });
}

/** xmllint (the command-line tool, not the app's own check) against the XSD of a 302/305/307. */
export function iwmoFouten(soort: "wmo302" | "wmo305" | "wmo307", xml: string): string | null {
  return metBestand(xml, (f) => {
    const r = xmllint(["--noout", "--schema", IWMO_XSD(soort), f]);
    return r.status === 0 ? null : r.stderr;
  });
}

/** Text of the first element with this local name, unescaped by libxml2 itself. */
export function xmlTekst(xml: string, element: string): string {
  const uit = metBestand(xml, (f) => xmllint(["--xpath", `string((//*[local-name()='${element}'])[1])`, f]).stdout);
  return uit.replace(/\n$/, ""); // xmllint ends its answer with a newline of its own
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const ocdsSchema = ajv.compile(JSON.parse(readFileSync(OCDS_SCHEMA, "utf8")));
// The package schema refers to the release schema by its id, which Ajv knows once that one is compiled.
const ocdsPakketSchema = ajv.compile(JSON.parse(readFileSync(OCDS_PAKKET_SCHEMA, "utf8")));

/** null when the release validates against OCDS 1.1, else the errors. */
export function ocdsFouten(release: unknown): string | null {
  return ocdsSchema(release) ? null : JSON.stringify(ocdsSchema.errors, null, 2);
}

/** null when the release package (and every release in it) validates against OCDS 1.1, else the errors. */
export function ocdsPakketFouten(pakket: unknown): string | null {
  return ocdsPakketSchema(pakket) ? null : JSON.stringify(ocdsPakketSchema.errors, null, 2);
}
