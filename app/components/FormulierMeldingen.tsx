import { useSearchParams } from "@remix-run/react";
import { Melding } from "./ui";

/** The refusal of a form action in one sentence; the details stand at the fields. */
export function Weigering({ uitkomst, titel }: { uitkomst: unknown; titel: string }) {
  if (!uitkomst || typeof uitkomst !== "object" || !("melding" in uitkomst) || !uitkomst.melding) return null;
  const { melding, fouten } = uitkomst as { melding: string; fouten?: unknown[] };
  return (
    <Melding soort="error" titel={titel}>
      <p className="utrecht-paragraph">{melding}</p>
      {fouten?.length ? <p className="utrecht-paragraph">Bekijk de meldingen bij de velden hieronder.</p> : null}
    </Melding>
  );
}

/** The `?melding=` a successful action redirected with (see `naar`), in a polite live region. */
export function Bevestiging({ verberg = false }: { verberg?: boolean }) {
  const [params] = useSearchParams();
  const melding = verberg ? null : params.get("melding");
  return (
    <div aria-live="polite">
      {melding ? (
        <Melding soort="ok">
          <p className="utrecht-paragraph">{melding}</p>
        </Melding>
      ) : null}
    </div>
  );
}
