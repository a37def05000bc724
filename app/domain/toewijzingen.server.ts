import { and, eq, inArray } from "drizzle-orm";
import { aanbieders, aanbiedingen, clienten, consortia, gemeenten, hulpvragen, toewijzingen } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { ledenVan } from "./aanbieders.server";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { DomainError } from "./errors";
import {
  toewijzingCsv,
  toewijzingJson,
  type ToewijzingComponent,
  type ToewijzingExport,
  type ToewijzingLid,
} from "./toewijzing-export";
import { RESULTATEN } from "../schemas/catalogus";
import { volgendToewijzingNummer } from "./iwmo/nummerreeks.server";
import { wmo301VoorToewijzing } from "./iwmo/wmo301.server";
import type { Component } from "../../db/schema/markt";

type Hulpvraag = typeof hulpvragen.$inferSelect;
type Aanbieding = typeof aanbiedingen.$inferSelect;

/** Where care moves to another aanbieder: iWmo LDT_RedenWijziging 09. */
const REDEN_OVERSTAP = "09";

// Offers from before the productcodelijst had no code: the old placeholder, one per category.
const oudeProductcode = (categorie: string) => `${categorie}R01`;

/**
 * Omvang or Budget as the code's variant demands (CD041/CD077): inspanningsgericht and
 * outputgericht carry the offer's omvang in the code's eenheid and frequentie; taakgericht a
 * budget per month. Offers from before the list fall back to their hours per week.
 */
function volumeVan(c: Component): ToewijzingComponent["volume"] {
  if (c.productcode && c.omvang && c.eenheid && c.frequentie)
    return c.uitvoeringsvariant === "taakgericht"
      ? null
      : { omvang: c.omvang, eenheid: c.eenheid, frequentie: c.frequentie };
  const uren = c.urenPerWeek;
  if (!uren) return null;
  return Number.isInteger(uren * 2)
    ? { omvang: uren, eenheid: "04", frequentie: "2" }
    : { omvang: Math.round(uren * 60), eenheid: "01", frequentie: "2" };
}

async function lid(tx: Tx, ids: string[]): Promise<ToewijzingLid[]> {
  if (ids.length === 0) return [];
  const rijen = await tx.select().from(aanbieders).where(inArray(aanbieders.id, ids));
  return ids.flatMap((id) =>
    rijen.filter((r) => r.id === id).map((r) => ({ id: r.id, naam: r.naam, agb: r.agb, kvk: r.kvk })),
  );
}

/**
 * Builds what the gemeente's Wmo system needs, inside the award transaction: the protected client
 * record, the winning offer and its aanbieder (the penvoerder for a consortium).
 */
export async function bouwToewijzing(
  tx: Tx,
  h: Hulpvraag,
  a: Aanbieding,
  toewijzingId: string,
  toegewezenOp: Date,
  overstap: boolean,
): Promise<ToewijzingExport> {
  const [client] = await tx.select().from(clienten).where(eq(clienten.id, h.clientId));
  const [gemeente] = await tx.select().from(gemeenten).where(eq(gemeenten.id, h.gemeenteId));
  const [aanbieder] = await lid(tx, [a.aanbiederId]);
  let consortium: ToewijzingExport["consortium"] = null;
  if (a.consortiumId) {
    const [c] = await tx.select().from(consortia).where(eq(consortia.id, a.consortiumId));
    consortium = { id: c.id, naam: c.naam, leden: await lid(tx, await ledenVan(tx, a.consortiumId)) };
  }
  const componenten: ToewijzingComponent[] = [];
  for (const c of a.componenten) {
    const volume = volumeVan(c);
    const nummer = await volgendToewijzingNummer(tx, h.gemeenteId);
    componenten.push({
      aanbiederId: c.aanbiederId,
      productcategorie: c.productcategorie,
      productcode: c.productcode ?? oudeProductcode(c.productcategorie),
      omschrijving: c.omschrijving,
      startdatum: a.startdatum,
      einddatum: a.einddatum,
      ...(c.uitvoeringsvariant ? { uitvoeringsvariant: c.uitvoeringsvariant } : {}),
      // The tariff agreed for this toewijzing: the offer's price per eenheid, never below the code's reëel tarief.
      tariefPerEenheidCent: c.prijsPerEenheidCent ?? null,
      volume,
      budgetCent: volume ? null : c.prijsPerMaandCent,
      toewijzingNummer: nummer,
    });
  }
  return {
    toewijzingId,
    hulpvraagId: h.id,
    toegewezenOp: toegewezenOp.toISOString(),
    gemeente: { id: gemeente.id, naam: gemeente.naam, code: gemeente.code },
    client: {
      bsn: client.bsn,
      naam: client.naam,
      geboortedatum: client.geboortedatum,
      postcode: client.postcode,
      huisnummer: client.huisnummer,
      straat: client.straat,
      woonplaats: client.woonplaats,
      geslacht: client.geslacht,
      voorletters: client.voorletters,
      voorvoegsel: client.voorvoegsel,
      achternaam: client.achternaam,
      huisletter: client.huisletter,
      huisnummertoevoeging: client.huisnummertoevoeging,
    },
    aanbieder,
    consortium,
    redenWijziging: overstap ? REDEN_OVERSTAP : null,
    resultaatomschrijving: h.resultaten
      .map((r) => [RESULTATEN[r.code as keyof typeof RESULTATEN] ?? r.code, r.toelichting].filter(Boolean).join(": "))
      .join("; "),
    componenten,
    totaalPerMaandCent: a.prijsPerMaandCent,
  };
}

async function opgeslagen(gemeenteId: string, hulpvraagId: string) {
  const [t] = await db()
    .select({ inhoud: toewijzingen.inhoud, clientId: hulpvragen.clientId })
    .from(toewijzingen)
    .innerJoin(hulpvragen, eq(hulpvragen.id, toewijzingen.hulpvraagId))
    .where(and(eq(toewijzingen.hulpvraagId, hulpvraagId), eq(toewijzingen.gemeenteId, gemeenteId)));
  if (!t) throw new DomainError("not_found");
  return t;
}

export type ToewijzingFormaat = "json" | "csv" | "xml";

/** The toewijzing with the client's personal data: the gemeente's consulenten and beheerders only. */
export async function leesToewijzing(actor: Actor, hulpvraagId: string, formaat: ToewijzingFormaat = "json") {
  const medewerker = vereisRol(actor, "consulent", "beheerder");
  const { inhoud: t, clientId } = await opgeslagen(gemeenteVan(medewerker), hulpvraagId);
  if (formaat === "json") return { formaat, inhoud: toewijzingJson(t) };
  if (formaat === "csv")
    return { formaat, inhoud: toewijzingCsv(t, { bom: true }), bestandsnaam: `toewijzing-${t.toewijzingId}.csv` };
  // Every download is a new message (own identification, today's date) that passed the XSD and the rules.
  const bericht = await wmo301VoorToewijzing(db(), t, clientId);
  return { formaat, inhoud: bericht.xml, bestandsnaam: `wmo301-${t.toewijzingId}-${bericht.berichtIdentificatie}.xml` };
}
