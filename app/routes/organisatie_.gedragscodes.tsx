import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Knop } from "../components/ui";
import { accepteerGedragscode, leesGedragscodes } from "../domain/gedragscode.server";
import { DomainError } from "../domain/errors";
import { moment } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";

export const meta: MetaFunction = () => [{ title: "Gedragscodes — Zorgveiling" }];

/** The aanbieder-beheerder reads each contracted gemeente's code of conduct and accepts it for the organisation. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await leesGedragscodes(vereisGebruiker(context, request, "aanbieder-beheerder")));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    const gemeenteId = tekst(f, "gemeenteId");
    const versie = Number(tekst(f, "versie"));
    if (!gemeenteId || !Number.isInteger(versie)) throw new DomainError("invalid_input", [{ field: "versie", message: "Kies de gedragscode die u accepteert." }]);
    await accepteerGedragscode(actor, gemeenteId, versie);
    return naar("/organisatie/gedragscodes", "U heeft de gedragscode geaccepteerd. Uw organisatie kan in deze gemeente weer bieden.");
  });
}

export default function Gedragscodes() {
  const { items } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="utrecht-heading-1">Gedragscodes van gemeenten</h1>
      <p className="utrecht-paragraph">Een gemeente kan een gedragscode verantwoord marktgedrag publiceren. Uw organisatie biedt in die gemeente pas als u de geldende versie heeft geaccepteerd.</p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="De gedragscode is niet geaccepteerd" />
      {items.length === 0 ? <p className="utrecht-paragraph zv-leeg">Geen van de gemeenten waarmee u een contract heeft, heeft een gedragscode gepubliceerd.</p> : null}
      {items.map((c) => (
        <section key={c.gemeenteId} aria-labelledby={`code-${c.gemeenteId}`} data-testid={`gedragscode-${c.gemeenteId}`}>
          <h2 id={`code-${c.gemeenteId}`} className="utrecht-heading-2">{c.gemeenteNaam}: versie {c.versie}</h2>
          <p className="zv-meta">Gepubliceerd op {moment(c.gepubliceerdOp)}</p>
          <blockquote className="utrecht-blockquote"><p className="utrecht-paragraph">{c.tekst}</p></blockquote>
          {c.geaccepteerd ? (
            <p className="utrecht-paragraph"><strong>Geaccepteerd.</strong> Uw organisatie kan in deze gemeente bieden.</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="gemeenteId" value={c.gemeenteId} />
              <input type="hidden" name="versie" value={c.versie} />
              <p className="utrecht-paragraph">Nog niet geaccepteerd: uw organisatie kan in deze gemeente nu niet bieden.</p>
              <Knop disabled={bezig} aria-disabled={bezig}>{bezig ? "Bezig…" : `Accepteer versie ${c.versie} namens mijn organisatie`}</Knop>
            </Form>
          )}
        </section>
      ))}
    </>
  );
}
