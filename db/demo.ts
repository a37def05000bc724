/** The demo region: the single description of who and what the seed creates (README lists the same). */
export const DEMO_WACHTWOORD = "zorgveiling-demo";

export const DEMO_GEMEENTEN = [
  { id: "winterswijk", naam: "Winterswijk", code: "0294" },
  { id: "aalten", naam: "Aalten", code: "0197" },
];

export const DEMO_AANBIEDERS = [
  {
    slug: "thuiszorg-achterhoek",
    naam: "Thuiszorg Achterhoek",
    soort: "thuiszorg",
    kvk: "08123456",
    agb: "98000001",
    personeel: { koppen: 120, fte: 84.5 },
    categorieen: ["01", "03"],
  },
  {
    slug: "begeleiding-oost",
    naam: "Begeleiding Oost",
    soort: "begeleiding",
    kvk: "08234567",
    agb: "98000002",
    personeel: { koppen: 80, fte: 56 },
    categorieen: ["02", "06", "10"],
  },
  {
    slug: "de-klaproos",
    naam: "Dagbesteding De Klaproos",
    soort: "dagbesteding",
    kvk: "08345678",
    agb: "98000003",
    personeel: { koppen: 60, fte: 38.5 },
    categorieen: ["07", "08", "09"],
  },
  {
    slug: "welzijn-winterswijk",
    naam: "Welzijn Winterswijk",
    soort: "welzijn",
    kvk: "08456789",
    agb: "98000004",
    personeel: { koppen: 40, fte: 27 },
    categorieen: ["02", "06", "09"],
  },
  {
    slug: "zorgbureau-nieuw",
    naam: "Zorgbureau Nieuw",
    soort: "thuiszorg",
    kvk: "08567890",
    agb: "98000005",
    personeel: { koppen: 10, fte: 7 },
    categorieen: [],
  },
];

/** Every demo provider's personeelsbestand (above) is seeded for these years: the denominator of rule 4's cap. */
export const DEMO_PERSONEELSJAREN = [2025, 2026, 2027, 2028];

export const DEMO_CONSORTIUM = {
  naam: "Samen Thuis Achterhoek",
  penvoerder: "begeleiding-oost",
  leden: ["begeleiding-oost", "thuiszorg-achterhoek"],
};

type Variant = "inspanningsgericht" | "outputgericht" | "taakgericht";
type DemoCode = {
  /** The code without the gemeente letter: "01" + letter + "01" makes "01W01" (Winterswijk), "01A01" (Aalten). */
  categorie: string;
  volgnummer: string;
  omschrijving: string;
  variant: Variant;
  eenheid: string; // WJ756
  frequentie: string; // WMO757
  /** Reëel tarief per eenheid in cents (per uur, per stuk, per dagdeel, … ; taakgericht: per maand). */
  tarief: number;
};

/**
 * The productcodelijst of each demo gemeente: several codes per category, every uitvoeringsvariant
 * present (app/domain/productcode-varianten.ts). Each gemeente has its own codes (its letter in
 * the middle) and Aalten its own tariffs, as gemeenten in one region do.
 */
