import { Link } from "@remix-run/react";
import { datum } from "../format/nl";

type Achterstand = {
  toewijzingId: string;
  hulpvraagId: string;
  aanbieder: string;
  bericht: string;
  uiterlijk: string;
  uitleg: string;
};

/**
 * iWmo messages past the deadlines of the standard (OP090: a retour within 3 working days;
 * OP271: start and stop within 5), for the consulent and the toezichthouder of the gemeente.
 */
export function TeLateBerichten({ items, metLink }: { items: Achterstand[]; metLink: boolean }) {
  return (
    <section aria-labelledby="te-laat" data-testid="te-late-berichten">
      <h2 id="te-laat" className="utrecht-heading-2">
        Te late iWmo-berichten
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph zv-leeg">Geen: alle retour-, start- en stopberichten kwamen op tijd.</p>
      ) : (
        <ul>
          {items.map((a) => (
            <li key={`${a.toewijzingId}-${a.bericht}`}>
              {a.bericht} van {a.aanbieder}, uiterlijk {datum(a.uiterlijk)}: {a.uitleg}{" "}
              {metLink ? (
                <Link className="utrecht-link" to={`/consulent/hulpvragen/${a.hulpvraagId}`}>
                  Naar de hulpvraag
                </Link>
              ) : (
                <>(hulpvraag {a.hulpvraagId})</>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
