import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { inzageBestandsnaam, inzageExport } from "../domain/inzage.server";
import { ofNietGevonden } from "../http/gevonden.server";

/** The AVG access-request download behind the link on the client list. */
export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const medewerker = vereisGebruiker(context, request, "consulent", "beheerder");
  const id = params.id ?? "";
  const document = await ofNietGevonden(inzageExport(medewerker, id));
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${inzageBestandsnaam(id)}"`,
    },
  });
}
