/**
 * The one gate every WMO301 passes before it is downloaded or sent: the iWmo 3.2 XSD and our
 * own rule checker (./regelset.ts). Empty means the message may leave Zorgveiling.
 */
import { regelfouten } from "./regelset";
import type { Context, Regelfout } from "./regel";
import { xsdFouten } from "./xsd.server";

export type { Regelfout } from "./regel";

export async function controleerWmo301(xml: string, context: Context = {}): Promise<Regelfout[]> {
  const regels = regelfouten(xml, context);
  if (regels.some((f) => f.code === "XML")) return regels;
  return [...(await xsdFouten(xml)), ...regels];
}
