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
import { sorteerVolgensUrl } from "../format/sorteren";

export const meta: MetaFunction = () => [{ title: "Gebruikers — Zorgveiling" }];

// Only gemeente roles: the accounts of an aanbieder are the aanbieder's own (see Aanbieders: uitnodigen).
const ROLLEN = { consulent: "Wmo-consulent", beheerder: "Beheerder", toezichthouder: "Toezichthouder" } as const;
const SORTEER = ["naam", "email", "personeelsnummer", "rol"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const gebruikers = (await lijstGebruikers(actor)).map((g) => ({
    id: g.id,
    naam: g.naam,
    email: g.email,
    personeelsnummer: g.personeelsnummer,
    rol: g.rol,
  }));
  const { rijen, sortering, behoud } = sorteerVolgensUrl(request.url, "sorteer", SORTEER, gebruikers, (g, k) =>
    k === "rol" ? (ROLLEN[g.rol as keyof typeof ROLLEN] ?? g.rol) : g[k as "naam"],
  );
  return json({ gebruikers: rijen, sortering, behoud });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    // A posted aanbiederId (or provider role) is passed on, so the domain refuses it as it does on the API.
    await registreerGebruiker(
      actor,
      parseInvoer(GebruikerSchema, {
        email: tekst(f, "email") ?? "",
        naam: tekst(f, "naam"),
        rol: tekst(f, "rol"),
        password: tekst(f, "password") ?? "",
        aanbiederId: tekst(f, "aanbiederId") ?? null,
        personeelsnummer: tekst(f, "personeelsnummer"),
      }),
    );
    return naar("/beheer/gebruikers", "De gebruiker is aangemaakt.");
  });
}

export default function Gebruikers() {
  const { gebruikers, sortering, behoud } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Gebruikers</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="Medewerkers van uw gemeente"
        kolommen={["Naam", "E-mailadres", "Personeelsnummer", "Rol"]}
        sorteren={{ param: "sorteer", kolommen: [...SORTEER], huidig: sortering, behoud }}
        leeg="Er zijn nog geen gebruikers."
        rijen={gebruikers.map((g) => ({
          sleutel: g.id,
          cellen: [g.naam, g.email, g.personeelsnummer ?? "—", ROLLEN[g.rol as keyof typeof ROLLEN] ?? g.rol],
        }))}
      />

      <section aria-labelledby="nieuw-titel">
        <h2 id="nieuw-titel" className="utrecht-heading-2">
          Gebruiker toevoegen
        </h2>
        <p className="utrecht-paragraph">
          Een toezichthouder van uw gemeente mag niet ook beheerder zijn, en andersom. Accounts van een aanbieder maakt
          de aanbieder zelf, na een uitnodiging via{" "}
          <a className="utrecht-link" href="/beheer/aanbieders">
            Aanbieders
          </a>
          .
        </p>
        <Weigering uitkomst={uitkomst} titel="De gebruiker is niet aangemaakt" />
        <Form method="post" noValidate>
          <Veld naam="naam" label="Naam" autoComplete="off" fout={fout("naam")} />
          <Veld naam="email" label="E-mailadres" type="email" autoComplete="off" fout={fout("email")} />
          <Veld
            naam="personeelsnummer"
            label="Personeelsnummer (niet verplicht)"
            autoComplete="off"
            fout={fout("personeelsnummer")}
            uitleg="Het nummer van de medewerker bij de gemeente. Zo herkent Zorgveiling één persoon ook met een tweede e-mailadres."
          />
          <Veld naam="rol" label="Rol" fout={fout("rol")}>
            {(p) => <Keuzelijst {...p} leeg="Kies een rol" opties={Object.entries(ROLLEN)} />}
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
            {bezig ? "Bezig…" : "Gebruiker toevoegen"}
          </Knop>
        </Form>
      </section>
    </>
  );
}
