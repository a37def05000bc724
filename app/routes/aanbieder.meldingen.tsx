import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Knop } from "../components/ui";
import { leesMailvoorkeur, zetMailvoorkeur } from "../domain/aanbieders.server";
import { maakAgendaAdres } from "../domain/agenda.server";
import { AgendaAdres } from "../components/AgendaAdres";
import { naar, verwerk } from "../http/formulier.server";
import { MailvoorkeurSchema } from "../schemas/beheer";
import { tekst } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";

export const meta: MetaFunction = () => [{ title: "E-mail en agenda — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  return json(await leesMailvoorkeur(actor));
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder");
  const f = await request.formData();
  if (f.get("intent") === "agenda") return json({ agenda: await maakAgendaAdres(actor) });
  return verwerk(async () => {
    await zetMailvoorkeur(actor, parseInvoer(MailvoorkeurSchema, { mailvoorkeur: tekst(f, "mailvoorkeur") }));
    return naar("/aanbieder/meldingen", "Uw keuze is opgeslagen.");
  });
}

const KEUZES = [
  {
    waarde: "elk",
    tekst: "Een e-mail bij elke nieuwe hulpvraag",
    uitleg: "Direct als de gemeente een hulpvraag uitzet waarop u kunt reageren.",
  },
  {
    waarde: "dagelijks",
    tekst: "Eén overzicht per dag",
    uitleg: "Elke ochtend om 7 uur de hulpvragen van het afgelopen etmaal.",
  },
  {
    waarde: "geen",
    tekst: "Geen e-mail over nieuwe hulpvragen",
    uitleg: "U ziet nieuwe hulpvragen alleen in Zorgveiling. Herinneringen stoppen ook.",
  },
] as const;

/** The unsubscribe page that every provider e-mail links to; the outcome of one's own offers is always sent. */
export default function Meldingen() {
  const { naam, mailvoorkeur } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  return (
    <>
      <h1 className="utrecht-heading-1">E-mail over nieuwe hulpvragen</h1>
      <p className="utrecht-paragraph">
        Kies hoe de planners van {naam} horen over nieuwe hulpvragen. De keuze geldt voor de hele organisatie.
      </p>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="Uw keuze is niet opgeslagen" />
      <Form method="post">
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">Wat wilt u ontvangen?</legend>
          {KEUZES.map((k) => (
            <div key={k.waarde} className="utrecht-form-field utrecht-form-field--radio">
              <input
                className="utrecht-radio-button"
                type="radio"
                id={`voorkeur-${k.waarde}`}
                name="mailvoorkeur"
                value={k.waarde}
                defaultChecked={mailvoorkeur === k.waarde}
                aria-describedby={`voorkeur-${k.waarde}-uitleg`}
              />
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`voorkeur-${k.waarde}`}>
                {k.tekst}
              </label>
              <div className="utrecht-form-field__description" id={`voorkeur-${k.waarde}-uitleg`}>
                {k.uitleg}
              </div>
            </div>
          ))}
        </fieldset>
        <p className="utrecht-paragraph">De uitkomst van uw eigen aanbiedingen krijgt u altijd per e-mail.</p>
        <Knop>Opslaan</Knop>
      </Form>
      <AgendaAdres
        url={uitkomst && "agenda" in uitkomst ? uitkomst.agenda.url : undefined}
        uitleg="Alle open hulpvragen waarop uw organisatie kan reageren, met hun reactietermijn, in uw eigen agenda."
      />
    </>
  );
}
