/**
 * The one iWmo 3.2 XSD check at run time, for every message kind Zorgveiling sends or takes in
 * (301 out; 302, 305, 307 in). xmllint as WebAssembly (xmllint-wasm), so `npm start` on a fresh
 * machine needs no libxml2 package; the schemas live in the one folder IWMO_XSD_MAP.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";
import type { Regelfout } from "./regel";
import { DomainError } from "../errors";

/** The one folder of the iWmo XSDs (basisschema plus one per message); move it here only. */
export const IWMO_XSD_MAP = "app/schemas/iwmo";

export type IwmoXsdSoort = "wmo301" | "wmo302" | "wmo305" | "wmo307";

// This module runs from app/domain/iwmo (tsx) and from the Remix build (build/): walk up to the schemas.
function schemaMap(): string {
  let map = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const kandidaat = path.join(map, IWMO_XSD_MAP);
    if (existsSync(path.join(kandidaat, "basisschema.xsd"))) return kandidaat;
    const hoger = path.dirname(map);
    if (hoger === map) throw new Error(`${IWMO_XSD_MAP}/basisschema.xsd niet gevonden`);
    map = hoger;
  }
}

const XSD_TIJD_MS = 30_000;

const cache = new Map<string, string>();
function schema(naam: string): string {
  let tekst = cache.get(naam);
  if (tekst === undefined) {
    tekst = readFileSync(path.join(schemaMap(), naam), "utf8");
    cache.set(naam, tekst);
  }
  return tekst;
}

export type XsdMelding = { melding: string; regel: number | null };

/** Every complaint of the XSD of this message kind about `xml`, with its line; empty when valid. */
export async function xsdMeldingen(soort: IwmoXsdSoort, xml: string): Promise<XsdMelding[]> {
  const xsd = schema(`${soort}.xsd`);
  const basis = schema("basisschema.xsd");
  // xmllint-wasm runs in a worker thread whose promise never settles if the worker dies without an
  // error event: a request must not hang on that, so give up (and let nothing through) after a while.
  let wachter: NodeJS.Timeout | undefined;
  const r = await Promise.race([
    validateXML({
      xml: [{ fileName: "bericht.xml", contents: xml }],
      schema: [{ fileName: `${soort}.xsd`, contents: xsd }],
      preload: [{ fileName: "basisschema.xsd", contents: basis }],
    }),
    new Promise<never>((_, reject) => {
      wachter = setTimeout(
        () =>
          reject(
            new DomainError(
              "unavailable",
              [
                {
                  field: "bestand",
                  message: "De XSD-controle van het iWmo-bericht antwoordde niet binnen 30 seconden.",
                },
              ],
              "De controle van het iWmo-bericht duurde te lang. Er is niets opgeslagen; probeer het zo opnieuw.",
              5,
            ),
          ),
        XSD_TIJD_MS,
      );
    }),
  ]).finally(() => clearTimeout(wachter));
  if (r.valid) return [];
  const meldingen = r.errors.map((e) => ({ melding: e.message.trim(), regel: e.loc?.lineNumber ?? null }));
  return meldingen.length ? meldingen : [{ melding: "Geen geldig iWmo-bericht.", regel: null }];
}

/** The XSD's complaints as rule "XSD" for the rule checker (default: a WMO301). */
export async function xsdFouten(xml: string, soort: IwmoXsdSoort = "wmo301"): Promise<Regelfout[]> {
  return (await xsdMeldingen(soort, xml)).map((m) => ({
    code: "XSD",
    melding: `Voldoet niet aan het iWmo 3.2-XSD${m.regel ? ` (regel ${m.regel})` : ""}: ${m.melding}`,
  }));
}
