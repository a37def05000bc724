import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { checksVanHulpvraag, legOordeelVast } from "../domain/resultaatcheck.server";
import { naar, verwerk } from "../http/formulier.server";
import { ofNietGevonden } from "../http/gevonden.server";
import { antwoordenUitFormulier, ConsulentOordeelSchema } from "../schemas/resultaatcheck";
import { parseInvoer } from "../schemas/parse";
import { resultaatTekst } from "../components/catalogus-tekst";
import { OORDEEL_TEKST, ResultaatVragen } from "../components/ResultaatVragen";
import { Tabel } from "../components/Tabel";
import { Knop, Melding } from "../components/ui";
import { datum, moment } from "../format/nl";

export const meta: MetaFunction = () => [{ title: "Resultaten volgen — Zorgveiling" }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const gegevens = await ofNietGevonden(checksVanHulpvraag(consulent, params.id!));
  const basis = process.env.PUBLIC_URL ?? new URL(request.url).origin;
  return json({ id: params.id!, ...gegevens, adres: `${basis}/uitnodiging` });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  // Another gemeente's request is not found, whatever the form holds.
  await ofNietGevonden(checksVanHulpvraag(consulent, params.id!));
  const f = await request.formData();
  const maanden = Number(f.get("maanden"));
  const fout = await verwerk(async () => {
    await legOordeelVast(
      consulent,
      params.id!,
      parseInvoer(ConsulentOordeelSchema, { maanden, ...antwoordenUitFormulier(f) }),
    );
    return null;
  });
  if (fout === null) return naar(`/consulent/hulpvragen/${params.id}/resultaten`, "Uw oordeel is vastgelegd.");
  // The refusal is shown at the check it was about: several checks share one page.
  return json({ ...(await fout.json()), maanden }, { status: fout.status });
}

export default function ResultatenVolgen() {
  const { id, resultaten, checks, adres } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const [params] = useSearchParams();
  const bezig = useNavigation().state === "submitting";
  return (
    <article aria-labelledby="titel" className="zv-secties">
      <p className="utrecht-paragraph zv-niet-printen">
        <Link className="utrecht-link" to={`/consulent/hulpvragen/${id}`}>
          Terug naar de hulpvraag
        </Link>
      </p>
      <h1 id="titel" className="utrecht-heading-1">
        Resultaten volgen
      </h1>
      {params.get("melding") && !uitkomst ? (
        <Melding soort="ok">
          <p className="utrecht-paragraph">{params.get("melding")}</p>
        </Melding>
      ) : null}
      <p className="utrecht-paragraph">
        Op de momenten uit het regelboek (gerekend vanaf de start van de zorg) krijgt de cliënt een nieuwe uitnodiging
        voor drie korte vragen per resultaat. U legt daarnaast uw eigen, professionele oordeel vast. Aanbieders zien
        nooit één antwoord, alleen totalen over minstens vijf cliënten.
      </p>
      {checks.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg" data-testid="geen-checks">
          Er is nog geen resultaatcheck: het eerste moment is nog niet gekomen.
        </p>
      ) : null}
      {checks.map((c) => {
        const eigen = uitkomst && uitkomst.maanden === c.maanden ? uitkomst : undefined;
        return (
          <section key={c.id} aria-labelledby={`check-${c.maanden}`} data-testid={`check-${c.maanden}`}>
            <h2 id={`check-${c.maanden}`} className="utrecht-heading-2">
              Check na {c.maanden} maanden ({datum(c.peildatum)})
            </h2>
            {c.perEmail ? (
              <p className="utrecht-paragraph">De uitnodiging is per e-mail naar de cliënt gestuurd.</p>
            ) : c.code && !c.clientBeantwoordOp ? (
              <Melding soort="info" titel="Geef de cliënt deze code">
                <p className="utrecht-paragraph">
                  Er is geen e-mailadres bekend. Geef de code door, of druk deze pagina af: alleen de brief komt op het
                  papier.
                </p>
                <p className="zv-code" data-testid="checkcode">
                  {c.code}
                </p>
                <div className="zv-brief" data-testid="checkbrief">
                  <h2 className="utrecht-heading-2">Hoe gaat het nu met uw ondersteuning?</h2>
                  <p className="utrecht-paragraph">Beste meneer, mevrouw,</p>
                  <p className="utrecht-paragraph">
                    Uw ondersteuning is {c.maanden} maanden geleden begonnen. De gemeente wil graag weten of het helpt.
                    Er zijn drie korte vragen per doel.
                  </p>
                  <ol>
                    <li>
                      Ga naar <strong>{adres}</strong>
                    </li>
                    <li>
                      Vul deze code in: <strong className="zv-code">{c.code}</strong>
                    </li>
                  </ol>
                  <p className="utrecht-paragraph">
                    {c.codeGeldigTot ? `De code werkt tot ${moment(c.codeGeldigTot)}. ` : ""}Deel de code niet met
                    anderen. Vragen? Bel uw Wmo-consulent.
                  </p>
                </div>
              </Melding>
            ) : null}
            <h3 className="utrecht-heading-3">Wat de cliënt zei</h3>
            {c.clientBeantwoordOp ? (
              <Tabel
                bijschrift={`Antwoorden van de cliënt, ingevuld op ${moment(c.clientBeantwoordOp)}`}
                testId={`client-antwoorden-${c.maanden}`}
                kolommen={["Resultaat", "Antwoord", "Cijfer", "Toelichting"]}
                leeg=""
                rijen={c.client.map((a) => ({
                  sleutel: a.resultaat,
                  cellen: [
                    resultaatTekst(a.resultaat),
                    OORDEEL_TEKST[a.oordeel],
                    String(a.cijfer),
                    a.toelichting ?? "—",
                  ],
                }))}
              />
            ) : (
              <p className="utrecht-paragraph" data-testid={`client-nog-niet-${c.maanden}`}>
                De cliënt heeft nog niet geantwoord.
              </p>
            )}
            <h3 className="utrecht-heading-3">Uw professionele oordeel</h3>
            {c.consulentBeoordeeldOp ? (
              <p className="utrecht-paragraph">Laatst vastgelegd op {moment(c.consulentBeoordeeldOp)}.</p>
            ) : null}
            {eigen && "melding" in eigen ? (
              <Melding soort="error" titel="Het oordeel is niet vastgelegd">
                <p className="utrecht-paragraph">{eigen.melding}</p>
              </Melding>
            ) : null}
            <Form method="post" noValidate className="zv-niet-printen">
              <input type="hidden" name="maanden" value={c.maanden} />
              <ResultaatVragen
                resultaten={resultaten}
                uitkomst={eigen}
                voor="consulent"
                huidig={c.consulent}
                idVoorvoegsel={`m${c.maanden}`}
              />
              <Knop disabled={bezig} aria-disabled={bezig}>
                {bezig ? "Bezig…" : "Oordeel vastleggen"}
              </Knop>
            </Form>
          </section>
        );
      })}
    </article>
  );
}
