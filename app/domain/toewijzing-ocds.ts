/**
 * The award as an OCDS 1.1 release, for public accountability. Personal data of the client never
 * enters it: nothing from `t.client` is read, and free text (omschrijving, resultaatomschrijving)
 * is left out because a consulent or aanbieder may have typed a name or street into it.
 */
import type { ToewijzingExport, ToewijzingLid } from "./toewijzing-types";
import { nederlandseTijd, periodeVan } from "./toewijzing-wmo301";
import { IWMO_PRODUCTCATEGORIEEN } from "../schemas/catalogus";

/**
 * The placeholder for the ocid prefix (`OCDS_PREFIX`): the shape of a registered prefix ("ocds-" and
 * six characters) but not one; a gemeente registers its own with the Open Contracting Partnership.
 */
export const OCDS_OCID_PREFIX = "ocds-xxxxxx";

export const ocidVan = (prefix: string, hulpvraagId: string) =>
  `${prefix}${prefix.endsWith("-") ? "" : "-"}${hulpvraagId}`;

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

/** What the release tells beyond the frozen toewijzing: the round it closed and what it rests on. */
export type OcdsProces = {
  /** Publication to deadline: the time aanbieders had to bid (ISO moments). */
  tenderPeriode?: { van: string; tot: string } | null;
  /** Bidders whose offer stood at the deadline (withdrawn offers do not count). */
  aantalInschrijvers?: number;
  /** Each supplier's raamovereenkomst with the gemeente: the framework the award is a call-off from. */
  raamovereenkomsten?: { id: string; aanbiederNaam: string; startdatum: string; einddatum: string }[];
  /** The earlier round of this request, which ended without a suitable offer. */
  vorigeRondeId?: string | null;
};

/**
 * Whether the award price is in the release. Withheld, the release is a different release (its own
 * id), because a published release never changes: the priced one appears when the delay is over.
 */
export type OcdsPrijs = { zichtbaar: true } | { zichtbaar: false; vanaf: Date };

export function ocdsRelease(
  t: ToewijzingExport,
  opts: { ocidPrefix?: string; now?: Date; proces?: OcdsProces; prijs?: OcdsPrijs } = {},
) {
  const prefix = opts.ocidPrefix ?? OCDS_OCID_PREFIX;
  const proces = opts.proces ?? {};
  const prijs = opts.prijs ?? { zichtbaar: true };
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

  const value = prijs.zichtbaar ? { value: { amount: periode.totaalCent / 100, currency: "EUR" } } : {};
  const prijsUitleg = prijs.zichtbaar
    ? null
    : `De prijs wordt voor andere aanbieders gepubliceerd vanaf ${prijs.vanaf.toISOString().slice(0, 10)} (regelboek van de gemeente).`;
  const relatedProcesses = [
    ...(proces.raamovereenkomsten ?? []).map((r) => ({
      id: `raamovereenkomst-${r.id}`,
      relationship: ["framework"],
      title: `Raamovereenkomst Wmo ${t.gemeente.naam} met ${r.aanbiederNaam}, ${r.startdatum} tot en met ${r.einddatum}`,
      // Contracted outside Zorgveiling, so no ocid of ours: the contract's own id, under our scheme name.
      scheme: "Zorgveiling-raamovereenkomst",
      identifier: r.id,
    })),
    ...(proces.vorigeRondeId
      ? [
          {
            id: `vorige-ronde-${proces.vorigeRondeId}`,
            relationship: ["unsuccessfulProcess"],
            title: "Vorige ronde van deze hulpvraag, afgesloten zonder passend aanbod",
            scheme: "ocid",
            identifier: ocidVan(prefix, proces.vorigeRondeId),
          },
        ]
      : []),
  ];

  return {
    ocid: ocidVan(prefix, t.hulpvraagId),
    id: `${t.toewijzingId}-award${prijs.zichtbaar ? "" : "-zonder-prijs"}`,
    // A release must not change once published; the award moment keeps repeated exports identical.
    date: (opts.now ?? new Date(t.toegewezenOp)).toISOString(),
    tag: ["award", "contract"],
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
      ...(proces.tenderPeriode && {
        tenderPeriod: { startDate: proces.tenderPeriode.van, endDate: proces.tenderPeriode.tot },
      }),
      ...(proces.aantalInschrijvers !== undefined && { numberOfTenderers: proces.aantalInschrijvers }),
    },
    ...(relatedProcesses.length > 0 && { relatedProcesses }),
    awards: [
      {
        id: t.toewijzingId,
        status: "active",
        date: new Date(t.toegewezenOp).toISOString(),
        ...((t.consortium || prijsUitleg) && {
          description: [
            t.consortium && `Gegund aan consortium ${t.consortium.naam}, penvoerder ${t.aanbieder.naam}.`,
            prijsUitleg,
          ]
            .filter(Boolean)
            .join(" "),
        }),
        // Whole period, so totals over awards add up; months from the earliest start to the latest end.
        ...value,
        suppliers: [...leveranciers.values()].map((o) => ({ id: o.id, name: o.naam })),
        items,
        contractPeriod,
      },
    ],
    // The toewijzing is the contract: care from the award's start to its end, at the awarded price.
    contracts: [
      {
        id: t.toewijzingId,
        awardID: t.toewijzingId,
        title: "Toewijzing Wmo-maatwerkvoorziening",
        status: "active",
        period: contractPeriod,
        ...value,
        items,
      },
    ],
  };
}
export type OcdsRelease = ReturnType<typeof ocdsRelease>;
