/** Reading a submitted form (FormData) into the values the shared zod schemas parse. */

/** Form values of one name, for checkbox groups and repeated fields. */
export function alle(formulier: FormData, naam: string): string[] {
  return formulier.getAll(naam).filter((v): v is string => typeof v === "string" && v !== "");
}

/** A single text value; empty strings become undefined so optional schema fields stay optional. */
export function tekst(formulier: FormData, naam: string): string | undefined {
  const v = formulier.get(naam);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/** Dutch money input ("1.234,50", "€ 85", "85.5") to integer cents; NaN when it is not an amount. */
export function centen(invoer: string | undefined): number | undefined {
  if (invoer === undefined) return undefined;
  let s = invoer.replace(/[€\s]/g, "");
  if (/,\d{1,2}$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  return Math.round(Number(s) * 100);
}

/** A number field ("36", "2,5"); empty is undefined, anything else unparseable NaN for the schema to refuse. */
export function getal(formulier: FormData, naam: string): number | undefined {
  const v = tekst(formulier, naam);
  return v === undefined ? undefined : Number(v.trim().replace(",", "."));
}

/** What a form's fields show, by field name: typed text after a refusal, or stored values. */
export type FormulierWaarden = Record<string, string | string[]>;

/** The values as typed, so a page without JavaScript shows them again after a refusal; `lijsten` are the multi-value fields. */
export function getypteWaarden(formulier: FormData, lijsten: readonly string[] = []): FormulierWaarden {
  const waarden: FormulierWaarden = {};
  for (const naam of new Set(formulier.keys())) {
    const alleWaarden = formulier.getAll(naam).filter((v): v is string => typeof v === "string");
    waarden[naam] = lijsten.includes(naam) ? alleWaarden : (alleWaarden[0] ?? "");
  }
  return waarden;
}
