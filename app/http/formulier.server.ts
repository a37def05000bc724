import { json, redirect, type TypedResponse } from "@remix-run/node";
import { isDomainError, type Foutcode, type FoutDetail } from "../domain/errors";
import type { FormulierWaarden } from "../schemas/formulier";

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
      return json<FormulierFout>(
        { ok: false, code: e.code, melding: e.message, fouten: e.details },
        { status: e.status, headers },
      );
    }
    throw e;
  }
}

/** After a successful POST: redirect so that a reload never repeats the action. */
export const naar = (pad: string, melding?: string) =>
  redirect(melding ? `${pad}${pad.includes("?") ? "&" : "?"}melding=${encodeURIComponent(melding)}` : pad);

/** A refusal from `verwerk`, with the typed values added so the form is refilled without JavaScript. */
export async function metWaarden(fout: TypedResponse<FormulierFout>, waarden: FormulierWaarden) {
  const inhoud = (await fout.json()) as FormulierFout;
  return json({ ...inhoud, waarden }, { status: fout.status, headers: fout.headers });
}
