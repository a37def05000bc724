import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { aantal, moment } from "../format/nl";
import { lijstBerichten } from "../domain/berichten.server";

export const meta: MetaFunction = () => [{ title: "Verzonden berichten — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  return json({ berichten: await lijstBerichten(actor) });
}

const STATUS: Record<string, string> = {
  wachtend: "Wacht op verzending",
  verzonden: "Verzonden",
  postvak: "Bewaard (geen mailserver ingesteld)",
  mislukt: "Niet verzonden",
};

/** Every e-mail about this gemeente's requests. Without SMTP_URL this is where they are kept. */
export default function Berichten() {
  const { berichten } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Verzonden berichten</h1>
      <p className="utrecht-paragraph">
        Alle e-mail over de hulpvragen van uw gemeente, de nieuwste eerst. Is er geen mailserver ingesteld, dan worden
        de berichten hier bewaard.
      </p>
      {berichten.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">Er zijn nog geen berichten.</p>
      ) : (
        <ol className="zv-berichten" aria-label="Berichten">
          {berichten.map((b) => (
            <li key={b.id} className="zv-bericht" data-testid={`bericht-${b.id}`}>
              <details>
                <summary>
                  <strong>{b.onderwerp}</strong>
                  <span className="zv-bericht__meta">{` — aan ${b.aan}, ${moment(b.verzonden ?? b.aangemaakt)}, ${STATUS[b.status] ?? b.status}`}</span>
                </summary>
                {b.hulpvraagId ? <p className="utrecht-paragraph">Over hulpvraag {b.hulpvraagId}.</p> : null}
                {b.laatsteFout ? (
                  <p className="utrecht-paragraph">{`Laatste fout na ${aantal(b.pogingen, "poging", "pogingen")}: ${b.laatsteFout}`}</p>
                ) : null}
                <pre className="zv-bericht__tekst">{b.tekst}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
