import type { HulpvraagVoorAanbieder } from "../domain/hulpvraag-weergave";
import { Aftellen } from "./Aftellen";
import { categorieTekst, huishoudenTekst, resultaatTekst, urgentieTekst } from "./catalogus-tekst";
import { aantal, datum, euro } from "../format/nl";

const WENSEN: Record<string, string> = { taal: "Taal", geslachtHulpverlener: "Hulpverlener", tijden: "Tijden" };

/** Everything a provider may read of a request (the anonymised view), as a description list. */
export function HulpvraagKenmerken({
  h,
  nu,
  huidigeAanbieder,
}: {
  h: HulpvraagVoorAanbieder;
  nu: number;
  huidigeAanbieder?: string | null;
}) {
  const wensen = Object.entries(h.wensen ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== "");
  return (
    <dl className="zv-kenmerken">
      <dt>Gemeente en regio</dt>
      <dd>
        {h.gemeente}, {h.regio}
      </dd>
      <dt>Leeftijd en huishouden</dt>
      <dd>
        {h.leeftijdsklasse} jaar, {huishoudenTekst(h.huishouden).toLowerCase()}
      </dd>
      <dt>Gevraagde resultaten</dt>
      <dd>
        <ul>
          {h.resultaten.map((r) => (
            <li key={r.code}>
              <strong>{resultaatTekst(r.code)}</strong>
              {r.toelichting ? <>: {r.toelichting}</> : null}
            </li>
          ))}
        </ul>
      </dd>
      <dt>Productcategorieën</dt>
      <dd>{h.productcategorieen.map(categorieTekst).join("; ")}</dd>
      {h.toelichting ? (
        <>
          <dt>Toelichting</dt>
          <dd>{h.toelichting}</dd>
        </>
      ) : null}
      {wensen.length ? (
        <>
          <dt>Wensen</dt>
          <dd>
            <ul>
              {wensen.map(([k, v]) => (
                <li key={k}>
                  {WENSEN[k] ?? k}: {String(v)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>Start en duur</dt>
      <dd>
        Vanaf {datum(h.startdatum)}, {aantal(h.duurMaanden, "maand", "maanden")}
      </dd>
      <dt>Budgetplafond</dt>
      <dd>{h.budgetPerMaandCent ? `${euro(h.budgetPerMaandCent)} per maand` : "Geen plafond opgegeven"}</dd>
      {h.huidigeZorg ? (
        <>
          <dt>Huidige zorg</dt>
          <dd>
            {h.huidigeZorg.hulpverlenerRol} bij {huidigeAanbieder ?? "een andere aanbieder"}.{" "}
            {h.huidigeZorg.behouden
              ? "De cliënt wil deze hulpverlener houden."
              : "De cliënt hoeft deze hulpverlener niet te houden."}
          </dd>
        </>
      ) : null}
      <dt>Urgentie</dt>
      <dd>{urgentieTekst(h.urgentie)}</dd>
      <dt>Reageren kan tot</dt>
      <dd>
        <Aftellen deadline={h.deadline} nu={nu} />
      </dd>
    </dl>
  );
}
