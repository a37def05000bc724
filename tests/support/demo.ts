/**
 * The demo logins the tests sign in with, named once. The people themselves (and the password)
 * are described in db/demo.ts.
 */
export { DEMO_WACHTWOORD } from "../../db/demo";
import { demoProductcodes } from "../../db/demo";

export const CONSULENT = "consulent@winterswijk.demo";
export const CONSULENT_AALTEN = "consulent@aalten.demo";
/** A second consulent of Winterswijk: the colleague who confirms a choice against the client (four eyes). */
export const COLLEGA = "collega@winterswijk.demo";
export const BEHEERDER = "beheerder@winterswijk.demo";
export const BEHEERDER_AALTEN = "beheerder@aalten.demo";
export const TOEZICHT = "toezicht@winterswijk.demo";
export const THUISZORG = "planning@thuiszorg-achterhoek.demo";
/** Penvoerder of the consortium Samen Thuis Achterhoek (co_samen_thuis). */
export const BEGELEIDING = "planning@begeleiding-oost.demo";
export const WELZIJN = "planning@welzijn-winterswijk.demo";
export const KLAPROOS = "planning@de-klaproos.demo";
/** An aanbieder without any contract. */
export const ZONDER_CONTRACT = "planning@zorgbureau-nieuw.demo";
/** The aanbieder-beheerder of Thuiszorg Achterhoek: manages its own organisation's logins. */
export const AANBIEDER_BEHEERDER = "beheer@thuiszorg-achterhoek.demo";

/**
 * Codes of Winterswijk's demo productcodelijst (db/demo.ts) the tests offer with, and their
 * reëel tarief per eenheid today. The monthly ones (outputgericht, 1 stuk per maand) make an
 * offer's monthly price equal to its price per eenheid.
 */
export const CODE = {
  huishoudenMaand: "01W01",
  huishoudenUur: "01W02",
  begeleidingMaand: "02W01",
  begeleidingUur: "02W02",
  begeleidingSpecialistisch: "02W03",
  begeleidingTaak: "02W04",
  /** Aalten's code for the same product: not on Winterswijk's list. */
  huishoudenAalten: "01A01",
} as const;
export const tariefVan = (code: string, gemeente = code[2] === "A" ? "aalten" : "winterswijk") =>
  demoProductcodes(gemeente).find((c) => c.code === code)!.tarief;
/** The monthly code per category, as `aanbod` in ronde.ts uses it. */
export const MAANDCODE = { "01": CODE.huishoudenMaand, "02": CODE.begeleidingMaand } as const;
