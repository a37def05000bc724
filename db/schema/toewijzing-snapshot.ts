/**
 * The shape of a toewijzing as it is frozen at the award (`toewijzingen.inhoud`, jsonb) and
 * as every export format reads it. It lives next to the table that stores it, so the schema
 * needs nothing from app/; the domain uses it through app/domain/toewijzing-types.ts.
 */
export type ToewijzingLid = { id: string; naam: string; agb: string; kvk: string };

export type ToewijzingComponent = {
  aanbiederId: string;
  productcategorie: string; // LDT_ProductCategorie, "01".."10" in scope
  productcode: string; // 1–5 characters, e.g. "01A01"
  omschrijving: string;
  startdatum: string; // YYYY-MM-DD
  einddatum: string; // YYYY-MM-DD, last day of care (inclusive)
  /** From the gemeente's productcodelijst; absent in toewijzingen made before the list existed. */
  uitvoeringsvariant?: "inspanningsgericht" | "outputgericht" | "taakgericht";
  /** The tariff per eenheid agreed at the award, in cents: the offer's price per eenheid (at least the code's reëel tarief), what volume × tarief reconciles with. */
  tariefPerEenheidCent?: number | null;
  /** Volume-based uitvoeringsvariant; exactly one of volume and budgetCent is set. */
  volume: { omvang: number; eenheid: string; frequentie: string } | null;
  /** Budget per month in cents when not volume based. */
  budgetCent: number | null;
  /** iWmo wants ToewijzingNummer unique per gemeente: pass a database sequence value when there is one. */
  toewijzingNummer?: number;
};

export type ToewijzingExport = {
  toewijzingId: string;
  hulpvraagId: string;
  toegewezenOp: string; // ISO 8601 moment
  gemeente: { id: string; naam: string; code: string }; // CBS code, 4 digits
  client: {
    bsn: string;
    naam: string;
    geboortedatum: string;
    postcode: string;
    huisnummer: string; // the number only (digits) since the client record has huisletter and toevoeging
    straat: string;
    woonplaats: string;
    /** LDT_Geslacht: 0 onbekend (default), 1 man, 2 vrouw. WMO301 requires the element. */
    geslacht?: "0" | "1" | "2";
    // The name and address as the WMO301 wants them, from the client record (absent in older toewijzingen).
    voorletters?: string | null;
    voorvoegsel?: string | null;
    achternaam?: string | null;
    huisletter?: string | null;
    huisnummertoevoeging?: string | null;
  };
  aanbieder: ToewijzingLid; // the penvoerder for a consortium
  consortium?: { id: string; naam: string; leden: ToewijzingLid[] } | null;
  redenWijziging: string | null; // "09" when care moves to another aanbieder, else null
  resultaatomschrijving: string;
  componenten: ToewijzingComponent[];
  totaalPerMaandCent: number;
};
