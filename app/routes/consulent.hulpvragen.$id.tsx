import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRevalidator,
  useSearchParams,
} from "@remix-run/react";
import { useState } from "react";
import { vereisGebruiker } from "../auth/guards.server";
import { lijstAanbieders } from "../domain/aanbieders.server";
import { lijstAanbiedingen } from "../domain/aanbiedingen.server";
import { resultaatAggregaten } from "../domain/resultaatcheck.server";
import { leesClient } from "../domain/clienten.server";
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import { publiceer, statusGeschiedenis, trekIn, verleng, voorbeeldVoorAanbieders } from "../domain/hulpvragen.server";
import { isKeuzeIntent, keuzeActie, keuzeGegevens } from "../http/keuze-formulier.server";
import { metWaarden, naar, verwerk } from "../http/formulier.server";
import { leesVoorConsulent } from "../http/hulpvraag-formulier.server";
import { IntrekkenSchema, VerlengenSchema } from "../schemas/hulpvraag";
import { deadlineUitFormulier } from "../schemas/hulpvraag-formulier";
import { getypteWaarden } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";
import { Aftellen } from "../components/Aftellen";
import { AanbiedingenVergelijking, bieder } from "../components/AanbiedingenVergelijking";
import { veldLabel } from "../components/HulpvraagFormulier";
import { HulpvraagVoorbeeld, voorbeeldId } from "../components/HulpvraagVoorbeeld";
import { KeuzeEnGunning, type KeuzeUitkomst } from "../components/KeuzeEnGunning";
import { StatusGeschiedenis } from "../components/StatusGeschiedenis";
import { KetenGemeente, type Keten, type KetenUitkomst } from "../components/IwmoKeten";
import { isKetenIntent, ketenActie } from "../http/iwmo-formulier.server";
import { toewijzingVanHulpvraag } from "../domain/iwmo/keten.server";
import { foutenVoor } from "../components/fouten";
import { moment } from "../format/nl";
import { resultaatTekst } from "../components/catalogus-tekst";
import { Knop, Melding, StatusLabel, Veld } from "../components/ui";
import { useLive } from "../../realtime/useLive";
import consulentCss from "../styles/consulent.css";

