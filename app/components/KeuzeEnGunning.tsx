import { Form } from "@remix-run/react";
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import type { FoutDetail } from "../domain/errors";
import { bieder } from "./AanbiedingenVergelijking";
import { ClientUitnodiging, type NieuweUitnodiging, type Uitnodiging } from "./ClientUitnodiging";
import { Gunningsuitkomst, type Toewijzing, type Overname } from "./Gunningsuitkomst";
import { Keuze, Keuzegroep } from "./keuzes";
import { foutenVoor } from "./fouten";
import { euro, moment } from "../format/nl";
import { Knop, Melding, Veld } from "./ui";
import { GEEN_AANBOD } from "../schemas/keuze";

type KeuzeWeergave = {
  offerId: string | null;
  motivation: string | null;
  comment: string | null;
  clientAbsentReason: string | null;
  chosenBy: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  updatedAt: string;
};
export type Keuzes = { client: KeuzeWeergave | null; consulent: KeuzeWeergave | null; eens: boolean };

/** What the section's form actions answer: a refusal, the one-time invite code, or "confirm closing the round". */
export type KeuzeUitkomst = {
  waarden?: Record<string, unknown>;
  melding?: string;
  fouten?: FoutDetail[];
  uitnodiging?: NieuweUitnodiging;
  bevestigGeen?: boolean;
};

type Props = {
  status: string;
  deadline: string;
  aanbiedingen: AanbiedingWeergave[];
  keuzes: Keuzes;
  /** This consulent made the current choice (and so may not confirm it). */
  ikKoos: boolean;
  uitnodigingen: Uitnodiging[];
  toewijzing: Toewijzing | null;
  overname: Overname | null;
  volgendeRonde: { id: string; status: string } | null;
  uitkomst?: KeuzeUitkomst;
  bezig: string | null;
  nu: number;
};

const waarde = (u: KeuzeUitkomst | undefined, naam: string) =>
  typeof u?.waarden?.[naam] === "string" ? String(u.waarden[naam]) : undefined;
function naamVan(aanbiedingen: AanbiedingWeergave[], offerId: string | null) {
  if (offerId === null) return "Geen van deze aanbiedingen";
  const a = aanbiedingen.find((x) => x.id === offerId);
  return a ? bieder(a) : "een aanbod dat niet meer bestaat";
}

// The fields each form shows its own messages at; anything else goes in the message above the section.
const VELDEN: Record<string, string[]> = {
  kiezen: ["offerId", "motivation", "clientAbsentReason"],
  gunnen: ["motivation", "beschikkingNummer", "beschikkingDatum"],
  bevestigen: [],
  uitnodigen: ["vertegenwoordiger", "email", "geldigDagen"],
  "nieuwe-ronde": [],
  "uitnodiging-intrekken": [],
};

