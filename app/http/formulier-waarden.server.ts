import { json, type TypedResponse } from "@remix-run/node";
import type { FormulierFout } from "./formulier.server";
import type { FormulierWaarden } from "../schemas/hulpvraag-formulier";

/** A refusal from `verwerk`, with the typed values added so the form is refilled without JavaScript. */
export async function metWaarden(fout: TypedResponse<FormulierFout>, waarden: FormulierWaarden) {
  const inhoud = (await fout.json()) as FormulierFout;
  return json({ ...inhoud, waarden }, { status: fout.status, headers: fout.headers });
}
