/**
 * The awarded toewijzing in the forms it leaves Zorgveiling: JSON for the API, CSV for people
 * with a spreadsheet, an iWmo WMO301 message for the gemeente's Wmo system, and an OCDS release
 * without personal data for public accountability. Pure functions: the caller loads the data.
 */
import { csv } from "../format/csv";
import { EENHEDEN, FREQUENTIES, periodeVan, toewijzingNummers } from "./toewijzing-wmo301";
import { IWMO_PRODUCTCATEGORIEEN } from "../schemas/catalogus";
import { VARIANTEN } from "./productcode-varianten";
import type { ToewijzingComponent, ToewijzingExport, ToewijzingLid } from "./toewijzing-types";

export {
  toewijzingWmo301Xml,
  controleerVoorWmo301,
  afsluitendeWmo301Xml,
  ToewijzingExportFout,
  maandenInPeriode,
  EENHEDEN,
  FREQUENTIES,
  REDENEN_WIJZIGING,
  type Wmo301Opties,
} from "./toewijzing-wmo301";
export { ocdsRelease, OCDS_OCID_PREFIX } from "./toewijzing-ocds";
export type { ToewijzingComponent, ToewijzingExport, ToewijzingLid } from "./toewijzing-types";

/**
 * Omvang or budget: how the toewijzing carries the component (CD041/CD077). Not the iWmo
 * uitvoeringsvariant (OP261), which is the product code's and may be null in older toewijzingen.
 */
const vormVan = (c: ToewijzingComponent) =>
  c.volume ? ("volume" as const) : c.budgetCent != null ? ("budget" as const) : null;

/**
 * The code's eenheid (WJ756) and frequentie (WMO757): the omvang's, or for taakgericht (a budget, no
 * omvang) the variant's own euro's per maand. Null for a budget from before the productcodelijst.
 */
function eenheidVan(c: ToewijzingComponent): { eenheid: string | null; frequentie: string | null } {
  if (c.volume) return { eenheid: c.volume.eenheid, frequentie: c.volume.frequentie };
  if (c.uitvoeringsvariant === "taakgericht")
    return { eenheid: VARIANTEN.taakgericht.eenheden[0], frequentie: VARIANTEN.taakgericht.frequenties[0] };
  return { eenheid: null, frequentie: null };
}

/** What GET /api/v1/requests/{id}/toewijzing returns. */
export function toewijzingJson(t: ToewijzingExport) {
  const nummers = toewijzingNummers(t);
  const periode = periodeVan(t);
  const lid = ({ id, naam, agb, kvk }: ToewijzingLid) => ({ id, naam, agb, kvk });
  return {
    toewijzingId: t.toewijzingId,
    hulpvraagId: t.hulpvraagId,
    toegewezenOp: t.toegewezenOp,
    gemeente: { id: t.gemeente.id, naam: t.gemeente.naam, code: t.gemeente.code },
    client: {
      bsn: t.client.bsn,
      naam: t.client.naam,
      geboortedatum: t.client.geboortedatum,
      straat: t.client.straat,
      huisnummer: t.client.huisnummer,
      postcode: t.client.postcode,
      woonplaats: t.client.woonplaats,
      // As the WMO301 sends them; null in toewijzingen from before the client record had them.
      geslacht: t.client.geslacht ?? "0",
      voorletters: t.client.voorletters ?? null,
      voorvoegsel: t.client.voorvoegsel ?? null,
      achternaam: t.client.achternaam ?? null,
      huisletter: t.client.huisletter ?? null,
      huisnummertoevoeging: t.client.huisnummertoevoeging ?? null,
    },
    aanbieder: lid(t.aanbieder),
    consortium: t.consortium
      ? { id: t.consortium.id, naam: t.consortium.naam, leden: t.consortium.leden.map(lid) }
      : null,
    redenWijziging: t.redenWijziging,
    resultaatomschrijving: t.resultaatomschrijving,
    componenten: t.componenten.map((c, i) => ({
      toewijzingNummer: nummers[i],
      aanbiederId: c.aanbiederId,
      productcategorie: c.productcategorie,
      productcategorieNaam: IWMO_PRODUCTCATEGORIEEN[c.productcategorie] ?? null,
      productcode: c.productcode,
      omschrijving: c.omschrijving,
      startdatum: c.startdatum,
      einddatum: c.einddatum,
      // The product code's iWmo variant; `vorm` says whether the toewijzing carries an omvang or a budget.
      uitvoeringsvariant: c.uitvoeringsvariant ?? null,
      vorm: vormVan(c),
      ...eenheidMetNaam(c),
      tariefPerEenheidCent: c.tariefPerEenheidCent ?? null,
      volume: c.volume
        ? {
            omvang: c.volume.omvang,
            eenheid: c.volume.eenheid,
            eenheidNaam: EENHEDEN[c.volume.eenheid] ?? null,
            frequentie: c.volume.frequentie,
            frequentieNaam: FREQUENTIES[c.volume.frequentie] ?? null,
          }
        : null,
      budgetPerMaandCent: c.budgetCent,
    })),
    totaalPerMaandCent: t.totaalPerMaandCent,
    periode: periode && {
      startdatum: periode.startdatum,
      einddatum: periode.einddatum,
      maanden: Math.round(periode.maanden * 100) / 100,
    },
    totaalCent: periode?.totaalCent ?? null,
  };
}
export type ToewijzingJson = ReturnType<typeof toewijzingJson>;