/** "Keuze en gunning" on the consulent's request page: invite, the client's preference, choose, award, outcome. */
export function KeuzeEnGunning(p: Props) {
  const voor = (intent: string) => (p.uitkomst?.waarden?.intent === intent ? p.uitkomst : undefined);
  const beoordelen = p.status === "beoordeling" || p.status === "gekozen";
  // Refusals without a field of their own (choice_mismatch, already_awarded) stay visible even when the page moved on.
  const intent = String(p.uitkomst?.waarden?.intent ?? "");
  const algemeen = intent in VELDEN && p.uitkomst?.melding ? p.uitkomst : undefined;
  return (
    <section aria-labelledby="keuze" data-testid="keuze-en-gunning" className="zv-keuze">
      <h2 id="keuze" className="utrecht-heading-2">
        Keuze en gunning
      </h2>
      {algemeen ? (
        <Melding soort="error" titel={algemeen.melding}>
          {algemeen.fouten
            ?.filter((f) => !VELDEN[intent].includes(f.field))
            .map((f, i) => (
              <p key={i} className="utrecht-paragraph">
                {f.message}
              </p>
            ))}
        </Melding>
      ) : null}
      {p.status === "concept" ? (
        <p className="utrecht-paragraph">Na publicatie kunt u de cliënt uitnodigen om mee te kiezen.</p>
      ) : null}
      {p.status === "open" ? (
        <p className="utrecht-paragraph">
          Kiezen en gunnen kan na de reactietermijn ({moment(p.deadline)}). Deze pagina gaat dan vanzelf verder. Nodig
          de cliënt nu al uit: de cliënt kan al een voorkeur geven.
        </p>
      ) : null}
      {p.toewijzing || p.status === "geen_passend_aanbod" ? (
        <Gunningsuitkomst
          status={p.status}
          aanbiedingen={p.aanbiedingen}
          toewijzing={p.toewijzing}
          overname={p.overname}
          volgendeRonde={p.volgendeRonde}
          bezig={p.bezig === "nieuwe-ronde"}
        />
      ) : null}
      {p.status !== "concept" && p.status !== "ingetrokken" ? (
        <ClientVoorkeur keuzes={p.keuzes} aanbiedingen={p.aanbiedingen} />
      ) : null}
      {beoordelen ? <KeuzeFormulier {...p} uitkomst={voor("kiezen")} /> : null}
      {beoordelen && tegenDeClient(p.keuzes) ? <VierOgen {...p} /> : null}
      {beoordelen && p.keuzes.consulent?.offerId ? <GunFormulier {...p} uitkomst={voor("gunnen")} /> : null}
      <ClientUitnodiging
        uitnodigingen={p.uitnodigingen}
        kanUitnodigen={p.status === "open" || beoordelen}
        nieuw={voor("uitnodigen")?.uitnodiging}
        uitkomst={voor("uitnodigen")}
        nu={p.nu}
      />
    </section>
  );
}

/** The client's preference as it comes in, live: the page reloads its data on `choice:changed`. */
function ClientVoorkeur({ keuzes, aanbiedingen }: { keuzes: Keuzes; aanbiedingen: AanbiedingWeergave[] }) {
  const c = keuzes.client;
  return (
    <section aria-labelledby="voorkeur">
      <h3 id="voorkeur" className="utrecht-heading-3">
        Voorkeur van de cliënt
      </h3>
      <div aria-live="polite" data-testid="voorkeur-client">
        {c ? (
          <>
            <p className="utrecht-paragraph">
              De cliënt kiest: <strong>{naamVan(aanbiedingen, c.offerId)}</strong>{" "}
              <span className="zv-meta">(doorgegeven op {moment(c.updatedAt)})</span>
            </p>
            {c.comment ? (
              <blockquote className="utrecht-blockquote">
                <p className="utrecht-paragraph">“{c.comment}”</p>
              </blockquote>
            ) : null}
          </>
        ) : (
          <p className="utrecht-paragraph zv-leeg">
            De cliënt heeft nog geen voorkeur gegeven. Zodra dat gebeurt, ziet u het hier vanzelf.
          </p>
        )}
      </div>
    </section>
  );
}

