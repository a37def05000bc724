/**
 * The award as an OCDS 1.1 release, for public accountability. Personal data of the client never
 * enters it: nothing from `t.client` is read, and free text (omschrijving, resultaatomschrijving)
 * is left out because a consulent or aanbieder may have typed a name or street into it.
 */
import type { ToewijzingExport, ToewijzingLid } from "./toewijzing-types";
import { nederlandseTijd, periodeVan } from "./toewijzing-wmo301";
import { IWMO_PRODUCTCATEGORIEEN } from "../schemas/catalogus";

/** Not a registered OCDS prefix (those are "ocds-" plus six characters); register one before publishing. */
export const OCDS_OCID_PREFIX = "ocds-zorgveiling-";

// OCDS wants date-times; a care period starts at Dutch midnight and ends at the last second of its last day.
function lokaalMoment(datum: string, tijd: string, utcPeilUur: string): string {
  // Sample the offset at an hour on that date clear of the 01:00 UTC DST switch.
  return `${datum}T${tijd}${nederlandseTijd(new Date(`${datum}T${utcPeilUur}:00:00Z`)).offset}`;
}

type OcdsOrganisatie = {
  id: string;
  name: string;
  roles: string[];
  identifier?: { scheme: string; id: string; legalName: string };
  additionalIdentifiers?: { scheme: string; id: string }[];
  details?: Record<string, unknown>;
};

export function ocdsRelease(t: ToewijzingExport, opts: { ocidPrefix?: string; now?: Date } = {}) {
  const prefix = opts.ocidPrefix ?? OCDS_OCID_PREFIX;
  const periode = periodeVan(t);
  if (!periode) throw new RangeError("Een gunning zonder componenten heeft geen OCDS-release");

  // The penvoerder first; consortium lists may or may not repeat it among the leden.
  const leveranciers = new Map<string, ToewijzingLid>();
  for (const o of [t.aanbieder, ...(t.consortium?.leden ?? [])]) if (!leveranciers.has(o.id)) leveranciers.set(o.id, o);

  const parties: OcdsOrganisatie[] = [
    { id: t.gemeente.id, name: t.gemeente.naam, roles: ["buyer"], details: { cbsGemeentecode: t.gemeente.code } },
    ...[...leveranciers.values()].map((o): OcdsOrganisatie => ({
      id: o.id,
      name: o.naam,
      roles: ["supplier"],
      identifier: { scheme: "NL-KVK", id: o.kvk, legalName: o.naam },
      // AGB (Vektis) has no org-id.guide code; published under a descriptive scheme name.
      additionalIdentifiers: [{ scheme: "NL-AGB", id: o.agb }],
      ...(t.consortium && {
        details: { consortium: t.consortium.naam, penvoerder: o.id === t.aanbieder.id },
      }),
    })),
  ];

  const items = t.componenten.map((c, i) => ({
    id: String(i + 1),
    description: IWMO_PRODUCTCATEGORIEEN[c.productcategorie] ?? `Productcategorie ${c.productcategorie}`,
    classification: {
      scheme: "iWmo-LDT_ProductCategorie",
      id: c.productcategorie,
      description: IWMO_PRODUCTCATEGORIEEN[c.productcategorie] ?? null,
    },
    additionalClassifications: [{ scheme: "iWmo-LDT_ProductCode", id: c.productcode }],
  }));
  const categorieen = [...new Set(items.map((i) => i.description))];
  const contractPeriod = {
    startDate: lokaalMoment(periode.startdatum, "00:00:00", "00"),
    endDate: lokaalMoment(periode.einddatum, "23:59:59", "21"),
  };

  return {
    ocid: `${prefix}${prefix.endsWith("-") ? "" : "-"}${t.hulpvraagId}`,
    id: `${t.toewijzingId}-award`,
    // A release must not change once published; the award moment keeps repeated exports identical.
    date: (opts.now ?? new Date(t.toegewezenOp)).toISOString(),
    tag: ["award"],
    initiationType: "tender",
    language: "nl",
    parties,
    buyer: { id: t.gemeente.id, name: t.gemeente.naam },
    tender: {
      id: t.hulpvraagId,
      title: `Wmo-maatwerkvoorziening: ${categorieen.join(", ")}`,
      status: "complete",
      // Only aanbieders holding a raamovereenkomst with the gemeente may bid.
      procurementMethod: "selective",
      procurementMethodDetails: "Uitvraag onder gecontracteerde aanbieders (Zorgveiling)",
      mainProcurementCategory: "services",
      items,
      contractPeriod,
    },
    awards: [
      {
        id: t.toewijzingId,
        status: "active",
        date: new Date(t.toegewezenOp).toISOString(),
        ...(t.consortium && {
          description: `Gegund aan consortium ${t.consortium.naam}, penvoerder ${t.aanbieder.naam}.`,
        }),
        // Whole period, so totals over awards add up; months from the earliest start to the latest end.
        value: { amount: periode.totaalCent / 100, currency: "EUR" },
        suppliers: [...leveranciers.values()].map((o) => ({ id: o.id, name: o.naam })),
        items,
        contractPeriod,
      },
    ],
  };
}
export type OcdsRelease = ReturnType<typeof ocdsRelease>;
