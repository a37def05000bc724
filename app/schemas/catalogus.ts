/** The fixed lists of the domain, with the Dutch labels people read. Codes are those of api.md. */
export const RESULTATEN = {
  schoon_huis: "Schoon en leefbaar huis",
  schone_kleding: "Schone en draagbare kleding",
  boodschappen_maaltijden: "Boodschappen en maaltijden",
  regie_financien: "Regie over het eigen leven en de eigen financiën",
  sociale_contacten: "Sociale contacten en meedoen",
  dagbesteding: "Dagbesteding",
  persoonlijke_verzorging: "Persoonlijke verzorging",
  ontlasting_mantelzorger: "Ontlasting van de mantelzorger",
} as const;
export type ResultaatCode = keyof typeof RESULTATEN;
export const RESULTAAT_CODES = Object.keys(RESULTATEN) as [ResultaatCode, ...ResultaatCode[]];

/**
 * iWmo LDT_ProductCategorie, the whole code list with its official names: the exports validate
 * against all of it. The marketplace asks for 01–10; 11–18 (aids, housing, shelter) are out of scope.
 */
export const IWMO_PRODUCTCATEGORIEEN: Readonly<Record<string, string>> = {
  "01": "Hulp bij het huishouden",
  "02": "Begeleiding",
  "03": "Persoonlijke verzorging",
  "04": "Kortdurend verblijf",
  "05": "Woondiensten",
  "06": "Overige ondersteuning gericht op het individu of huishouden/gezin",
  "07": "Dagbesteding",
  "08": "Vervoerdiensten",
  "09": "Overige groepsgerichte ondersteuning",
  "10": "Overige maatwerk arrangementen",
  "11": "Rolstoelen",
  "12": "Vervoervoorzieningen",
  "13": "Woonvoorzieningen",
  "14": "Overige hulpmiddelen",
  "15": "Beschermd wonen",
  "16": "Opvang",
  "17": "Spoedopvang",
  "18": "Overige beschermd wonen en opvang",
};
export const PRODUCTCATEGORIE_CODES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"] as const;
export type Productcategorie = (typeof PRODUCTCATEGORIE_CODES)[number];
export const PRODUCTCATEGORIEEN = Object.fromEntries(
  PRODUCTCATEGORIE_CODES.map((c) => [c, IWMO_PRODUCTCATEGORIEEN[c]]),
) as Record<Productcategorie, string>;

export const LEEFTIJDSKLASSEN = ["18-64", "65-74", "75-84", "85+"] as const;

export const HUISHOUDENS = {
  alleenstaand: "Alleenstaand",
  met_partner: "Met partner",
  met_kinderen: "Met kinderen",
  anders: "Anders",
} as const;
export const HUISHOUDEN_CODES = Object.keys(HUISHOUDENS) as [keyof typeof HUISHOUDENS, ...(keyof typeof HUISHOUDENS)[]];

export const URGENTIES = { regulier: "Regulier", spoed: "Spoed" } as const;

export const CAOS = {
  vvt: "cao VVT (Verpleeg-, Verzorgingshuizen en Thuiszorg)",
  sociaal_werk: "cao Sociaal Werk",
  gehandicaptenzorg: "cao Gehandicaptenzorg",
  hht: "cao Huishoudelijke Hulp en Thuisondersteuning (HHT)",
  ggz: "cao GGZ",
} as const;
export const CAO_CODES = Object.keys(CAOS) as [keyof typeof CAOS, ...(keyof typeof CAOS)[]];

export const DIENSTVERBANDEN = {
  loondienst: "In loondienst",
  zzp: "Zelfstandige zonder personeel (zzp)",
  alfahulp: "Alfahulp (in dienst van de cliënt)",
} as const;