export const DEMO_PRODUCTCODE_LIJST: DemoCode[] = [
  {
    categorie: "01",
    volgnummer: "01",
    omschrijving: "Schoon en leefbaar huis, resultaat per maand",
    variant: "outputgericht",
    eenheid: "82",
    frequentie: "4",
    tarief: 41500,
  },
  {
    categorie: "01",
    volgnummer: "02",
    omschrijving: "Hulp bij het huishouden per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 3350,
  },
  {
    categorie: "01",
    volgnummer: "03",
    omschrijving: "Wasverzorging, resultaat per maand",
    variant: "outputgericht",
    eenheid: "82",
    frequentie: "4",
    tarief: 9500,
  },
  {
    categorie: "02",
    volgnummer: "01",
    omschrijving: "Begeleiding individueel, resultaat per maand",
    variant: "outputgericht",
    eenheid: "82",
    frequentie: "4",
    tarief: 56300,
  },
  {
    categorie: "02",
    volgnummer: "02",
    omschrijving: "Begeleiding individueel per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 6800,
  },
  {
    categorie: "02",
    volgnummer: "03",
    omschrijving: "Begeleiding individueel specialistisch per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 8200,
  },
  {
    categorie: "02",
    volgnummer: "04",
    omschrijving: "Begeleiding als taak, vast bedrag per maand",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 52000,
  },
  {
    categorie: "03",
    volgnummer: "01",
    omschrijving: "Persoonlijke verzorging per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 5600,
  },
  {
    categorie: "03",
    volgnummer: "02",
    omschrijving: "Persoonlijke verzorging per minuut",
    variant: "inspanningsgericht",
    eenheid: "01",
    frequentie: "2",
    tarief: 94,
  },
  {
    categorie: "04",
    volgnummer: "01",
    omschrijving: "Kortdurend verblijf per etmaal",
    variant: "inspanningsgericht",
    eenheid: "14",
    frequentie: "4",
    tarief: 14500,
  },
  {
    categorie: "04",
    volgnummer: "02",
    omschrijving: "Logeeropvang ter ontlasting van de mantelzorger",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 95000,
  },
  {
    categorie: "05",
    volgnummer: "01",
    omschrijving: "Woondiensten",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 30000,
  },
  {
    categorie: "05",
    volgnummer: "02",
    omschrijving: "Woonbegeleiding per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 6000,
  },
  {
    categorie: "06",
    volgnummer: "01",
    omschrijving: "Ondersteuning thuis per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 6200,
  },
  {
    categorie: "06",
    volgnummer: "02",
    omschrijving: "Cliëntondersteuning als taak",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 25000,
  },
  {
    categorie: "07",
    volgnummer: "01",
    omschrijving: "Dagbesteding per dagdeel",
    variant: "inspanningsgericht",
    eenheid: "16",
    frequentie: "2",
    tarief: 4800,
  },
  {
    categorie: "07",
    volgnummer: "02",
    omschrijving: "Dagbesteding, resultaat per maand",
    variant: "outputgericht",
    eenheid: "82",
    frequentie: "4",
    tarief: 48000,
  },
  {
    categorie: "08",
    volgnummer: "01",
    omschrijving: "Vervoer naar dagbesteding per rit",
    variant: "inspanningsgericht",
    eenheid: "84",
    frequentie: "2",
    tarief: 900,
  },
  {
    categorie: "08",
    volgnummer: "02",
    omschrijving: "Vervoer naar dagbesteding als taak, vast bedrag per maand",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 9000,
  },
  {
    categorie: "09",
    volgnummer: "01",
    omschrijving: "Groepsactiviteit per dagdeel",
    variant: "inspanningsgericht",
    eenheid: "16",
    frequentie: "2",
    tarief: 2500,
  },
  {
    categorie: "09",
    volgnummer: "02",
    omschrijving: "Inloop en ontmoeting als taak",
    variant: "taakgericht",
    eenheid: "83",
    frequentie: "4",
    tarief: 15000,
  },
  {
    categorie: "10",
    volgnummer: "01",
    omschrijving: "Maatwerkarrangement, resultaat per maand",
    variant: "outputgericht",
    eenheid: "82",
    frequentie: "4",
    tarief: 35000,
  },
  {
    categorie: "10",
    volgnummer: "02",
    omschrijving: "Maatwerk per uur",
    variant: "inspanningsgericht",
    eenheid: "04",
    frequentie: "2",
    tarief: 6500,
  },
];

/** The letter in each gemeente's codes, and its tariffs as a share of the list above (Aalten 2% lower). */
export const DEMO_CODELETTER: Record<string, { letter: string; procent: number }> = {
  winterswijk: { letter: "W", procent: 100 },
  aalten: { letter: "A", procent: 98 },
};

/** The codes of one demo gemeente, with their tariffs. */
export function demoProductcodes(gemeenteId: string) {
  const { letter, procent } = DEMO_CODELETTER[gemeenteId];
  return DEMO_PRODUCTCODE_LIJST.map((c) => ({
    ...c,
    code: `${c.categorie}${letter}${c.volgnummer}`,
    tarief: Math.round((c.tarief * procent) / 100),
  }));
}

/**
 * Codes a contract leaves out: specialist begeleiding (02?03) only Begeleiding Oost delivers; the
 * welfare organisation's contract names its other 02 codes.
 */
export const DEMO_NIET_GECONTRACTEERD: Record<string, string[]> = {
  "welzijn-winterswijk": ["02", "03"],
};

export const DEMO_GEBRUIKERS = [
  { email: "beheerder@winterswijk.demo", naam: "Bea Beheer", rol: "beheerder", gemeente: "winterswijk" },
  { email: "consulent@winterswijk.demo", naam: "Cees Consulent", rol: "consulent", gemeente: "winterswijk" },
  // A second consulent: confirms a colleague's choice against the client's preference (four eyes, rule 7).
  { email: "collega@winterswijk.demo", naam: "Cor Collega", rol: "consulent", gemeente: "winterswijk" },
  { email: "toezicht@winterswijk.demo", naam: "Tineke Toezicht", rol: "toezichthouder", gemeente: "winterswijk" },
  { email: "beheerder@aalten.demo", naam: "Bram Beheer", rol: "beheerder", gemeente: "aalten" },
  { email: "consulent@aalten.demo", naam: "Ans Consulent", rol: "consulent", gemeente: "aalten" },
  ...DEMO_AANBIEDERS.map((a) => ({
    email: `planning@${a.slug}.demo`,
    naam: `Planning ${a.naam}`,
    rol: "aanbieder",
    aanbieder: a.slug,
  })),
  // The provider's own account manager: in real use its first account comes from a gemeente's invitation.
  ...DEMO_AANBIEDERS.map((a) => ({
    email: `beheer@${a.slug}.demo`,
    naam: `Beheer ${a.naam}`,
    rol: "aanbieder-beheerder",
    aanbieder: a.slug,
  })),
] as const satisfies readonly { email: string; naam: string; rol: string; gemeente?: string; aanbieder?: string }[];