function KeuzeFormulier({ aanbiedingen, keuzes, uitkomst, bezig }: Props) {
  const gekozen = waarde(uitkomst, "keuze") ?? keuzes.consulent?.offerId ?? undefined;
  const afwezig = waarde(uitkomst, "clientAbsentReason") ?? keuzes.consulent?.clientAbsentReason ?? "";
  const open = aanbiedingen.filter((a) => a.status !== "ingetrokken");
  return (
    <section aria-labelledby="uw-keuze">
      <h3 id="uw-keuze" className="utrecht-heading-3">
        Uw keuze
      </h3>
      {keuzes.consulent ? (
        <p className="utrecht-paragraph" data-testid="keuze-consulent">
          U koos: <strong>{naamVan(aanbiedingen, keuzes.consulent.offerId)}</strong>
          {keuzes.consulent.motivation ? <>, omdat: “{keuzes.consulent.motivation}”</> : null}.
        </p>
      ) : null}
      {keuzes.consulent?.offerId && !keuzes.client && !keuzes.eens ? (
        <Melding soort="warning">
          <p className="utrecht-paragraph">
            De cliënt heeft nog geen voorkeur gegeven. Gunnen kan als de cliënt hetzelfde kiest, of als u hieronder
            vastlegt waarom de cliënt niet kan meebeslissen.
          </p>
        </Melding>
      ) : null}
      {uitkomst?.bevestigGeen ? (
        <Melding soort="warning" titel="Weet u zeker dat geen aanbod past?">
          <Form method="post">
            <input type="hidden" name="keuze" value={GEEN_AANBOD} />
            <input type="hidden" name="motivation" value={waarde(uitkomst, "motivation") ?? ""} />
            <input type="hidden" name="bevestigd" value="ja" />
            <p className="utrecht-paragraph">
              Deze ronde sluit dan zonder gunning. Dat kan niet ongedaan worden gemaakt. Alle aanbieders krijgen
              bericht. Daarna kunt u een aangepaste hulpvraag uitzetten als nieuwe ronde.
            </p>
            <Knop name="intent" value="kiezen" variant="danger">
              Ja, geen passend aanbod: sluit deze ronde
            </Knop>
          </Form>
        </Melding>
      ) : null}
      <Form method="post" noValidate className="zv-formulier-klein">
        <Keuzegroep legend="Welk aanbod kiest u?" fout={foutenVoor(uitkomst, "offerId")}>
          {open.map((a) => (
            <Keuze key={a.id} type="radio" naam="keuze" waarde={a.id} aan={gekozen === a.id}>
              {bieder(a)}, {euro(a.prijsPerMaandCent)} per maand
              {keuzes.client?.offerId === a.id ? " (voorkeur van de cliënt)" : ""}
            </Keuze>
          ))}
          <Keuze type="radio" naam="keuze" waarde={GEEN_AANBOD} aan={gekozen === GEEN_AANBOD}>
            Geen passend aanbod (de ronde sluit)
          </Keuze>
        </Keuzegroep>
        <Veld
          naam="motivation"
          label="Motivatie"
          fout={foutenVoor(uitkomst, "motivation")}
          uitleg="Verplicht als u iets anders kiest dan de cliënt. De motivatie wordt bewaard."
        >
          {(props) => (
            <textarea
              className="utrecht-textarea utrecht-textarea--html-textarea"
              rows={3}
              {...props}
              defaultValue={waarde(uitkomst, "motivation") ?? ""}
            />
          )}
        </Veld>
        {!keuzes.client ? (
          <details className="zv-bevestig" open={Boolean(afwezig)}>
            <summary className="utrecht-link">De cliënt kan niet meebeslissen</summary>
            <Veld
              naam="clientAbsentReason"
              label="Waarom kan de cliënt niet meebeslissen?"
              fout={foutenVoor(uitkomst, "clientAbsentReason")}
              uitleg="Alleen als de cliënt (of wie helpt) echt niet kan kiezen. Met deze reden kunt u gunnen zonder voorkeur van de cliënt."
            >
              {(props) => (
                <textarea
                  className="utrecht-textarea utrecht-textarea--html-textarea"
                  rows={2}
                  {...props}
                  defaultValue={afwezig}
                />
              )}
            </Veld>
          </details>
        ) : null}
        <Knop name="intent" value="kiezen" disabled={bezig === "kiezen"}>
          {bezig === "kiezen" ? "Bezig…" : "Keuze vastleggen"}
        </Knop>
      </Form>
    </section>
  );
}

/** Differing from a stated preference (an offer or "none of these"): the consulent's motivation needs four eyes. */
export function tegenDeClient(k: Keuzes): boolean {
  return Boolean(k.consulent?.offerId && k.client && k.client.offerId !== k.consulent.offerId);
}

/**
 * Four eyes (rule 7): the consulent who chose against the client's preference waits for a
 * colleague; another consulent of the gemeente reads the motivation and confirms it here.
 */
