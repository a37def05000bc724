import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaVoorSleutel } from "../domain/agenda.server";
import { DomainError } from "../domain/errors";

/** The secret calendar address (iCal): the secret is the only credential, as calendar apps cannot sign in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const sleutel = (params.sleutel ?? "").replace(/\.ics$/, "");
  try {
    const inhoud = await agendaVoorSleutel(sleutel);
    return new Response(inhoud, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="zorgveiling.ics"',
      },
    });
  } catch (e) {
    if (e instanceof DomainError)
      return new Response("Dit agenda-adres bestaat niet (meer). Maak in Zorgveiling een nieuw adres.", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    throw e;
  }
}
