import { CAOS, DIENSTVERBANDEN, HUISHOUDENS, PRODUCTCATEGORIEEN, RESULTATEN, URGENTIES } from "../schemas/catalogus";

/** Labels for codes that may come from the database as plain strings; an unknown code shows as itself. */
const label = (lijst: Record<string, string>) => (code: string) => lijst[code] ?? code;

/** The category in words, for clients; categorieTekst puts the iWmo code in front for staff. */
export const categorieNaam = label(PRODUCTCATEGORIEEN);
export const categorieTekst = (code: string) => `${code} ${categorieNaam(code)}`;
export const resultaatTekst = label(RESULTATEN);
export const huishoudenTekst = label(HUISHOUDENS);
export const urgentieTekst = label(URGENTIES);
export const caoTekst = label(CAOS);
export const dienstverbandTekst = label(DIENSTVERBANDEN);
