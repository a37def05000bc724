import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { DomainError, isDomainError } from "../domain/errors";
import { leesWmo301, toewijzingVanHulpvraag } from "../domain/iwmo/keten.server";

/**
 * The WMO301 the gemeente sent, for the provider it is addressed to, signed in with its session
 * (the API wants a bearer token; a download link in the browser only has the cookie).
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const aanbieder = vereisGebruiker(context, request, "aanbieder");
  try {
    const toewijzingId = await toewijzingVanHulpvraag(params.id!);
    if (!toewijzingId) throw new DomainError("not_found");
    const b = await leesWmo301(aanbieder, toewijzingId);
    return new Response(b.xml, {
      headers: {
        "Content-Type": "application/xml; charset=utf-8",
        "Content-Disposition": `attachment; filename="${b.bestandsnaam}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (isDomainError(e)) throw new Response(e.message, { status: e.status });
    throw e;
  }
}
