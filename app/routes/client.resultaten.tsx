import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisClient } from "../auth/guards.server";
import { beeindigSessie, legeClientCookie } from "../auth/session.server";
import { beantwoordCheck, isResultaatcheckSessie, leesCheckVoorClient } from "../domain/resultaatcheck.server";
import { verwerk } from "../http/formulier.server";
import { antwoordenUitFormulier, ResultaatcheckSchema } from "../schemas/resultaatcheck";
import { parseInvoer } from "../schemas/parse";
import { resultaatTekst } from "../components/catalogus-tekst";
import { ResultaatVragen, OORDEEL_TEKST } from "../components/ResultaatVragen";
import { Knop, Melding } from "../components/ui";
import clientCss from "../styles/client.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: clientCss }];

export const meta: MetaFunction = () => [{ title: "Hoe gaat het nu? — Zorgveiling" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const client = vereisClient(context);
  // A session opened with the invite to choose has no check: that client belongs on the request page.
  if (!(await isResultaatcheckSessie(client))) throw redirect("/client");
  return json(await leesCheckVoorClient(client));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const client = vereisClient(context);
  const f = await request.formData();
  if (f.get("intent") === "afsluiten") {
    await beeindigSessie(client);
    return redirect("/uitnodiging?afgesloten=ja", { headers: { "Set-Cookie": legeClientCookie() } });
  }
  if (!(await isResultaatcheckSessie(client))) return redirect("/client");
  const uitkomst = await verwerk(() =>
    beantwoordCheck(client, parseInvoer(ResultaatcheckSchema, antwoordenUitFormulier(f))),
  );
  if (uitkomst instanceof Response) return uitkomst;
  return redirect("/client/resultaten?bewaard=ja");
}

export default function ClientResultaten() {
  const check = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <div className="zv-groot">
      <h1 className="utrecht-heading-1">Hoe gaat het nu?</h1>
      {check.beantwoordOp ? (
        <>
          <Melding soort="ok" titel="Dank u wel">
            <p className="utrecht-paragraph" data-testid="bedankt">
              Uw antwoorden zijn bewaard. Uw consulent leest ze. Wilt u iets veranderen of vertellen? Bel dan uw
              consulent.
            </p>
          </Melding>
          <h2 className="utrecht-heading-2">Wat u zei</h2>
          <ul>
            {check.antwoorden.map((a) => (
              <li key={a.resultaat}>
                <strong>{resultaatTekst(a.resultaat)}</strong>: {OORDEEL_TEKST[a.oordeel]}, cijfer {a.cijfer}
                {a.toelichting ? `. ${a.toelichting}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Uw ondersteuning is {check.maanden} maanden geleden begonnen. De gemeente wil graag weten of het helpt. Per
            doel zijn er drie korte vragen. Er is geen goed of fout antwoord.
          </p>
          {uitkomst && "melding" in uitkomst ? (
            <Melding soort="error" titel="Nog niet alles is ingevuld">
              <p className="utrecht-paragraph">{uitkomst.melding}</p>
            </Melding>
          ) : null}
          <Form method="post" noValidate>
            <ResultaatVragen resultaten={check.resultaten} uitkomst={uitkomst} voor="client" />
            <Knop disabled={bezig} aria-disabled={bezig}>
              {bezig ? "Bezig met versturen…" : "Verstuur mijn antwoorden"}
            </Knop>
          </Form>
        </>
      )}
      <section aria-labelledby="afsluiten" className="zv-afsluiten">
        <h2 id="afsluiten" className="utrecht-heading-2">
          Klaar?
        </h2>
        <p className="utrecht-paragraph">Sluit af als u klaar bent, zeker op een computer die u deelt met anderen.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="afsluiten" />
          <Knop variant="secondary">Afsluiten</Knop>
        </Form>
      </section>
    </div>
  );
}
