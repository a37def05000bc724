import { Form } from "@remix-run/react";
import { foutenVoor } from "./fouten";
import { moment } from "../format/nl";
import { Tabel } from "./Tabel";
import { Knop, Melding, Veld } from "./ui";

export type Uitnodiging = {
  id: string;
  vertegenwoordiger: string | null;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
};
export type NieuweUitnodiging = {
  id: string;
  code: string;
  url: string;
  expiresAt: string;
  vertegenwoordiger: string | null;
  gemaild?: boolean;
};

/**
 * The code right after it was made. It is stored only as a hash, so this is the one moment the
 * consulent can read it out; spelled per character because it is often passed on by phone.
 */
export function NieuweCode({ u }: { u: NieuweUitnodiging }) {
  return (
    <Melding
      soort="ok"
      titel={`Uitnodiging gemaakt${u.vertegenwoordiger ? ` voor de cliënt en ${u.vertegenwoordiger}` : " voor de cliënt"}`}
    >
      <p className="utrecht-paragraph">Geef deze code nu door. U ziet hem hierna niet meer terug.</p>
      <p className="zv-code" data-testid="uitnodigingscode">
        {u.code}
      </p>
      <p className="utrecht-paragraph">Letter voor letter: {u.code.replace("-", "").split("").join(" ")}</p>
      <p className="utrecht-paragraph">
        Of stuur deze link:{" "}
        <a className="utrecht-link" href={u.url} data-testid="uitnodigingslink">
          {u.url}
        </a>
      </p>
      <p className="utrecht-paragraph">Geldig tot {moment(u.expiresAt)}.</p>
      {u.gemaild ? <p className="utrecht-paragraph">De uitnodiging is ook per e-mail verstuurd.</p> : null}
      <p className="utrecht-paragraph">
        Liever op papier? Druk deze pagina af: alleen de brief hieronder komt op het papier.
      </p>
      <div className="zv-brief" data-testid="uitnodigingsbrief">
        <h2 className="utrecht-heading-2">Uitnodiging: kies mee welke zorg bij u past</h2>
        <p className="utrecht-paragraph">
          Beste {u.vertegenwoordiger ? `meneer, mevrouw, en ${u.vertegenwoordiger}` : "meneer, mevrouw"},
        </p>
        <p className="utrecht-paragraph">
          De gemeente heeft zorgaanbieders gevraagd wat zij u kunnen bieden. U kunt de aanbiedingen zelf bekijken en
          zeggen welke u het liefst wilt.
        </p>
        <ol>
          <li>
            Ga naar <strong>{u.url.replace(/\?code=.*$/, "")}</strong>
          </li>
          <li>
            Vul deze code in: <strong className="zv-code">{u.code}</strong>
          </li>
        </ol>
        <p className="utrecht-paragraph">
          De code werkt tot {moment(u.expiresAt)}. Deel de code niet met anderen. Vragen? Bel uw Wmo-consulent.
        </p>
      </div>
    </Melding>
  );
}

function status(u: Uitnodiging, nu: number) {
  if (u.revokedAt) return `Ingetrokken op ${moment(u.revokedAt)}`;
  if (new Date(u.expiresAt).getTime() <= nu) return "Verlopen";
  return `Geldig tot ${moment(u.expiresAt)}`;
}

const getypt = (uitkomst: unknown, naam: string) =>
  String((uitkomst as { waarden?: Record<string, unknown> } | undefined)?.waarden?.[naam] ?? "");

type Props = {
  uitnodigingen: Uitnodiging[];
  kanUitnodigen: boolean;
  nieuw?: NieuweUitnodiging;
  uitkomst?: unknown;
  nu: number;
};

/** Step 1 of choosing together: the client (and whoever helps them) gets a code instead of an account. */
export function ClientUitnodiging({ uitnodigingen, kanUitnodigen, nieuw, uitkomst, nu }: Props) {
  // After a refusal the form shows what was typed; after a new invite it starts empty again.
  const fout = Boolean(uitkomst && !nieuw);
  return (
    <section aria-labelledby="uitnodigen">
      <h3 id="uitnodigen" className="utrecht-heading-3">
        {kanUitnodigen ? "De cliënt uitnodigen" : "Uitnodigingen voor de cliënt"}
      </h3>
      <div aria-live="polite">{nieuw ? <NieuweCode u={nieuw} /> : null}</div>
      {kanUitnodigen ? (
        <Form method="post" noValidate className="zv-formulier-klein">
          <p className="utrecht-paragraph">
            Met een code leest de cliënt de aanbiedingen in eenvoudige taal en geeft een voorkeur door. Een account is
            niet nodig.
          </p>
          <Veld
            naam="vertegenwoordiger"
            label="Wie helpt de cliënt kiezen? (niet verplicht)"
            uitleg="Bijvoorbeeld: dochter (mantelzorger) of cliëntondersteuner."
            fout={foutenVoor(uitkomst, "vertegenwoordiger")}
            defaultValue={fout ? getypt(uitkomst, "vertegenwoordiger") : ""}
          />
          <Veld
            naam="email"
            label="E-mailadres voor de uitnodiging (niet verplicht)"
            type="email"
            autoComplete="off"
            uitleg="Alleen als de cliënt of de helper dat wil. De e-mail bevat de code en de link, niets over de zorg."
            fout={foutenVoor(uitkomst, "email")}
            defaultValue={fout ? getypt(uitkomst, "email") : ""}
          />
          <Veld
            naam="geldigDagen"
            label="Aantal dagen geldig"
            type="number"
            inputMode="numeric"
            min={1}
            max={30}
            defaultValue={fout ? getypt(uitkomst, "geldigDagen") : "14"}
            fout={foutenVoor(uitkomst, "geldigDagen")}
          />
          <Knop name="intent" value="uitnodigen" variant="secondary">
            Uitnodiging maken
          </Knop>
        </Form>
      ) : null}
      {uitnodigingen.length || kanUitnodigen ? (
        <Tabel
          bijschrift="Uitnodigingen voor deze hulpvraag"
          kolommen={["Voor", "Gemaakt op", "Status", "Actie"]}
          leeg="Er is nog geen uitnodiging gemaakt."
          rijen={uitnodigingen.map((u) => {
            const actief = !u.revokedAt && new Date(u.expiresAt).getTime() > nu;
            return {
              sleutel: u.id,
              testId: `uitnodiging-${u.id}`,
              cellen: [
                u.vertegenwoordiger ? `De cliënt en ${u.vertegenwoordiger}` : "De cliënt",
                moment(u.createdAt),
                status(u, nu),
                actief ? (
                  <details className="zv-bevestig">
                    <summary className="utrecht-link">Intrekken…</summary>
                    <Form method="post">
                      <input type="hidden" name="uitnodigingId" value={u.id} />
                      <p className="utrecht-paragraph">
                        De code werkt daarna niet meer. Wie er nu mee kijkt, wordt direct afgemeld.
                      </p>
                      <Knop name="intent" value="uitnodiging-intrekken" variant="danger">
                        Ja, trek deze uitnodiging in
                      </Knop>
                    </Form>
                  </details>
                ) : (
                  "—"
                ),
              ],
            };
          })}
        />
      ) : null}
    </section>
  );
}
