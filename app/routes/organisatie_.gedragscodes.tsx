import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Knop } from "../components/ui";
import { accepteerGedragscode, leesGedragscodes, lijstMeldingen, reageerOpMelding } from "../domain/gedragscode.server";
import { foutenVoor } from "../components/fouten";
import { Veld } from "../components/ui";
import { DomainError } from "../domain/errors";
import { moment } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";

export const meta: MetaFunction = () => [{ title: "Gedragscodes — Zorgveiling" }];

/** The aanbieder-beheerder reads each contracted gemeente's code of conduct and accepts it for the organisation. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const [codes, meldingen] = await Promise.all([leesGedragscodes(actor), lijstMeldingen(actor)]);
  return json({ items: codes.items, meldingen: meldingen.items });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    if (f.get("intent") === "reageren") {
      await reageerOpMelding(actor, tekst(f, "meldingId") ?? "", tekst(f, "reactie") ?? "");
      return naar("/organisatie/gedragscodes", "Uw reactie is vastgelegd. De gemeente ziet haar bij de melding.");
    }
    const gemeenteId = tekst(f, "gemeenteId");
    const versie = Number(tekst(f, "versie"));
    if (!gemeenteId || !Number.isInteger(versie))
      throw new DomainError("invalid_input", [{ field: "versie", message: "Kies de gedragscode die u accepteert." }]);
    await accepteerGedragscode(actor, gemeenteId, versie);
    return naar(
      "/organisatie/gedragscodes",
      "U heeft de gedragscode geaccepteerd. Uw organisatie kan in deze gemeente weer bieden.",
    );
  });
}

export default function Gedragscodes() {
  const { items, meldingen } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <>
      <h1 className="utrecht-heading-1">Gedragscodes van gemeenten</h1>
      <p className="utrecht-paragraph">
        Een gemeente kan een gedragscode verantwoord marktgedrag publiceren. Uw organisatie biedt in die gemeente pas
        als u de geldende versie heeft geaccepteerd.
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="De gedragscode is niet geaccepteerd" />
      {items.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">
          Geen van de gemeenten waarmee u een contract heeft, heeft een gedragscode gepubliceerd.
        </p>
      ) : null}
      {items.map((c) => (
        <section
          key={c.gemeenteId}
          aria-labelledby={`code-${c.gemeenteId}`}
          data-testid={`gedragscode-${c.gemeenteId}`}
        >
          <h2 id={`code-${c.gemeenteId}`} className="utrecht-heading-2">
            {c.gemeenteNaam}: versie {c.versie}
          </h2>
          <p className="zv-meta">Gepubliceerd op {moment(c.gepubliceerdOp)}</p>
          <blockquote className="utrecht-blockquote">
            <p className="utrecht-paragraph">{c.tekst}</p>
          </blockquote>
          {c.geaccepteerd ? (
            <p className="utrecht-paragraph">
              <strong>Geaccepteerd.</strong> Uw organisatie kan in deze gemeente bieden.
            </p>
          ) : (
            <Form method="post">
              <input type="hidden" name="gemeenteId" value={c.gemeenteId} />
              <input type="hidden" name="versie" value={c.versie} />
              <p className="utrecht-paragraph">
                Nog niet geaccepteerd: uw organisatie kan in deze gemeente nu niet bieden.
              </p>
              <Knop disabled={bezig} aria-disabled={bezig}>
                {bezig ? "Bezig…" : `Accepteer versie ${c.versie} namens mijn organisatie`}
              </Knop>
            </Form>
          )}
        </section>
      ))}
      <section aria-labelledby="meldingen">
        <h2 id="meldingen" className="utrecht-heading-2">
          Meldingen over uw organisatie
        </h2>
        {meldingen.length === 0 ? (
          <p className="utrecht-paragraph zv-leeg">
            Er zijn geen schendingen van een gedragscode over uw organisatie gemeld.
          </p>
        ) : null}
        {meldingen.map((m) => (
          <div key={m.id} className="zv-kaart" data-testid={`melding-${m.id}`}>
            <p className="utrecht-paragraph">
              Gemeld op {moment(m.gemeldOp)} (versie {m.versie}): {m.omschrijving}
            </p>
            {m.reactie ? (
              <p className="utrecht-paragraph">
                Uw reactie ({moment(m.reactieOp!)}): {m.reactie}
              </p>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="reageren" />
                <input type="hidden" name="meldingId" value={m.id} />
                <Veld
                  naam="reactie"
                  label="Uw reactie"
                  fout={foutenVoor(uitkomst, "reactie")}
                  uitleg="U reageert één keer; de gemeente ziet uw reactie bij de melding."
                >
                  {(p) => <textarea className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} {...p} />}
                </Veld>
                <Knop variant="secondary" disabled={bezig} aria-disabled={bezig}>
                  Reactie versturen
                </Knop>
              </Form>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
