import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { STARTPAGINA } from "../auth/guards.server";
import { meldAan } from "../auth/session.server";
import { isDomainError } from "../domain/errors";
import { InlogSchema } from "../schemas/auth";
import { zodDetails } from "../schemas/parse";
import { Knop, Melding, Veld } from "../components/ui";
import { veiligTerug } from "../http/veilig-terug";

export const meta: MetaFunction = () => [{ title: "Inloggen — Zorgveiling" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.actor?.soort === "gebruiker") throw redirect(STARTPAGINA[context.actor.rol]);
  return null;
}

// A document response takes its headers from here: pass the action's wait on to the browser.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const wacht = actionHeaders.get("Retry-After");
  return wacht ? { "Retry-After": wacht } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const formulier = Object.fromEntries(await request.formData());
  const invoer = InlogSchema.safeParse({ email: formulier.email, password: formulier.password });
  if (!invoer.success)
    return json({ fouten: zodDetails(invoer.error), melding: null, geblokkeerd: false }, { status: 422 });
  try {
    const sessie = await meldAan(invoer.data.email, invoer.data.password, context.ip, "web");
    // Only a page of this site: no open redirect after sign-in (app/http/veilig-terug.ts).
    return redirect(veiligTerug(formulier.terug, new URL(request.url).origin) ?? STARTPAGINA[sessie.rol], {
      headers: { "Set-Cookie": sessie.cookie! },
    });
  } catch (e) {
    if (isDomainError(e)) {
      const headers = e.retryAfterSeconds ? { "Retry-After": String(e.retryAfterSeconds) } : undefined;
      return json(
        { fouten: [], melding: e.message, geblokkeerd: e.code === "rate_limited" },
        { status: e.status, headers },
      );
    }
    throw e;
  }
}

/** Why this browser is here, by a fixed word in the address: the page never shows text from the address itself. */
const AFMELDINGEN = {
  overal: {
    soort: "ok",
    titel: "U bent overal afgemeld",
    tekst: "Al uw sessies in andere browsers en al uw API-tokens zijn beëindigd.",
  },
  elders: {
    soort: "warning",
    titel: "U bent afgemeld",
    tekst:
      "Uw sessie is beëindigd vanuit een andere browser, met ‘Overal afmelden’. Log opnieuw in om verder te werken.",
  },
  sessie: {
    soort: "warning",
    titel: "Uw sessie is beëindigd",
    tekst:
      "U bent afgemeld: in een andere browser is ‘Overal afmelden’ gekozen, of u was te lang niet actief. Log opnieuw in; daarna gaat u verder op de pagina die u wilde openen.",
  },
  aangemaakt: {
    soort: "ok",
    titel: "Uw account is aangemaakt",
    tekst: "Log in met uw e-mailadres en het wachtwoord dat u net heeft gekozen.",
  },
} as const;

export default function Inloggen() {
  const uitkomst = useActionData<typeof action>();
  const [params] = useSearchParams();
  const bezig = useNavigation().state === "submitting";
  const reden = params.get("aangemaakt") === "ja" ? "aangemaakt" : params.get("afgemeld");
  const afmelding = reden && reden in AFMELDINGEN ? AFMELDINGEN[reden as keyof typeof AFMELDINGEN] : null;
  const fout = (veld: string) => uitkomst?.fouten.filter((f) => f?.field === veld).map((f) => f!.message);
  return (
    <section aria-labelledby="titel" style={{ maxWidth: "32rem" }}>
      <h1 id="titel" className="utrecht-heading-1">
        Inloggen
      </h1>
      <p className="utrecht-paragraph">
        Voor medewerkers van gemeenten en aanbieders. Heeft u als cliënt een uitnodigingscode gekregen?{" "}
        <Link className="utrecht-link" to="/uitnodiging">
          Open dan uw uitnodiging
        </Link>
        .
      </p>
      {!uitkomst && afmelding ? (
        <Melding soort={afmelding.soort} titel={afmelding.titel}>
          <p className="utrecht-paragraph">{afmelding.tekst}</p>
        </Melding>
      ) : null}
      {uitkomst?.melding ? (
        <Melding
          soort="error"
          titel={uitkomst.geblokkeerd ? "Even wachten: te veel mislukte pogingen" : "Inloggen lukte niet"}
        >
          {<p className="utrecht-paragraph">{uitkomst.melding}</p>}
        </Melding>
      ) : null}
      <Form method="post" noValidate>
        <input type="hidden" name="terug" value={params.get("terug") ?? ""} />
        <Veld
          naam="email"
          label="E-mailadres"
          type="email"
          autoComplete="username"
          required
          defaultValue={params.get("email") ?? undefined}
          fout={fout("email")}
        />
        <Veld
          naam="password"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          required
          fout={fout("password")}
        />
        <Knop disabled={bezig} aria-disabled={bezig}>
          {bezig ? "Bezig met inloggen…" : "Inloggen"}
        </Knop>
      </Form>
    </section>
  );
}
