/**
 * The demo logins the tests sign in with, named once. The people themselves (and the password)
 * are described in db/demo.ts.
 */
export { DEMO_WACHTWOORD } from "../../db/demo";

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
