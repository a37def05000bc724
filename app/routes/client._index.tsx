import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { vereisClient } from "../auth/guards.server";
import { beeindigSessie, legeClientCookie } from "../auth/session.server";
import { clientOverzicht, type ClientOverzicht } from "../domain/client-overzicht.server";
import { kies } from "../domain/keuzes.server";
import { isResultaatcheckSessie } from "../domain/resultaatcheck.server";
import { GEEN_AANBOD, KeuzeSchema } from "../schemas/keuze";
import { zodDetails } from "../schemas/parse";
import { verwerk } from "../http/formulier.server";
import { tekst } from "../schemas/formulier";
import { foutenVoor } from "../components/fouten";
import { aantal, datum, moment } from "../format/nl";
import { AanbodKaart, aanbodTitel } from "../components/client-aanbod";
import { resultaatTekst } from "../components/catalogus-tekst";
import { Knop, Melding } from "../components/ui";
import { useLive } from "../../realtime/useLive";
import type { LiveEventType } from "../../realtime/events";
import clientCss from "../styles/client.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: clientCss }];

export const meta: MetaFunction = () => [{ title: "Uw hulpvraag — Zorgveiling" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const client = vereisClient(context);
  // The invite of a results check opens the check, not the choice long made.
  if (await isResultaatcheckSessie(client)) throw redirect("/client/resultaten");
  return json(await clientOverzicht(client));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const client = vereisClient(context);
  const formulier = await request.formData();
  if (formulier.get("intent") === "afsluiten") {
    await beeindigSessie(client);
    return redirect("/uitnodiging?afgesloten=ja", { headers: { "Set-Cookie": legeClientCookie() } });
  }
  const gekozen = tekst(formulier, "offerId");
  const invoer = KeuzeSchema.safeParse({
    offerId: gekozen === GEEN_AANBOD ? null : gekozen,
    motivation: tekst(formulier, "motivation"),
  });
  if (!invoer.success)
    return json({ ok: false as const, melding: null, fouten: zodDetails(invoer.error) }, { status: 422 });
  const uitkomst = await verwerk(() => kies(client, client.hulpvraagId, invoer.data));
  if (uitkomst instanceof Response) return uitkomst;
  return redirect("/client?bewaard=ja");
}

// Said politely to screen readers, and shown, when the page changes by itself.
const AANKONDIGING: Partial<Record<LiveEventType, string>> = {
  "offer:created": "Er is een nieuw aanbod bijgekomen.",
  "offer:revised": "Een aanbieder heeft het aanbod veranderd.",
  "offer:withdrawn": "Een aanbieder heeft het aanbod teruggetrokken.",
  "request:awarded": "De gemeente heeft een aanbod gekozen. De uitkomst staat bovenaan.",
  "request:changed": "De stand van uw hulpvraag is veranderd.",
  "request:closed": "De tijd om te reageren is voorbij.",
  "request:withdrawn": "De gemeente heeft deze hulpvraag gestopt.",
  "choice:reviewed": "De gemeente heeft een keuze gemaakt. Hieronder leest u wat er gekozen is en waarom.",
};

const STAND: Record<string, string> = {
  open: "Aanbieders kunnen nog reageren.",
  beoordeling: "Aanbieders kunnen niet meer reageren. U en uw consulent kiezen nu samen.",
  gekozen: "U en uw consulent hebben hetzelfde aanbod gekozen. De gemeente regelt nu de rest.",
};

export default function ClientStart() {
  const overzicht = useLoaderData<typeof loader>();
  const { hulpvraag, aanbod } = overzicht;
  const revalidator = useRevalidator();
  const [aankondiging, setAankondiging] = useState("");
  useLive((e) => {
    const tekst = AANKONDIGING[e.type];
    if (tekst) setAankondiging(tekst);
    revalidator.revalidate();
  });
  return (
    <div className="zv-groot">
      <h1 className="utrecht-heading-1">Uw hulpvraag</h1>
      <p className="utrecht-paragraph" role="status" data-testid="aankondiging">
        {aankondiging}
      </p>
      <Uitkomst overzicht={overzicht} />
      <AndereKeuze overzicht={overzicht} />
      <section aria-labelledby="doelen">
        <h2 id="doelen" className="utrecht-heading-2">
          Wat u wilt bereiken
        </h2>
        {hulpvraag.clientTekst ? (
          <p className="utrecht-paragraph" data-testid="client-tekst">
            {hulpvraag.clientTekst}
          </p>
        ) : null}
        <ul>
          {hulpvraag.resultaten.map((r) => (
            <li key={r.code}>
              <strong>{resultaatTekst(r.code)}</strong>
            </li>
          ))}
        </ul>
        <p className="utrecht-paragraph">
          De hulp begint op zijn vroegst op {datum(hulpvraag.startdatum)} en duurt{" "}
          {aantal(hulpvraag.duurMaanden, "maand", "maanden")}.
        </p>
        {STAND[hulpvraag.status] ? (
          <p className="utrecht-paragraph">
            {overzicht.andereKeuze && hulpvraag.status === "gekozen"
              ? "De gemeente heeft een keuze gemaakt. Zij regelt nu de rest."
              : STAND[hulpvraag.status]}
            {hulpvraag.status === "open" ? ` Dat kan tot ${moment(hulpvraag.deadline)}.` : null}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="aanbiedingen">
        <h2 id="aanbiedingen" className="utrecht-heading-2">
          Wat aanbieders u bieden
        </h2>
        {aanbod.length === 0 ? (
          <p className="zv-leeg">
            Er is nog geen aanbod. Komt er een aanbod bij, dan ziet u dat hier meteen. U hoeft de pagina niet te
            vernieuwen.
          </p>
        ) : (
          <ul className="zv-aanbod">
            {aanbod.map((a, i) => (
              <AanbodKaart key={a.id} aanbod={a} nummer={i + 1} tegenUwKeuze={Boolean(overzicht.andereKeuze)} />
            ))}
          </ul>
        )}
      </section>
      {overzicht.kanKiezen && aanbod.length > 0 ? (
        <Voorkeur overzicht={overzicht} />
      ) : (
        <HuidigeVoorkeur overzicht={overzicht} />
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

function Uitkomst({ overzicht: { uitkomst, aanbod } }: { overzicht: ClientOverzicht }) {
  if (!uitkomst) return null;
  if (uitkomst.soort === "gegund") {
    const nummer = aanbod.findIndex((a) => a.id === uitkomst.aanbieding.id) + 1;
    return (
      <Melding soort="ok" titel="Er is gekozen">
        <p className="utrecht-paragraph" data-testid="uitkomst">
          De gemeente heeft gekozen voor {aanbodTitel(uitkomst.aanbieding, nummer)}. De hulp begint op{" "}
          {datum(uitkomst.aanbieding.startdatum)}. {uitkomst.aanbieding.aanbiederNaam} neemt contact met u op.
        </p>
        {uitkomst.beschikking ? <Bezwaar beschikking={uitkomst.beschikking} /> : null}
      </Melding>
    );
  }
  if (uitkomst.soort === "geen")
    return (
      <Melding titel="Geen van de aanbiedingen is gekozen">
        {
          <p className="utrecht-paragraph" data-testid="uitkomst">
            {uitkomst.bericht} Uw consulent neemt contact met u op.
          </p>
        }
      </Melding>
    );
  return (
    <Melding titel="Deze hulpvraag is gestopt">
      {
        <p className="utrecht-paragraph" data-testid="uitkomst">
          De gemeente heeft deze hulpvraag gestopt. Heeft u vragen? Bel dan uw Wmo-consulent.
        </p>
      }
    </Melding>
  );
}

/**
 * The gemeente chose something else than the client (rule 7, four eyes): what, why, and that the
 * client may object and how, in plain words. Told live once a second staff member confirmed it.
 */
function AndereKeuze({ overzicht }: { overzicht: ClientOverzicht }) {
  const { andereKeuze, aanbod } = overzicht;
  if (!andereKeuze) return null;
  const i = aanbod.findIndex((a) => a.id === andereKeuze.offerId);
  const gekozen = i >= 0 ? aanbodTitel(aanbod[i], i + 1) : "een ander aanbod";
  return (
    <section aria-labelledby="andere-keuze" data-testid="andere-keuze">
      <Melding soort="warning" titel="De gemeente kiest iets anders dan u">
        <p className="utrecht-paragraph">
          U koos: {voorkeurTekst(overzicht)}. De gemeente kiest: <strong>{gekozen}</strong>.
        </p>
        <p className="utrecht-paragraph">Waarom? Uw consulent schreef: “{andereKeuze.motivatie}”</p>
        <p className="utrecht-paragraph">
          Een tweede medewerker van de gemeente heeft dit gelezen en goedgekeurd op {moment(andereKeuze.bevestigdOp)}.
        </p>
        <h2 id="andere-keuze" className="utrecht-heading-3">
          Bent u het er niet mee eens?
        </h2>
        <p className="utrecht-paragraph">
          Dan mag u bezwaar maken. U krijgt van de gemeente een brief met de beslissing (de beschikking). Binnen zes
          weken na die brief stuurt u de gemeente een brief of e-mail. Schrijf daarin uw naam, de datum, over welke
          beslissing het gaat en waarom u het er niet mee eens bent. Zet uw handtekening eronder. Hulp nodig? Bel uw
          Wmo-consulent of vraag een cliëntondersteuner. Die hulp is gratis.
        </p>
      </Melding>
    </section>
  );
}

function voorkeurTekst({ voorkeur, aanbod }: Pick<ClientOverzicht, "voorkeur" | "aanbod">): string | null {
  if (!voorkeur) return null;
  if (voorkeur.offerId === null) return "geen van deze aanbiedingen";
  const i = aanbod.findIndex((a) => a.id === voorkeur.offerId);
  return i >= 0 ? aanbodTitel(aanbod[i], i + 1) : "een aanbod dat is teruggetrokken";
}

function HuidigeVoorkeur({ overzicht }: { overzicht: ClientOverzicht }) {
  const tekst = voorkeurTekst(overzicht);
  if (!tekst) return null;
  return (
    <section aria-labelledby="voorkeur">
      <h2 id="voorkeur" className="utrecht-heading-2">
        Uw voorkeur
      </h2>
      <p className="utrecht-paragraph">U koos: {tekst}.</p>
    </section>
  );
}

function Voorkeur({ overzicht }: { overzicht: ClientOverzicht }) {
  const { aanbod, voorkeur } = overzicht;
  const uitkomst = useActionData<typeof action>();
  const [params] = useSearchParams();
  const bezig = useNavigation().state === "submitting";
  const fout = foutenVoor(uitkomst, "offerId");
  const opmerkingFout = foutenVoor(uitkomst, "motivation");
  const algemeen = uitkomst?.melding && !fout && !opmerkingFout ? uitkomst.melding : null;
  const gekozen = voorkeurTekst(overzicht);
  const bevestiging = useRef<HTMLDivElement>(null);
  const bewaard = params.get("bewaard") === "ja" && gekozen;
  // After saving, keyboard and screen-reader users land on the confirmation.
  useEffect(() => {
    if (bewaard) bevestiging.current?.focus();
  }, [bewaard]);
  return (
    <section aria-labelledby="voorkeur">
      <h2 id="voorkeur" className="utrecht-heading-2">
        Uw voorkeur
      </h2>
      {bewaard ? (
        <div ref={bevestiging} tabIndex={-1} data-testid="bevestiging">
          <Melding soort="ok" titel={`Uw voorkeur is bewaard: ${gekozen}.`}>
            <p className="utrecht-paragraph">
              Uw consulent ziet uw voorkeur. U kunt die nog veranderen tot de gemeente een aanbod kiest.
            </p>
          </Melding>
        </div>
      ) : gekozen ? (
        <p className="utrecht-paragraph">U koos tot nu toe: {gekozen}.</p>
      ) : null}
      {algemeen ? (
        <Melding soort="error" titel="Uw voorkeur is niet bewaard">
          {<p className="utrecht-paragraph">{algemeen}</p>}
        </Melding>
      ) : null}
      <Form method="post" noValidate>
        <fieldset className="zv-keuze" aria-describedby={fout ? "keuze-fout" : "keuze-uitleg"}>
          <legend>Welk aanbod vindt u het beste?</legend>
          <p className="utrecht-paragraph" id="keuze-uitleg">
            Kies er één. U mag ook zeggen dat geen enkel aanbod bij u past.
          </p>
          {fout ? (
            <p className="utrecht-form-field__error-message" id="keuze-fout">
              {fout.join(" ")}
            </p>
          ) : null}
          {aanbod.map((a, i) => (
            <label key={a.id}>
              <input
                type="radio"
                name="offerId"
                value={a.id}
                defaultChecked={voorkeur?.offerId === a.id}
                aria-invalid={fout ? true : undefined}
              />
              <span>{aanbodTitel(a, i + 1)}</span>
            </label>
          ))}
          <label>
            <input
              type="radio"
              name="offerId"
              value={GEEN_AANBOD}
              defaultChecked={voorkeur !== null && voorkeur.offerId === null}
              aria-invalid={fout ? true : undefined}
            />
            <span>Geen van deze aanbiedingen</span>
          </label>
        </fieldset>
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="opmerking">
              Wilt u er iets over zeggen? (Dit mag leeg blijven.)
            </label>
          </div>
          {opmerkingFout ? (
            <p className="utrecht-form-field__error-message" id="opmerking-fout">
              {opmerkingFout.join(" ")}
            </p>
          ) : null}
          <textarea
            id="opmerking"
            name="motivation"
            className="utrecht-textarea"
            rows={4}
            maxLength={4000}
            defaultValue={voorkeur?.opmerking ?? ""}
            aria-describedby={opmerkingFout ? "opmerking-fout" : undefined}
            aria-invalid={opmerkingFout ? true : undefined}
          />
        </div>
        <Knop disabled={bezig} aria-disabled={bezig}>
          {bezig ? "Bezig met bewaren…" : "Bewaar mijn voorkeur"}
        </Knop>
      </Form>
    </section>
  );
}

/** The decision and how to object to it, in plain words (B1): who, within how long, and how. */
function Bezwaar({ beschikking }: { beschikking: { nummer: string; datum: string; bezwaarTot: string } }) {
  return (
    <div data-testid="bezwaar">
      <h2 className="utrecht-heading-3">Bent u het er niet mee eens?</h2>
      <p className="utrecht-paragraph">
        De gemeente heeft dit besloten in een brief: de beschikking. Die heeft nummer {beschikking.nummer} en is van{" "}
        {datum(beschikking.datum)}.
      </p>
      <p className="utrecht-paragraph">
        Bent u het niet eens met dit besluit? Dan mag u bezwaar maken. Dat moet binnen zes weken: uiterlijk op{" "}
        <strong>{datum(beschikking.bezwaarTot)}</strong>.
      </p>
      <p className="utrecht-paragraph">
        Zo maakt u bezwaar: stuur de gemeente een brief of e-mail. Schrijf daarin uw naam en adres, de datum, het nummer
        van de beschikking en waarom u het er niet mee eens bent. Zet uw handtekening eronder. Hulp nodig? Bel uw
        Wmo-consulent of vraag een cliëntondersteuner. Die hulp is gratis.
      </p>
    </div>
  );
}
