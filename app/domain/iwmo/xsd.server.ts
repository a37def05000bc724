/**
 * The iWmo 3.2 XSD check at run time. xmllint as WebAssembly (xmllint-wasm), so `npm start` on a
 * fresh machine needs no libxml2 package; the schemas live in app/schemas/iwmo.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";
import type { Regelfout } from "./regel";

// This module runs from app/domain/iwmo (tsx) and from the Remix build (build/): walk up to the schemas.
function schemaMap(): string {
  let map = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const kandidaat = path.join(map, "app/schemas/iwmo");
    if (existsSync(path.join(kandidaat, "wmo301.xsd"))) return kandidaat;
    const hoger = path.dirname(map);
    if (hoger === map) throw new Error("app/schemas/iwmo/wmo301.xsd niet gevonden");
    map = hoger;
  }
}

const XSD_TIJD_MS = 30_000;

let schemas: { wmo301: string; basisschema: string } | null = null;
function laad() {
  if (!schemas) {
    const map = schemaMap();
    schemas = {
      wmo301: readFileSync(path.join(map, "wmo301.xsd"), "utf8"),
      basisschema: readFileSync(path.join(map, "basisschema.xsd"), "utf8"),
    };
  }
  return schemas;
}

/** Every complaint of the XSD about a WMO301 message, as rule "XSD" with the line it is on. */
export async function xsdFouten(xml: string): Promise<Regelfout[]> {
  const s = laad();
  // xmllint-wasm runs in a worker thread whose promise never settles if the worker dies without an
  // error event: a request must not hang on that, so give up (and hand out nothing) after a while.
  let wachter: NodeJS.Timeout | undefined;
  const r = await Promise.race([
    validateXML({
      xml: { fileName: "bericht.xml", contents: xml },
      schema: { fileName: "wmo301.xsd", contents: s.wmo301 },
      preload: { fileName: "basisschema.xsd", contents: s.basisschema },
    }),
    new Promise<never>((_, reject) => {
      wachter = setTimeout(() => reject(new Error("De XSD-controle antwoordde niet binnen 30 seconden")), XSD_TIJD_MS);
    }),
  ]).finally(() => clearTimeout(wachter));
  if (r.valid) return [];
  const fouten = r.errors.map((e) => ({
    code: "XSD",
    melding: `Voldoet niet aan het iWmo 3.2-XSD${e.loc ? ` (regel ${e.loc.lineNumber})` : ""}: ${e.message.trim()}`,
  }));
  return fouten.length ? fouten : [{ code: "XSD", melding: "Voldoet niet aan het iWmo 3.2-XSD." }];
}
