/**
 * One iWmo rule as our checker runs it: its code from the standard (CD…, CS…, TR…, OP…), and
 * a check on the message as read by ./bericht.ts that returns Dutch messages, one per breach.
 */
import type { Wmo301Bericht } from "./bericht";

export type Regelfout = { code: string; melding: string };

/** What the caller knows beyond the file: the AGB code of the aanbieder the toewijzing is for. */
export type Context = { aanbiederAgb?: string };

export type Regel = {
  code: string;
  /** The rule's text in the standard, shortened; shown by `npm run iwmo:check`. */
  omschrijving: string;
  controleer: (b: Wmo301Bericht, context: Context) => string[];
};
