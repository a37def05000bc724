import { stringify } from "csv-stringify/sync";

/**
 * CSV as Dutch spreadsheets open it: `;` between cells, a BOM so Excel reads UTF-8, every text
 * cell quoted, and a cell that starts with = + - @ tab or CR prefixed with ' so a spreadsheet
 * never runs it as a formula (CSV injection). (Issue 12 brings the same writer; to be unified.)
 */
export function csv(kop: string[], rijen: (string | number | null | undefined)[][]): string {
  const veilig = (v: string | number | null | undefined) => {
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return v;
    return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  };
  return stringify([kop, ...rijen.map((r) => r.map(veilig))], { delimiter: ";", bom: true, quoted_string: true, record_delimiter: "windows" });
}

export function csvAntwoord(bestandsnaam: string, inhoud: string): Response {
  return new Response(inhoud, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${bestandsnaam}"` },
  });
}
