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

/** iWmo LDT_ProductCategorie 01–10; 11–18 (aids, housing, shelter) are out of scope. */
export const PRODUCTCATEGORIEEN = {
  "01": "Hulp bij het huishouden",
  "02": "Begeleiding",
  "03": "Persoonlijke verzorging",
  "04": "Kortdurend verblijf",
  "05": "Woondiensten",
  "06": "Overige ondersteuning individu/huishouden",
  "07": "Dagbesteding",
  "08": "Vervoerdiensten",
  "09": "Overige groepsgerichte ondersteuning",
  "10": "Overige maatwerkarrangementen",
} as const;
export type Productcategorie = keyof typeof PRODUCTCATEGORIEEN;
export const PRODUCTCATEGORIE_CODES = Object.keys(PRODUCTCATEGORIEEN) as [Productcategorie, ...Productcategorie[]];

export const LEEFTIJDSKLASSEN = ["18-64", "65-74", "75-84", "85+"] as const;

export const HUISHOUDENS = { alleenstaand: "Alleenstaand", met_partner: "Met partner", met_kinderen: "Met kinderen", anders: "Anders" } as const;
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

export const DIENSTVERBANDEN = { loondienst: "In loondienst", zzp: "Zelfstandige zonder personeel (zzp)", alfahulp: "Alfahulp (in dienst van de cliënt)" } as const;
