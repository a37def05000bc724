import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { STARTPAGINA } from "../auth/guards.server";
import { meldClientAan } from "../auth/session.server";
import { ClientSessieSchema } from "../schemas/keuze";
import { zodDetails } from "../schemas/parse";
import { verwerk } from "../http/formulier.server";
import { foutenVoor } from "../components/fouten";
import { Knop, Melding, Veld } from "../components/ui";
import clientCss from "../styles/client.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: clientCss }];

export const meta: MetaFunction = () => [{ title: "Uw uitnodiging openen — Zorgveiling" }];

/**
 * The invite link (`/uitnodiging?code=…`) only fills in the form: opening a request is a POST,
 * so a link preview or a prefetch never signs anyone in.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return json({
    code: (params.get("code") ?? "").slice(0, 40),
    afgesloten: params.get("afgesloten") === "ja",
    medewerker: context.actor?.soort === "gebruiker",
    client: context.actor?.soort === "client",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.actor?.soort === "gebruiker") throw new Response("Log eerst uit als medewerker.", { status: 403 });
  const invoer = ClientSessieSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!invoer.success)
    return json({ ok: false as const, melding: null, fouten: zodDetails(invoer.error) }, { status: 422 });
  const uitkomst = await verwerk(() => meldClientAan(invoer.data.code, context.ip));
  if (!("cookie" in uitkomst)) return uitkomst;
  return redirect(STARTPAGINA.client, { headers: { "Set-Cookie": uitkomst.cookie } });
}

export default function Uitnodiging() {
  const { code, afgesloten, medewerker, client } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const veldFout = foutenVoor(uitkomst, "code");
  // A wrong code is said at the field; the alert makes sure a screen reader hears that it failed.
  const algemeen = uitkomst?.melding && !veldFout ? uitkomst.melding : null;
  const titel = !uitkomst?.melding
    ? null
    : "code" in uitkomst && uitkomst.code === "rate_limited"
      ? "Even wachten"
      : "De code werkt niet";
  return (
    <section aria-labelledby="titel" className="zv-groot zv-smal">
      <h1 id="titel" className="utrecht-heading-1">
        Uw uitnodiging openen
      </h1>
      {afgesloten ? (
        <Melding soort="ok" titel="U bent afgemeld">
          {<p className="utrecht-paragraph">Wilt u later verder? Vul dan opnieuw uw code in.</p>}
        </Melding>
      ) : null}
      {medewerker ? (
        <Melding soort="warning" titel="U bent ingelogd als medewerker">
          <p className="utrecht-paragraph">Log eerst uit. Daarna kan de cliënt hier de eigen code invullen.</p>
        </Melding>
      ) : (
        <>
          {client ? (
            <p className="utrecht-paragraph">
              U heeft al een hulpvraag open.{" "}
              <Link className="utrecht-link" to="/client">
                Ga naar uw hulpvraag
              </Link>
              .
            </p>
          ) : null}
          <p className="utrecht-paragraph">
            U heeft van uw Wmo-consulent een code gekregen. Met die code ziet u uw hulpvraag en wat aanbieders u willen
            bieden. Een account of wachtwoord is niet nodig.
          </p>
          {titel ? (
            <Melding soort="error" titel={titel}>
              {algemeen ? <p className="utrecht-paragraph">{algemeen}</p> : null}
            </Melding>
          ) : null}
          <Form method="post" noValidate>
            <Veld
              naam="code"
              label="Uw code"
              defaultValue={code}
              required
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              uitleg="De code staat in uw uitnodiging, bijvoorbeeld 7KQM-4HWD. Kleine letters, spaties en streepjes mogen ook."
              fout={veldFout}
            />
            <Knop disabled={bezig} aria-disabled={bezig}>
              {bezig ? "Bezig met openen…" : "Open mijn hulpvraag"}
            </Knop>
          </Form>
          <p className="utrecht-paragraph">
            Werkt de code niet, of is hij verlopen? Bel dan uw Wmo-consulent. U krijgt dan een nieuwe code.
          </p>
        </>
      )}
    </section>
  );
}
