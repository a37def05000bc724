import { json, redirect, type TypedResponse } from "@remix-run/node";
import { isDomainError, type Foutcode, type FoutDetail } from "../domain/errors";

/** What a refused form action returns: the Dutch message, the rule code and each wrong field. */
export type FormulierFout = { ok: false; code: Foutcode; melding: string; fouten: FoutDetail[] };

/**
 * Runs a form action's domain call. A domain refusal comes back as data with its HTTP status,
 * so the form shows the message at each field; anything else stays an error for the boundary.
 */
export async function verwerk<T>(werk: () => Promise<T>): Promise<T | TypedResponse<FormulierFout>> {
  try {
    return await werk();
  } catch (e) {
    if (e instanceof Response) throw e;
    if (isDomainError(e)) {
      const headers = e.retryAfterSeconds ? { "Retry-After": String(e.retryAfterSeconds) } : undefined;
      return json<FormulierFout>({ ok: false, code: e.code, melding: e.message, fouten: e.details }, { status: e.status, headers });
    }
    throw e;
  }
}

/** After a successful POST: redirect so that a reload never repeats the action. */
export const naar = (pad: string, melding?: string) => redirect(melding ? `${pad}${pad.includes("?") ? "&" : "?"}melding=${encodeURIComponent(melding)}` : pad);

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
