import { stringify } from "csv-stringify/sync";

/**
 * A spreadsheet runs a text cell that starts like a formula. csv-stringify's escape_formulas puts a
 * `'` before = + - @ tab and CR; this also covers what Excel still reads as a formula after
 * leading spaces, and the full-width signs.
 */
function neutraal(v: string): string {
  return /^[\s\u00a0]+[=+\-@]|^[\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v;
}

/**
 * The one CSV writer: as Dutch Excel opens it, `;`-separated (its list separator), UTF-8 with a
 * BOM, CRLF, every text cell quoted (so a `;` or line break inside a text never starts another
 * cell) and formula-neutralised; numbers bare, empty for null. `bom: false` leaves the BOM out.
 */
export function csv(
  kop: readonly string[],
  rijen: (string | number | null | undefined)[][],
  opts: { bom?: boolean } = {},
): string {
  return stringify([[...kop], ...rijen.map((r) => r.map((v) => v ?? ""))], {
    delimiter: ";",
    record_delimiter: "windows",
    bom: opts.bom ?? true,
    quoted_string: true,
    escape_formulas: true,
    cast: { string: neutraal },
  });
}
