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

/** Reële tarieven per month (and per hour where the category is hour-based), in cents. */
export const DEMO_TARIEVEN: Record<string, { maand: number; uur?: number }> = {
  "01": { maand: 41500, uur: 3350 },
  "02": { maand: 56300, uur: 6800 },
  "03": { maand: 52000, uur: 5600 },
  "04": { maand: 95000 },
  "05": { maand: 30000 },
  "06": { maand: 25000, uur: 6200 },
  "07": { maand: 48000 },
  "08": { maand: 9000 },
  "09": { maand: 15000 },
  "10": { maand: 35000 },
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