export const meta: MetaFunction = () => [{ title: "Hulpvraag — Zorgveiling" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consulentCss }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const h = await leesVoorConsulent(consulent, params.id!);
  const [voorbeeld, geschiedenis, aanbiedingen, aanbieders, client, keuze, resultaten] = await Promise.all([
    voorbeeldVoorAanbieders(consulent, h.id),
    statusGeschiedenis(consulent, h.id),
    lijstAanbiedingen(consulent, h.id),
    lijstAanbieders(consulent),
    leesClient(consulent, h.clientId),
    keuzeGegevens(consulent, h.id, h.status),
    resultaatAggregaten(consulent),
  ]);
  // Gemeente staff always get the full comparison view; the client's shorter view is for clients only.
  return json({
    h,
    voorbeeld,
    geschiedenis,
    aanbiedingen: aanbiedingen as AanbiedingWeergave[],
    aanbiederNamen: Object.fromEntries(aanbieders.map((a) => [a.id, a.naam])),
    client: { naam: client.naam },
    keuze,
    resultaten,
    nu: Date.now(),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const id = params.id!;
  const formulier = await request.formData();
  const intent = formulier.get("intent");
  if (isKeuzeIntent(intent)) return keuzeActie(consulent, id, formulier, request.url);
  if (isKetenIntent(intent)) {
    const toewijzingId = await toewijzingVanHulpvraag(id);
    if (!toewijzingId) throw new Response("Niet gevonden", { status: 404 });
    return ketenActie(consulent, toewijzingId, intent, formulier, `/consulent/hulpvragen/${id}`);
  }
  const fout = await verwerk(async () => {
    if (intent === "publiceren") {
      await publiceer(consulent, id);
      throw naar(
        `/consulent/hulpvragen/${id}`,
        "De hulpvraag is gepubliceerd. Aanbieders met een contract zien haar nu.",
      );
    }
    if (intent === "intrekken") {
      await trekIn(consulent, id, parseInvoer(IntrekkenSchema, { reden: formulier.get("reden") ?? "" }).reden);
      throw naar(`/consulent/hulpvragen/${id}`, "De hulpvraag is ingetrokken.");
    }
    if (intent === "verlengen") {
      const { deadline } = parseInvoer(VerlengenSchema, {
        deadline: deadlineUitFormulier(String(formulier.get("deadline") ?? "")) ?? "",
      });
      await verleng(consulent, id, deadline);
      throw naar(
        `/consulent/hulpvragen/${id}`,
        "De reactietermijn is verlengd. Aanbieders zien de nieuwe termijn direct.",
      );
    }
    throw new Response("Onbekende handeling", { status: 400 });
  });
  return metWaarden(fout, getypteWaarden(formulier));
}

const AANKONDIGING = {
  "offer:created": "Nieuwe aanbieding van",
  "offer:revised": "Aangepaste aanbieding van",
  "offer:withdrawn": "Aanbieding ingetrokken door",
} as const;

export default function HulpvraagPagina() {
  const { h, voorbeeld, geschiedenis, aanbiedingen, aanbiederNamen, client, keuze, resultaten, nu } =
    useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigatie = useNavigation();
  const bezig = navigatie.state === "submitting" ? navigatie.formData?.get("intent") : null;
  const revalidator = useRevalidator();
  const [aankondiging, setAankondiging] = useState("");

  // Offers reach the consulent on the gemeente's feed; reloading the loader keeps one source of truth.
  useLive((e) => {
    if (e.payload.hulpvraagId !== h.id) return;
    if (e.type === "offer:created" || e.type === "offer:revised" || e.type === "offer:withdrawn") {
      const a = e.payload.aanbieding;
      setAankondiging(`${AANKONDIGING[e.type]} ${"consortiumNaam" in a ? bieder(a) : a.aanbiederNaam}.`);
      revalidator.revalidate();
    } else if (e.type === "choice:changed") {
      if (e.payload.partij === "client") setAankondiging("De cliënt heeft een voorkeur doorgegeven.");
      revalidator.revalidate();
    } else if (e.type === "choice:reviewed") {
      setAankondiging("Een collega heeft de motivatie bevestigd. Er kan nu gegund worden.");
      revalidator.revalidate();
    } else if (e.type.startsWith("request:")) {
      if (e.type === "request:closed") setAankondiging("De reactietermijn is voorbij. U kunt nu kiezen.");
      revalidator.revalidate();
    }
  });

  const intent = uitkomst?.waarden.intent;
  const resultaatCodes = h.resultaten.map((r) => r.code);
  const ingediend = aanbiedingen.filter((a) => a.status !== "ingetrokken");
  const ingetrokken = aanbiedingen.filter((a) => a.status === "ingetrokken");

  return (
    <article aria-labelledby="titel" className="zv-hulpvraag zv-secties">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/consulent">
          Alle hulpvragen
        </Link>
      </p>
      <h1 id="titel" className="utrecht-heading-1">
        Hulpvraag voor {client.naam}
      </h1>
      {/* A success message belongs to the previous step: once a refusal shows, it goes. */}
      {params.get("melding") && !(uitkomst && "melding" in uitkomst && uitkomst.melding) ? (
        <Melding soort="ok">{<p className="utrecht-paragraph">{params.get("melding")}</p>}</Melding>
      ) : null}

      <dl className="zv-kerngegevens">
        <div>
          <dt>Nummer</dt>
          <dd>{h.id}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="status">
            <StatusLabel status={h.status} />
          </dd>
        </div>
        <div>
          <dt>Reactietermijn</dt>
          <dd>
            {h.status === "open" ? (
              <Aftellen deadline={h.deadline} nu={nu} />
            ) : h.status === "concept" && !h.deadlineGekozen ? (
              "Standaardtermijn, berekend bij publicatie"
            ) : (
              moment(h.deadline)
            )}
          </dd>
        </div>
        {h.intrekkingsreden ? (
          <div>
            <dt>Reden van intrekken</dt>
            <dd>{h.intrekkingsreden}</dd>
          </div>
        ) : null}
      </dl>

      {intent === "publiceren" && uitkomst?.fouten.length ? (
        <Melding soort="error" titel={uitkomst.melding}>
          <ul>
            {uitkomst.fouten.map((f, i) => (
              <li key={i}>
                <a className="utrecht-link" href={`#${voorbeeldId(f.field)}`}>
                  {veldLabel(f.field, resultaatCodes)}
                </a>
                : {f.message}
                {f.match ? <> (gevonden: “{f.match}”)</> : null}
              </li>
            ))}
          </ul>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/consulent/hulpvragen/${h.id}/bewerken`}>
              Pas het concept aan
            </Link>
          </p>
        </Melding>
      ) : intent === "publiceren" && uitkomst ? (
        <Melding soort="error">{<p className="utrecht-paragraph">{uitkomst.melding}</p>}</Melding>
      ) : null}

      {h.status === "gegund" ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/consulent/hulpvragen/${h.id}/resultaten`} data-testid="naar-resultaten">
            Resultaten volgen: de checks na de start van de zorg
          </Link>
        </p>
      ) : null}

      {h.status === "concept" || h.status === "open" ? (
        <section aria-labelledby="acties" className="zv-acties">
          <h2 id="acties" className="utrecht-heading-2">
            Wat kunt u doen
          </h2>
          <div className="zv-rij">
            {h.status === "concept" ? (
              <>
                <Link
                  className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                  to={`/consulent/hulpvragen/${h.id}/bewerken`}
                >
                  Bewerken
                </Link>
                <Form method="post">
                  <Knop name="intent" value="publiceren" disabled={Boolean(bezig)}>
                    {bezig === "publiceren" ? "Bezig met publiceren…" : "Publiceren"}
                  </Knop>
                </Form>
              </>
            ) : null}
          </div>
          {h.status === "open" ? (
            <Form method="post" noValidate className="zv-formulier-klein">
              <Veld
                naam="deadline"
                label="Nieuwe reactietermijn"
                type="datetime-local"
                fout={intent === "verlengen" ? foutenVoor(uitkomst, "deadline") : undefined}
                uitleg="Later dan de huidige termijn. Aanbieders zien de nieuwe termijn direct."
                defaultValue={intent === "verlengen" ? String(uitkomst?.waarden.deadline ?? "") : ""}
              />
              <Knop name="intent" value="verlengen" variant="secondary" disabled={Boolean(bezig)}>
                {bezig === "verlengen" ? "Bezig…" : "Termijn verlengen"}
              </Knop>
            </Form>
          ) : null}
          <details className="zv-bevestig" open={intent === "intrekken"}>
            <summary className="utrecht-link">Hulpvraag intrekken…</summary>
            <Form method="post" noValidate>
              <p className="utrecht-paragraph">
                Intrekken kan niet ongedaan worden gemaakt.
                {h.status === "open" ? " Aanbieders zien de hulpvraag dan niet meer en kunnen niet meer reageren." : ""}
              </p>
              <Veld
                naam="reden"
                label="Reden van intrekken"
                fout={intent === "intrekken" ? foutenVoor(uitkomst, "reden") : undefined}
              >
                {(p) => (
                  <textarea
                    className="utrecht-textarea utrecht-textarea--html-textarea"
                    rows={2}
                    {...p}
                    defaultValue={intent === "intrekken" ? String(uitkomst?.waarden.reden ?? "") : ""}
                  />
                )}
              </Veld>
              <Knop name="intent" value="intrekken" variant="danger" disabled={Boolean(bezig)}>
                {bezig === "intrekken" ? "Bezig…" : "Ja, trek de hulpvraag in"}
              </Knop>
            </Form>
          </details>
          {(intent === "verlengen" || intent === "intrekken") && uitkomst && !uitkomst.fouten.length ? (
            <Melding soort="error">{<p className="utrecht-paragraph">{uitkomst.melding}</p>}</Melding>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="aanbiedingen">
        <h2 id="aanbiedingen" className="utrecht-heading-2">
          Aanbiedingen
        </h2>
        <p role="status" aria-live="polite" data-testid="aankondiging" className="zv-aankondiging">
          {aankondiging}
        </p>
        {ingediend.length ? (
          <AanbiedingenVergelijking
            aanbiedingen={ingediend}
            gevraagdeResultaten={resultaatCodes}
            huidigeAanbiederId={h.huidigeZorg?.aanbiederId ?? null}
            resultaten={resultaten}
          />
        ) : (
          <div className="zv-leeg">
            <p className="utrecht-paragraph">
              {h.status === "concept"
                ? "Na publicatie verschijnen aanbiedingen hier vanzelf."
                : "Er zijn nog geen aanbiedingen. Nieuwe aanbiedingen verschijnen hier vanzelf."}
            </p>
          </div>
        )}
        {ingetrokken.length ? (
          <details>
            <summary className="utrecht-link">Ingetrokken aanbiedingen ({ingetrokken.length})</summary>
            <ul>
              {ingetrokken.map((a) => (
                <li key={a.id}>
                  {bieder(a)}, ingetrokken op {moment(a.updatedAt)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <KeuzeEnGunning
        status={h.status}
        deadline={h.deadline}
        aanbiedingen={aanbiedingen}
        {...keuze}
        uitkomst={uitkomst as KeuzeUitkomst | undefined}
        bezig={typeof bezig === "string" ? bezig : null}
        nu={nu}
      />
      {keuze.keten ? (
        <KetenGemeente
          keten={keuze.keten as Keten}
          uitkomst={uitkomst as KetenUitkomst | undefined}
          bezig={typeof bezig === "string" ? bezig : null}
        />
      ) : null}

      <section aria-labelledby="voorbeeld">
        <h2 id="voorbeeld" className="utrecht-heading-2">
          Voorbeeld: dit zien aanbieders
        </h2>
        {voorbeeld.vondsten.length ? (
          <Melding soort="warning" titel="Dit concept kan nog niet gepubliceerd worden">
            <p className="utrecht-paragraph">
              Op {voorbeeld.vondsten.length === 1 ? "één plek" : `${voorbeeld.vondsten.length} plekken`} staan gegevens
              waarmee de cliënt herkend kan worden. Ze zijn hieronder gemarkeerd.
            </p>
          </Melding>
        ) : null}
        <HulpvraagVoorbeeld
          h={voorbeeld.weergave}
          vondsten={voorbeeld.vondsten}
          aanbiederNamen={aanbiederNamen}
          deadlineVast={h.status !== "concept" || h.deadlineGekozen}
        />
      </section>

      <section aria-labelledby="voorbeeld-client" data-testid="voorbeeld-client">
        <h2 id="voorbeeld-client" className="utrecht-heading-2">
          Voorbeeld: dit leest de cliënt
        </h2>
        {h.clientTekst ? (
          <blockquote className="utrecht-blockquote" id={voorbeeldId("clientTekst")}>
            <p className="utrecht-paragraph">{h.clientTekst}</p>
            {voorbeeld.vondsten
              .filter((v) => v.field === "clientTekst")
              .map((v, i) => (
                <p key={i} className="utrecht-paragraph zv-meta">
                  Let op: {v.message} (“{v.match}”)
                </p>
              ))}
          </blockquote>
        ) : (
          <Melding soort="warning">
            <p className="utrecht-paragraph">
              Er is nog geen tekst voor de cliënt. De cliënt ziet dan alleen de namen van de resultaten.
              {h.status === "concept" ? (
                <>
                  {" "}
                  <Link className="utrecht-link" to={`/consulent/hulpvragen/${h.id}/bewerken`}>
                    Schrijf een tekst voor de cliënt
                  </Link>
                  .
                </>
              ) : null}
            </p>
          </Melding>
        )}
        <p className="utrecht-paragraph">
          Wat de cliënt wil bereiken: {h.resultaten.map((r) => resultaatTekst(r.code)).join(", ")}.
        </p>
      </section>

      <section aria-labelledby="geschiedenis">
        <h2 id="geschiedenis" className="utrecht-heading-2">
          Statusgeschiedenis
        </h2>
        <StatusGeschiedenis regels={geschiedenis} />
      </section>
    </article>
  );
}
