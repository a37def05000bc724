import { euro } from "../format/nl";
import { perEenheid } from "./productcode-varianten";

/** A product code's reëel tarief as the gemeente set it: one amount per eenheid of the code (OP262/OP263). */
export type CodeTarief = { code: string; eenheid: string; tariefPerEenheidCent: number };

/** Rule 3's floor for one component: the code's tariff per eenheid, the one number the server enforces. */
export function reeleVloer(t: CodeTarief): number {
  return t.tariefPerEenheidCent;
}

/** "€ 68,00 per uur": the floor as the offer page shows it and the refusal names it. */
export function vloerTekst(t: CodeTarief): string {
  return `${euro(reeleVloer(t))} ${perEenheid(t.eenheid)}`;
}

/** Whether a price per eenheid meets the floor. */
export function voldoetAanVloer(t: CodeTarief, prijsPerEenheidCent: number): boolean {
  return prijsPerEenheidCent >= reeleVloer(t);
}

/** The refusal's sentence: the same number and wording as on the page, with what was offered. */
export function vloerWeigering(t: CodeTarief, prijsPerEenheidCent: number): string {
  return `Het reële tarief voor productcode ${t.code} is minimaal ${vloerTekst(t)}; u biedt ${euro(prijsPerEenheidCent)} ${perEenheid(t.eenheid)}.`;
}
