import { Link } from "@remix-run/react";
import type { Signaal } from "../domain/signalen.server";

const MAX_LINKS = 12;

/** The supervisor's signals, each with links to the requests behind it (their audit trail). */
export function Signalen({ signalen, id = "signalen" }: { signalen: Signaal[]; id?: string }) {
  return (
    <section aria-labelledby={id} className="zv-cijfer">
      <h2 id={id} className="utrecht-heading-2">
        Signalen
      </h2>
      {signalen.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">Er zijn nu geen signalen.</p>
      ) : (
        <ul className="utrecht-unordered-list zv-signalen" data-testid="signalen">
          {signalen.map((s) => (
            <li key={s.sleutel} className="utrecht-unordered-list__item" data-signaal={s.soort}>
              <p className="utrecht-paragraph">{s.tekst}</p>
              {s.hulpvraagIds.length ? (
                <p className="utrecht-paragraph zv-meta">
                  Hulpvragen:{" "}
                  {s.hulpvraagIds.slice(0, MAX_LINKS).map((h, i) => (
                    <span key={h}>
                      {i > 0 ? ", " : null}
                      <Link className="utrecht-link" to={`/toezicht/audit?requestId=${encodeURIComponent(h)}`}>
                        {h}
                      </Link>
                    </span>
                  ))}
                  {s.hulpvraagIds.length > MAX_LINKS ? ` en ${s.hulpvraagIds.length - MAX_LINKS} meer` : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
