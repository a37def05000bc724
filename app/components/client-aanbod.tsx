// Without the iWmo code in front: the client reads words, not numbers.
import { categorieNaam } from "./catalogus-tekst";
import { resultaatTekst } from "./catalogus-tekst";
import { datum } from "../format/nl";

/** An offer as the client reads it (B1): who, what, how often, from when, and their caregiver. Never a price. */
export type ClientAanbod = {
  id: string;
  status: string;
  aanbiederNaam: string;
  samenvatting: string;
  startdatum: string;
  einddatum: string;
  onderdelen: {
    wie: string;
    productcategorie: string;
    wat: string;
    resultaten: string[];
    urenPerWeek: number | null;
    omvang: string | null;
  }[];
  resultatenGedekt: string[];
  hulpverlener: "blijft" | "overname" | "nieuw" | null;
};

const HULPVERLENER: Record<NonNullable<ClientAanbod["hulpverlener"]>, string> = {
  blijft: "Uw huidige hulpverlener blijft. Uw huidige zorgaanbieder doet mee in dit aanbod.",
  overname: "Uw huidige hulpverlener mag blijven. Deze aanbieder biedt haar of hem een baan aan.",
  nieuw: "U krijgt een nieuwe hulpverlener.",
};

const UITKOMST: Record<string, string> = {
  gegund: "Gekozen",
  afgewezen: "Niet gekozen",
  gekozen: "U en de consulent kozen dit aanbod",
};

export const aanbodTitel = (a: Pick<ClientAanbod, "aanbiederNaam">, nummer: number) =>
  `Aanbod ${nummer}: ${a.aanbiederNaam}`;

/** `tegenUwKeuze`: the gemeente chose this one against the client's preference (four eyes); the label must not say "you". */
export function AanbodKaart({
  aanbod: a,
  nummer,
  tegenUwKeuze = false,
}: {
  aanbod: ClientAanbod;
  nummer: number;
  tegenUwKeuze?: boolean;
}) {
  const kop = `aanbod-${a.id}`;
  const uitkomst = a.status === "gekozen" && tegenUwKeuze ? "De gemeente kiest dit aanbod" : UITKOMST[a.status];
  return (
    <li data-gegund={a.status === "gegund" ? "ja" : undefined} data-testid="aanbod">
      <h3 id={kop} className="utrecht-heading-3">
        {aanbodTitel(a, nummer)}
      </h3>
      {uitkomst ? (
        <p className="utrecht-paragraph">
          <strong>{uitkomst}</strong>
        </p>
      ) : null}
      <dl>
        <dt>Wie helpt u</dt>
        <dd>{a.aanbiederNaam}</dd>
        <dt>Wat zij doen</dt>
        <dd>{a.samenvatting}</dd>
        <dt>Hoe</dt>
        <dd>
          <ul>
            {a.onderdelen.map((o, i) => (
              <li key={i}>
                {o.wat}{" "}
                <span className="zv-meta">
                  ({categorieNaam(o.productcategorie)}
                  {o.omvang ? `, ${o.omvang}` : ""}
                  {o.wie !== a.aanbiederNaam ? `, door ${o.wie}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Helpt bij</dt>
        <dd>{a.resultatenGedekt.map(resultaatTekst).join(", ")}</dd>
        <dt>Wanneer</dt>
        <dd>
          Van {datum(a.startdatum)} tot en met {datum(a.einddatum)}
        </dd>
        {a.hulpverlener ? (
          <>
            <dt>Uw hulpverlener</dt>
            <dd>{HULPVERLENER[a.hulpverlener]}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
