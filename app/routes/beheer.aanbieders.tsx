import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuze, Keuzegroep, Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Melding, Veld } from "../components/ui";
import {
  lijstAanbieders,
  lijstConsortia,
  registreerAanbieder,
  registreerConsortium,
} from "../domain/aanbieders.server";
import { nodigAanbiederUit } from "../domain/aanbieder-uitnodigingen.server";
import { naar, verwerk } from "../http/formulier.server";
import { alle, tekst } from "../schemas/formulier";
import { AanbiederSchema, ConsortiumSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";
import { sorteerVolgensUrl } from "../format/sorteren";

export const meta: MetaFunction = () => [{ title: "Aanbieders en consortia — Zorgveiling" }];

const SOORTEN = {
  thuiszorg: "Thuiszorg",
  begeleiding: "Begeleiding",
  dagbesteding: "Dagbesteding",
  welzijn: "Welzijn",
  overig: "Overig",
} as const;
const SORTEER = ["naam", "kvk", "agb", "soort"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const [lijst, consortia] = await Promise.all([lijstAanbieders(actor), lijstConsortia(actor)]);
  const { rijen, sortering, behoud } = sorteerVolgensUrl(request.url, "sorteer", SORTEER, lijst, (a, k) =>
    k === "soort" ? (SOORTEN[a.soort as keyof typeof SOORTEN] ?? a.soort) : a[k as "naam"],
  );
  return json({ aanbieders: rijen, consortia, sortering, behoud });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  // Two forms on one page: the refusal says which one it belongs to.
  const formulier =
    f.get("_formulier") === "consortium"
      ? "consortium"
      : f.get("_formulier") === "uitnodiging"
        ? "uitnodiging"
        : "aanbieder";
  const uitkomst = await verwerk(async () => {
    if (formulier === "uitnodiging") {
      // The link is shown once, here: only its HMAC is stored.
      const u = await nodigAanbiederUit(actor, tekst(f, "aanbiederId") ?? "");
      return json({
        ok: true as const,
        formulier,
        uitnodiging: { aanbiederNaam: u.aanbiederNaam, url: u.url, code: u.code, expiresAt: u.expiresAt },
      });
    }
    if (formulier === "consortium") {
      await registreerConsortium(
        actor,
        parseInvoer(ConsortiumSchema, {
          naam: tekst(f, "consortiumNaam"),
          penvoerderId: tekst(f, "penvoerderId"),
          ledenIds: alle(f, "ledenIds"),
        }),
      );
      return naar("/beheer/aanbieders", "Het consortium is geregistreerd.");
    }
    await registreerAanbieder(
      actor,
      parseInvoer(AanbiederSchema, {
        naam: tekst(f, "naam"),
        kvk: tekst(f, "kvk"),
        agb: tekst(f, "agb"),
        soort: tekst(f, "soort"),
      }),
    );
    return naar("/beheer/aanbieders", "De aanbieder is geregistreerd.");
  });
  if (uitkomst.status < 400) return uitkomst;
  return json({ ...(await uitkomst.json()), formulier }, { status: uitkomst.status });
}

export default function Aanbieders() {
  const { aanbieders, consortia, sortering, behoud } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const voor = (formulier: string) =>
    uitkomst && "formulier" in uitkomst && uitkomst.formulier === formulier ? uitkomst : undefined;
  const aanbiederFout = (veld: string) => foutenVoor(voor("aanbieder"), veld);
  const consortiumFout = (veld: string) => foutenVoor(voor("consortium"), veld);
  const uitnodiging = uitkomst && "uitnodiging" in uitkomst ? uitkomst.uitnodiging : null;
  const opties = aanbieders.map((a): [string, string] => [a.id, a.naam]);
  return (
    <>
      <h1 className="utrecht-heading-1">Aanbieders en consortia</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <p className="utrecht-paragraph">
        Het aanbiedersregister is gedeeld door de gemeenten in de regio. Een aanbieder biedt pas mee als uw gemeente een
        contract met hem heeft.
      </p>
      <Tabel
        bijschrift="Aanbieders"
        kolommen={["Naam", "KvK-nummer", "AGB-code", "Soort"]}
        sorteren={{ param: "sorteer", kolommen: [...SORTEER], huidig: sortering, behoud }}
        leeg="Er zijn nog geen aanbieders geregistreerd."
        rijen={aanbieders.map((a) => ({
          sleutel: a.id,
          cellen: [a.naam, a.kvk, a.agb, SOORTEN[a.soort as keyof typeof SOORTEN] ?? a.soort],
        }))}
      />

      <section aria-labelledby="aanbieder-titel">
        <h2 id="aanbieder-titel" className="utrecht-heading-2">
          Aanbieder registreren
        </h2>
        <Weigering uitkomst={voor("aanbieder")} titel="De aanbieder is niet geregistreerd" />
        <Form method="post" noValidate>
          <input type="hidden" name="_formulier" value="aanbieder" />
          <Veld naam="naam" label="Naam" autoComplete="organization" fout={aanbiederFout("naam")} />
          <div className="zv-rij">
            <Veld naam="kvk" label="KvK-nummer" inputMode="numeric" fout={aanbiederFout("kvk")} uitleg="8 cijfers" />
            <Veld naam="agb" label="AGB-code" inputMode="numeric" fout={aanbiederFout("agb")} uitleg="8 cijfers" />
          </div>
          <Veld naam="soort" label="Soort aanbieder" fout={aanbiederFout("soort")}>
            {(p) => <Keuzelijst {...p} defaultValue="overig" opties={Object.entries(SOORTEN)} />}
          </Veld>
          <Knop disabled={bezig} aria-disabled={bezig}>
            Aanbieder registreren
          </Knop>
        </Form>
      </section>

      <section aria-labelledby="uitnodiging-titel">
        <h2 id="uitnodiging-titel" className="utrecht-heading-2">
          Aanbieder uitnodigen voor eigen accounts
        </h2>
        <p className="utrecht-paragraph">
          De accounts van een aanbieder zijn van de aanbieder. Een aanbieder met een contract bij uw gemeente krijgt een
          eenmalige link; daarmee maakt de aanbieder zelf het eerste beheeraccount, met een eigen wachtwoord, en beheert
          daarna zijn eigen planners.
        </p>
        {uitnodiging ? (
          <Melding soort="ok" titel={`Uitnodiging voor ${uitnodiging.aanbiederNaam}`}>
            <p className="utrecht-paragraph">
              Geef deze link door aan de aanbieder. Hij werkt één keer, tot{" "}
              {new Date(uitnodiging.expiresAt).toLocaleDateString("nl-NL")}, en wordt niet nog eens getoond:
            </p>
            <p className="utrecht-paragraph">
              <code data-testid="aanbieder-uitnodiging-link">{uitnodiging.url}</code>
            </p>
          </Melding>
        ) : null}
        <Weigering uitkomst={voor("uitnodiging")} titel="De aanbieder is niet uitgenodigd" />
        <Form method="post" noValidate>
          <input type="hidden" name="_formulier" value="uitnodiging" />
          <Veld naam="aanbiederId" label="Aanbieder" fout={foutenVoor(voor("uitnodiging"), "aanbiederId")}>
            {(p) => <Keuzelijst {...p} leeg="Kies de aanbieder" opties={opties} />}
          </Veld>
          <Knop disabled={bezig} aria-disabled={bezig}>
            Uitnodiging maken
          </Knop>
        </Form>
      </section>

      <section aria-labelledby="consortia-titel">
        <h2 id="consortia-titel" className="utrecht-heading-2">
          Consortia
        </h2>
        <Tabel
          bijschrift="Consortia met hun leden"
          verbergBijschrift
          kolommen={["Naam", "Penvoerder", "Leden"]}
          leeg="Er zijn nog geen consortia."
          rijen={consortia.map((c) => ({
            sleutel: c.id,
            cellen: [
              c.naam,
              c.leden.find((l) => l.id === c.penvoerderId)?.naam ?? c.penvoerderId,
              c.leden.map((l) => l.naam).join(", "),
            ],
          }))}
        />
        <h3 className="utrecht-heading-3">Consortium registreren</h3>
        <Weigering uitkomst={voor("consortium")} titel="Het consortium is niet geregistreerd" />
        <Form method="post" noValidate>
          <input type="hidden" name="_formulier" value="consortium" />
          <Veld naam="consortiumNaam" label="Naam van het consortium" fout={consortiumFout("naam")} />
          <Keuzegroep legend="Leden (minstens twee)" fout={consortiumFout("ledenIds")}>
            {aanbieders.map((a) => (
              <Keuze key={a.id} type="checkbox" naam="ledenIds" waarde={a.id}>
                {a.naam}
              </Keuze>
            ))}
          </Keuzegroep>
          <Veld
            naam="penvoerderId"
            label="Penvoerder"
            fout={consortiumFout("penvoerderId")}
            uitleg="De penvoerder is zelf lid en dient aanbiedingen in namens het consortium."
          >
            {(p) => <Keuzelijst {...p} leeg="Kies de penvoerder" opties={opties} />}
          </Veld>
          <Knop disabled={bezig} aria-disabled={bezig}>
            Consortium registreren
          </Knop>
        </Form>
      </section>
    </>
  );
}
