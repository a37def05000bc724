import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { isDomainError } from "../domain/errors";
import { ofNietGevonden } from "../http/gevonden.server";
import { isBestandsformaat, toewijzingBestand } from "../http/toewijzing-bestand.server";

/**
 * The toewijzing as a file for the gemeente's staff, signed in with their session: the API wants a
 * bearer token, a download link in the browser only has the cookie. Same builders as the API.
 */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const medewerker = vereisGebruiker(context, request, "consulent", "beheerder");
  const formaat = params.formaat;
  if (!isBestandsformaat(formaat)) throw new Response("Onbekend formaat", { status: 404 });
  try {
    const bestand = await ofNietGevonden(toewijzingBestand(medewerker, params.id!, formaat));
    return new Response(bestand.inhoud, {
      headers: {
        "Content-Type": bestand.contentType,
        "Content-Disposition": `attachment; filename="${bestand.bestandsnaam}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    // A message that breaks the XSD or an iWmo rule is not handed out: the page says which rules, instead of a file.
    if (isDomainError(e))
      throw new Response([e.message, ...e.details.map((d) => d.message)].join("\n"), {
        status: e.status,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw e;
  }
}