function eenheidMetNaam(c: ToewijzingComponent) {
  const { eenheid, frequentie } = eenheidVan(c);
  return {
    eenheid,
    eenheidNaam: eenheid === null ? null : (EENHEDEN[eenheid] ?? null),
    frequentie,
    frequentieNaam: frequentie === null ? null : (FREQUENTIES[frequentie] ?? null),
  };
}

const CSV_KOLOMMEN = [
  "toewijzingId",
  "gemeenteCode",
  "bsn",
  "clientNaam",
  "geboortedatum",
  "aanbiederAgb",
  "aanbiederKvk",
  "aanbiederNaam",
  "productcategorie",
  "productcode",
  "startdatum",
  "einddatum",
  "omvang",
  "eenheid",
  "frequentie",
  "budgetCent",
  "redenWijziging",
  "resultaat",
  // Beyond the agreed minimum: lets a spreadsheet be matched to the WMO301 message and the consortium member.
  "toewijzingNummer",
  "omschrijving",
  "uitvoerderAgb",
  "uitvoerderKvk",
  "uitvoerderNaam",
  "consortiumNaam",
  "toegewezenOp",
  "hulpvraagId",
  "totaalPerMaandCent",
  // The product code's iWmo variant and the agreed price per eenheid; `vorm` is omvang or budget.
  "uitvoeringsvariant",
  "vorm",
  "tariefPerEenheidCent",
] as const;

/** One row per component (app/format/csv.ts). aanbieder* is the contracting party (penvoerder); uitvoerder* is who delivers the component. */
export function toewijzingCsv(t: ToewijzingExport, opts: { bom?: boolean } = {}): string {
  const nummers = toewijzingNummers(t);
  const organisaties = new Map([...(t.consortium?.leden ?? []), t.aanbieder].map((o) => [o.id, o]));
  const rijen = t.componenten.map((c, i) => {
    const uitvoerder = organisaties.get(c.aanbiederId);
    const rij: Record<(typeof CSV_KOLOMMEN)[number], string | number | null> = {
      toewijzingId: t.toewijzingId,
      gemeenteCode: t.gemeente.code,
      bsn: t.client.bsn,
      clientNaam: t.client.naam,
      geboortedatum: t.client.geboortedatum,
      aanbiederAgb: t.aanbieder.agb,
      aanbiederKvk: t.aanbieder.kvk,
      aanbiederNaam: t.aanbieder.naam,
      productcategorie: c.productcategorie,
      productcode: c.productcode,
      startdatum: c.startdatum,
      einddatum: c.einddatum,
      omvang: c.volume?.omvang ?? null,
      eenheid: eenheidVan(c).eenheid,
      frequentie: eenheidVan(c).frequentie,
      budgetCent: c.budgetCent,
      redenWijziging: t.redenWijziging,
      resultaat: t.resultaatomschrijving,
      toewijzingNummer: nummers[i],
      omschrijving: c.omschrijving,
      uitvoerderAgb: uitvoerder?.agb ?? null,
      uitvoerderKvk: uitvoerder?.kvk ?? null,
      uitvoerderNaam: uitvoerder?.naam ?? null,
      consortiumNaam: t.consortium?.naam ?? null,
      toegewezenOp: t.toegewezenOp,
      hulpvraagId: t.hulpvraagId,
      totaalPerMaandCent: t.totaalPerMaandCent,
      uitvoeringsvariant: c.uitvoeringsvariant ?? null,
      vorm: vormVan(c),
      tariefPerEenheidCent: c.tariefPerEenheidCent ?? null,
    };
    return CSV_KOLOMMEN.map((k) => rij[k] ?? "");
  });
  return csv(CSV_KOLOMMEN, rijen, opts);
}
