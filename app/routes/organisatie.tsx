import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { lijstGebruikers, registreerGebruiker } from "../domain/gebruikers.server";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";
import { GebruikerSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Accounts van uw organisatie — Zorgveiling" }];

const ROLLEN = {
  aanbieder: "Planner (biedt mee op hulpvragen)",
  "aanbieder-beheerder": "Beheerder van de accounts",
} as const;

/** The aanbieder-beheerder manages the logins of its own provider organisation, and only those. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const gebruikers = await lijstGebruikers(actor);
  return json({ gebruikers: gebruikers.map((g) => ({ id: g.id, naam: g.naam, email: g.email, rol: g.rol })) });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    await registreerGebruiker(
      actor,
      parseInvoer(GebruikerSchema, {
        email: tekst(f, "email") ?? "",
        naam: tekst(f, "naam"),
        rol: tekst(f, "rol"),
        password: tekst(f, "password") ?? "",
      }),
    );
    return naar("/organisatie", "Het account is aangemaakt.");
  });
}

export default function Organisatie() {
  const { gebruikers } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Accounts van uw organisatie</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="Accounts van uw organisatie"
        kolommen={["Naam", "E-mailadres", "Rol"]}
        leeg="Er zijn nog geen accounts."
        rijen={gebruikers.map((g) => ({
          sleutel: g.id,
          cellen: [g.naam, g.email, ROLLEN[g.rol as keyof typeof ROLLEN] ?? g.rol],
        }))}
      />
      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="utrecht-heading-2">
          Account toevoegen
        </h2>
        <p className="utrecht-paragraph">
          Een planner dient namens uw organisatie aanbiedingen in. Gemeenten kunnen deze accounts niet aanmaken of
          wijzigen.
        </p>
        <Weigering uitkomst={uitkomst} titel="Het account is niet aangemaakt" />
        <Form method="post" noValidate>
          <Veld naam="naam" label="Naam" autoComplete="off" fout={fout("naam")} />
          <Veld naam="email" label="E-mailadres" type="email" autoComplete="off" fout={fout("email")} />
          <Veld naam="rol" label="Rol" fout={fout("rol")}>
            {(p) => <Keuzelijst {...p} defaultValue="aanbieder" opties={Object.entries(ROLLEN)} />}
          </Veld>
          <Veld
            naam="password"
            label="Eerste wachtwoord"
            type="password"
            autoComplete="new-password"
            fout={fout("password")}
            uitleg="Minstens 12 tekens. Geef het wachtwoord persoonlijk door, nooit per e-mail."
          />
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Account toevoegen"}
          </Knop>
        </Form>
      </section>
    </>
  );
}
