import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { foutenVoor } from "../components/fouten";
import { Weigering } from "../components/FormulierMeldingen";
import { Knop, Melding, Veld } from "../components/ui";
import { accepteerAanbiederUitnodiging } from "../domain/aanbieder-uitnodigingen.server";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";
import { AanbiederUitnodigingAccepterenSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Uitnodiging aanvaarden — Zorgveiling" }];

/** The link only fills in the form: the account is made by a POST with the provider's own password. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  return json({
    code: (new URL(request.url).searchParams.get("code") ?? "").slice(0, 100),
    ingelogd: context.actor?.soort === "gebruiker",
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const f = await request.formData();
  return verwerk(async () => {
    const g = await accepteerAanbiederUitnodiging(
      parseInvoer(AanbiederUitnodigingAccepterenSchema, {
        code: tekst(f, "code") ?? "",
        email: tekst(f, "email") ?? "",
        naam: tekst(f, "naam"),
        password: tekst(f, "password") ?? "",
      }),
      context.ip,
    );
    // A fixed flag, not a free text in the address: the sign-in page is public and shows only its own words.
    return naar(`/inloggen?email=${encodeURIComponent(g.email)}&aangemaakt=ja`);
  });
}

export default function AanbiederUitnodiging() {
  const { code, ingelogd } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <section aria-labelledby="titel" className="zv-smal">
      <h1 id="titel" className="utrecht-heading-1">
        Uitnodiging aanvaarden
      </h1>
      <p className="utrecht-paragraph">
        Een gemeente heeft uw organisatie uitgenodigd. Maak hier het beheeraccount van uw organisatie, met een
        wachtwoord dat alleen u kent. Daarna maakt u zelf de accounts van uw planners.
      </p>
      {ingelogd ? (
        <Melding soort="warning" titel="U bent al ingelogd">
          <p className="utrecht-paragraph">Het nieuwe account staat los van het account waarmee u nu bent ingelogd.</p>
        </Melding>
      ) : null}
      <Weigering uitkomst={uitkomst} titel="Het account is niet aangemaakt" />
      <Form method="post" noValidate>
        <Veld
          naam="code"
          label="Code uit de uitnodiging"
          defaultValue={code}
          autoComplete="off"
          spellCheck={false}
          fout={fout("code")}
        />
        <Veld naam="naam" label="Uw naam" autoComplete="name" fout={fout("naam")} />
        <Veld naam="email" label="E-mailadres" type="email" autoComplete="email" fout={fout("email")} />
        <Veld
          naam="password"
          label="Wachtwoord"
          type="password"
          autoComplete="new-password"
          fout={fout("password")}
          uitleg="Minstens 12 tekens."
        />
        <Knop disabled={bezig} aria-disabled={bezig}>
          {bezig ? "Bezig…" : "Account aanmaken"}
        </Knop>
      </Form>
    </section>
  );
}
