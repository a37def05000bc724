import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Knop, Veld } from "../components/ui";
import { leesGedragscodes, publiceerGedragscode } from "../domain/gedragscode.server";
import { moment } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";
import { GedragscodeSchema } from "../schemas/beheer";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "Gedragscode — Zorgveiling" }];

/** The beheerder publishes the gemeente's code verantwoord marktgedrag; each new text is a new version. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await leesGedragscodes(vereisGebruiker(context, request, "beheerder")));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    const { versie } = await publiceerGedragscode(
      actor,
      parseInvoer(GedragscodeSchema, { tekst: tekst(f, "tekst") ?? "" }).tekst,
    );
    return naar(
      "/beheer/gedragscode",
      `Versie ${versie} is gepubliceerd. Aanbieders bieden pas weer als hun beheerder deze versie accepteerde.`,
    );
  });
}

export default function Gedragscode() {
  const { items } = useLoaderData<typeof loader>();
  const huidig = items[0] ?? null;
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="utrecht-heading-1">Gedragscode verantwoord marktgedrag</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      {huidig ? (
        <section aria-labelledby="huidig">
          <h2 id="huidig" className="utrecht-heading-2">
            Geldende versie: {huidig.versie}
          </h2>
          <p className="zv-meta">Gepubliceerd op {moment(huidig.gepubliceerdOp)}</p>
          <blockquote className="utrecht-blockquote">
            <p className="utrecht-paragraph">{huidig.tekst}</p>
          </blockquote>
        </section>
      ) : (
        <p className="utrecht-paragraph zv-leeg">
          Uw gemeente heeft nog geen gedragscode. Zonder code hoeven aanbieders niets te accepteren.
        </p>
      )}
      <section aria-labelledby="nieuw">
        <h2 id="nieuw" className="utrecht-heading-2">
          {huidig ? "Nieuwe versie publiceren" : "Gedragscode publiceren"}
        </h2>
        <p className="utrecht-paragraph">
          Na publicatie bieden aanbieders in uw gemeente pas weer als hun beheerder de nieuwe versie accepteerde.
        </p>
        <Weigering uitkomst={uitkomst} titel="De gedragscode is niet gepubliceerd" />
        <Form method="post" noValidate>
          <Veld naam="tekst" label="Tekst van de gedragscode" fout={foutenVoor(uitkomst, "tekst")}>
            {(p) => (
              <textarea
                className="utrecht-textarea utrecht-textarea--html-textarea"
                rows={8}
                {...p}
                defaultValue={huidig?.tekst ?? ""}
              />
            )}
          </Veld>
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Publiceren"}
          </Knop>
        </Form>
      </section>
    </>
  );
}
