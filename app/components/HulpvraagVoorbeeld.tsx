import type { ReactNode } from "react";
import type { HulpvraagVoorAanbieder } from "../domain/hulpvraag-weergave";
import { categorieTekst, huishoudenTekst, resultaatTekst, urgentieTekst } from "./catalogus-tekst";
import { aantal, datum, euro, moment } from "../format/nl";

export type Vondst = { field: string; match?: string; message: string };

export const voorbeeldId = (pad: string) => `voorbeeld-${pad.replace(/[^a-zA-Z0-9]/g, "-")}`;

/** Exactly what providers see (the output of voorAanbieder), with each identifying text marked in words. */
export function HulpvraagVoorbeeld({
  h,
  vondsten,
  aanbiederNamen,
  deadlineVast,
}: {
  h: HulpvraagVoorAanbieder;
  vondsten: Vondst[];
  aanbiederNamen: Record<string, string>;
  deadlineVast: boolean;
}) {
  const veld = (pad: string, kop: string, inhoud: ReactNode) => {
    const hier = vondsten.filter((v) => v.field === pad);
    return (
      <div
        key={pad}
        id={voorbeeldId(pad)}
        className={hier.length ? "zv-voorbeeld-veld zv-voorbeeld-veld--fout" : "zv-voorbeeld-veld"}
      >
        <dt>{kop}</dt>
        <dd>
          {inhoud || <span className="zv-meta">(leeg)</span>}
          {hier.map((v, i) => (
            <p key={i} className="zv-veldfout">
              <strong>Herleidbaar:</strong> {v.message}
              {v.match ? <> (gevonden: “{v.match}”)</> : null}
            </p>
          ))}
        </dd>
      </div>
    );
  };
  return (
    <dl className="zv-voorbeeld" data-testid="voorbeeld">
      {veld("gemeente", "Gemeente", h.gemeente)}
      {veld("regio", "Regio", h.regio)}
      {veld("leeftijdsklasse", "Leeftijd", `${h.leeftijdsklasse} jaar`)}
      {veld("huishouden", "Huishouden", huishoudenTekst(h.huishouden))}
      {h.resultaten.map((r, i) =>
        veld(`resultaten.${i}.toelichting`, `Resultaat: ${resultaatTekst(r.code)}`, r.toelichting),
      )}
      {veld("productcategorieen", "Productcategorieën", h.productcategorieen.map(categorieTekst).join("; "))}
      {veld("toelichting", "Toelichting", h.toelichting)}
      {veld("wensen.taal", "Wens: taal", h.wensen.taal)}
      {veld("wensen.geslachtHulpverlener", "Wens: man of vrouw als hulpverlener", h.wensen.geslachtHulpverlener)}
      {veld("wensen.tijden", "Wens: dagen en tijden", h.wensen.tijden)}
      {veld("startdatum", "Gewenste startdatum", datum(h.startdatum))}
      {veld("duurMaanden", "Duur", aantal(h.duurMaanden, "maand", "maanden"))}
      {veld(
        "budgetPerMaandCent",
        "Budgetplafond per maand",
        h.budgetPerMaandCent === null ? "Geen plafond" : euro(h.budgetPerMaandCent),
      )}
      {h.huidigeZorg
        ? veld(
            "huidigeZorg.hulpverlenerRol",
            "Huidige zorg",
            `${aanbiederNamen[h.huidigeZorg.aanbiederId] ?? h.huidigeZorg.aanbiederId}; ${h.huidigeZorg.hulpverlenerRol}; ${h.huidigeZorg.behouden ? "de cliënt wil deze hulpverlener houden" : "de cliënt hoeft deze hulpverlener niet te houden"}`,
          )
        : veld("huidigeZorg", "Huidige zorg", "Geen")}
      {veld("urgentie", "Urgentie", urgentieTekst(h.urgentie))}
      {veld(
        "deadline",
        "Reageren kan tot",
        deadlineVast ? moment(h.deadline) : "de standaardtermijn, berekend bij publicatie",
      )}
    </dl>
  );
}
