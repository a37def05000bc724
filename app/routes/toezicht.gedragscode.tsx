import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuzelijst } from "../components/keuzes";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { lijstAanbieders } from "../domain/aanbieders.server";
import { leesGedragscodes, lijstMeldingen, meldSchending } from "../domain/gedragscode.server";
import { moment } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";
import { GedragscodeMeldingSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Gedragscode — Toezicht — Zorgveiling" }];

/** Toezicht's register of reported breaches of the gemeente's code of conduct, with each provider's answer. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "toezichthouder");
  const [codes, meldingen, aanbieders] = await Promise.all([
    leesGedragscodes(actor),
    lijstMeldingen(actor),
    lijstAanbieders(actor),
  ]);
  return json({
    code: codes.items[0] ?? null,
    meldingen: meldingen.items,
    aanbieders: aanbieders.map((a) => ({ id: a.id, naam: a.naam })),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "toezichthouder");
  const f = await request.formData();
  return verwerk(async () => {
    await meldSchending(
      actor,
      parseInvoer(GedragscodeMeldingSchema, {
        aanbiederId: tekst(f, "aanbiederId") ?? "",
        omschrijving: tekst(f, "omschrijving") ?? "",
      }),
    );
    return naar("/toezicht/gedragscode", "De melding is vastgelegd. De aanbieder ziet haar en kan reageren.");
  });
}

export default function ToezichtGedragscode() {
  const { code, meldingen, aanbieders } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="utrecht-heading-1">Gedragscode: gemelde schendingen</h1>
      <p className="utrecht-paragraph">
        {code
          ? `Geldende versie: ${code.versie}, gepubliceerd op ${moment(code.gepubliceerdOp)}.`
          : "Uw gemeente heeft nog geen gedragscode gepubliceerd; melden kan pas daarna."}
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Tabel
        bijschrift="Gemelde schendingen"
        kolommen={["Gemeld op", "Aanbieder", "Versie", "Melding", "Reactie van de aanbieder"]}
        leeg="Er is nog niets gemeld."
        rijen={meldingen.map((m) => ({
          sleutel: m.id,
          cellen: [
            moment(m.gemeldOp),
            m.aanbiederNaam ?? m.aanbiederId,
            String(m.versie),
            m.omschrijving,
            m.reactie ?? "Nog geen reactie",
          ],
        }))}
      />
      {code ? (
        <section aria-labelledby="melden">
          <h2 id="melden" className="utrecht-heading-2">
            Schending vastleggen
          </h2>
          <Weigering uitkomst={uitkomst} titel="De melding is niet vastgelegd" />
          <Form method="post" noValidate>
            <Veld naam="aanbiederId" label="Aanbieder" fout={foutenVoor(uitkomst, "aanbiederId")}>
              {(p) => <Keuzelijst {...p} leeg="Kies een aanbieder" opties={aanbieders.map((a) => [a.id, a.naam])} />}
            </Veld>
            <Veld naam="omschrijving" label="Wat is er gemeld?" fout={foutenVoor(uitkomst, "omschrijving")}>
              {(p) => <textarea className="utrecht-textarea utrecht-textarea--html-textarea" rows={4} {...p} />}
            </Veld>
            <Knop disabled={bezig} aria-disabled={bezig}>
              {bezig ? "Bezig…" : "Melding vastleggen"}
            </Knop>
          </Form>
        </section>
      ) : null}
    </>
  );
}
