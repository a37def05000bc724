import type { Actor } from "../domain/actor";
import { leesOcds } from "../domain/ocds.server";
import { leesToewijzing } from "../domain/toewijzingen.server";

/** The download formats the gemeente's staff get: the toewijzing three ways and the OCDS record. */
export const BESTANDSFORMATEN = ["json", "csv", "xml", "ocds"] as const;
export type Bestandsformaat = (typeof BESTANDSFORMATEN)[number];

export const CONTENT_TYPE = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xml: "application/xml; charset=utf-8",
} as const;

export const isBestandsformaat = (f: string | undefined): f is Bestandsformaat =>
  BESTANDSFORMATEN.includes(f as Bestandsformaat);

/** The file as the API builds it, with a name to save it under. */
export async function toewijzingBestand(actor: Actor, hulpvraagId: string, formaat: Bestandsformaat) {
  if (formaat === "ocds") {
    const release = await leesOcds(actor, hulpvraagId);
    return {
      inhoud: JSON.stringify(release, null, 2),
      contentType: CONTENT_TYPE.json,
      bestandsnaam: `ocds-${hulpvraagId}.json`,
    };
  }
  const t = await leesToewijzing(actor, hulpvraagId, formaat);
  if (t.formaat === "json")
    return {
      inhoud: JSON.stringify(t.inhoud, null, 2),
      contentType: CONTENT_TYPE.json,
      bestandsnaam: `toewijzing-${t.inhoud.toewijzingId}.json`,
    };
  return { inhoud: t.inhoud, contentType: CONTENT_TYPE[t.formaat], bestandsnaam: t.bestandsnaam };
}