function VierOgen({ aanbiedingen, keuzes, ikKoos, bezig }: Props) {
  const c = keuzes.consulent!;
  return (
    <section aria-labelledby="vier-ogen" data-testid="vier-ogen">
      <h3 id="vier-ogen" className="utrecht-heading-3">
        Bevestiging door een collega
      </h3>
      <p className="utrecht-paragraph">
        De cliënt koos <strong>{naamVan(aanbiedingen, keuzes.client!.offerId)}</strong>; de gemeente kiest{" "}
        <strong>{naamVan(aanbiedingen, c.offerId)}</strong>, omdat: “{c.motivation}”.
      </p>
      {c.reviewedBy ? (
        <p className="utrecht-paragraph">
          Een collega-consulent heeft deze motivatie bevestigd op {moment(c.reviewedAt!)}. De cliënt ziet de keuze, de
          uitleg en hoe bezwaar maken gaat.
        </p>
      ) : ikKoos ? (
        <Melding soort="warning">
          <p className="utrecht-paragraph">
            U kiest anders dan de cliënt. Voordat u kunt gunnen, moet een collega-consulent van de gemeente uw motivatie
            lezen en bevestigen. Vraag een collega deze hulpvraag te openen.
          </p>
        </Melding>
      ) : (
        <Form method="post">
          <p className="utrecht-paragraph">
            Een collega koos anders dan de cliënt. Lees de motivatie. Vindt u die voldoende, bevestig dan. Daarna kan er
            gegund worden en ziet de cliënt de keuze met de uitleg.
          </p>
          <Knop name="intent" value="bevestigen" disabled={bezig === "bevestigen"}>
            {bezig === "bevestigen" ? "Bezig…" : "Ik bevestig deze motivatie"}
          </Knop>
        </Form>
      )}
    </section>
  );
}

/** Awarding is final: a second, explicit step with the short motivation every aanbieder reads. */
function GunFormulier({ aanbiedingen, keuzes, uitkomst, bezig }: Props) {
  // Offered only when the server allows it: both agree, the reason the client cannot take part, or a confirmed motivation.
  if (!keuzes.eens) {
    return (
      <section aria-labelledby="gunnen">
        <h3 id="gunnen" className="utrecht-heading-3">
          Gunnen
        </h3>
        <p className="utrecht-paragraph" data-testid="gunnen-kan-niet">
          {tegenDeClient(keuzes)
            ? "Gunnen kan zodra een collega-consulent uw motivatie heeft bevestigd."
            : keuzes.client
              ? "Gunnen kan zodra u en de cliënt hetzelfde aanbod kiezen."
              : "Gunnen kan zodra de cliënt hetzelfde kiest, of als u vastlegt waarom de cliënt niet kan meebeslissen."}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="gunnen">
      <h3 id="gunnen" className="utrecht-heading-3">
        Gunnen
      </h3>
      <details className="zv-bevestig" open={Boolean(uitkomst)}>
        <summary className="utrecht-link">Gunnen…</summary>
        <Form method="post" noValidate>
          <p className="utrecht-paragraph">
            U gunt aan <strong>{naamVan(aanbiedingen, keuzes.consulent?.offerId ?? null)}</strong>. Dit kan niet
            ongedaan worden gemaakt. Alle aanbieders die reageerden krijgen direct bericht, met de motivatie hieronder.
            Daarna staat de toewijzing klaar.
          </p>
          <Veld
            naam="gunningMotivatie"
            label="Korte motivatie voor de aanbieders"
            fout={foutenVoor(uitkomst, "motivation")}
            uitleg="Zonder gegevens waarmee de cliënt herkend kan worden. Leeg laten geeft een standaardtekst."
          >
            {(props) => (
              <textarea
                className="utrecht-textarea utrecht-textarea--html-textarea"
                rows={2}
                {...props}
                defaultValue={waarde(uitkomst, "gunningMotivatie") ?? ""}
              />
            )}
          </Veld>
          <Veld
            naam="beschikkingNummer"
            label="Nummer van de beschikking (optioneel)"
            fout={foutenVoor(uitkomst, "beschikkingNummer")}
            uitleg="Het nummer van het besluit dat de cliënt krijgt. Leeg laten: Zorgveiling maakt een nummer."
            defaultValue={waarde(uitkomst, "beschikkingNummer") ?? ""}
          />
          <Veld
            naam="beschikkingDatum"
            label="Datum van de beschikking (optioneel)"
            type="date"
            fout={foutenVoor(uitkomst, "beschikkingDatum")}
            uitleg="Leeg laten: de datum van vandaag. De cliënt kan tot zes weken na deze datum bezwaar maken."
            defaultValue={waarde(uitkomst, "beschikkingDatum") ?? ""}
          />
          <Knop name="intent" value="gunnen" disabled={bezig === "gunnen"}>
            {bezig === "gunnen" ? "Bezig met gunnen…" : "Ja, gun dit aanbod"}
          </Knop>
        </Form>
      </details>
    </section>
  );
}
