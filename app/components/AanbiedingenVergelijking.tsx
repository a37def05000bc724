import type { ReactNode } from "react";
import { perEenheid } from "../domain/productcode-varianten";
import { Begrip } from "./Begrip";
import type { AanbiedingWeergave } from "../domain/aanbieding-weergave";
import type { Aggregaat } from "../domain/resultaatcheck.server";
import { aggregaatTekst } from "./ResultaatCijfers";
import { caoTekst, categorieTekst, dienstverbandTekst, resultaatTekst } from "./catalogus-tekst";
import { aantal, datum, euro, moment } from "../format/nl";

const MAANDEN = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

export const bieder = (a: Pick<AanbiedingWeergave, "aanbiederNaam" | "consortiumNaam">) =>
  a.consortiumNaam ? `${a.consortiumNaam} (consortium, penvoerder ${a.aanbiederNaam})` : a.aanbiederNaam;

type Props = {
  aanbiedingen: AanbiedingWeergave[];
  gevraagdeResultaten: string[];
  huidigeAanbiederId: string | null;
  /** The bidders' results in earlier toewijzingen, as aggregates only (never one client's answer). */
  resultaten?: { minimaleGroep: number; items: Aggregaat[] };
};

/** Offers side by side: one column per offer, one row per thing a consulent weighs. */
export function AanbiedingenVergelijking({ aanbiedingen, gevraagdeResultaten, huidigeAanbiederId, resultaten }: Props) {
  const rij = (kop: string, cel: (a: AanbiedingWeergave) => ReactNode) => (
    <tr key={kop}>
      <th scope="row" className="utrecht-table__header-cell">
        {kop}
      </th>
      {aanbiedingen.map((a) => (
        <td key={a.id} className="utrecht-table__cell">
          {cel(a)}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="zv-tabel-scroll">
      <table className="utrecht-table zv-vergelijking" data-testid="vergelijking">
        <caption className="utrecht-table__caption">Ingediende aanbiedingen naast elkaar</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <td className="utrecht-table__header-cell" />
            {aanbiedingen.map((a) => (
              <th key={a.id} scope="col" className="utrecht-table__header-cell">
                {bieder(a)}
                {a.versie > 1 ? <span className="zv-meta"> (aangepast, versie {a.versie})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rij("Prijs per maand", (a) => euro(a.prijsPerMaandCent))}
          {rij("Prijs over de hele periode", (a) => (
            <>
              {euro(a.totaalCent)} <span className="zv-meta">({MAANDEN.format(a.maanden)} maanden)</span>
            </>
          ))}
          {rij("Startdatum", (a) => datum(a.startdatum))}
          {rij("Einddatum", (a) => datum(a.einddatum))}
          {gevraagdeResultaten.map((code) =>
            rij(`Resultaat: ${resultaatTekst(code)}`, (a) =>
              a.resultatenGedekt.includes(code) ? "Ja, gedekt" : "Nee, niet gedekt",
            ),
          )}
          {rij("Onderdelen", (a) => (
            <ul className="zv-compact">
              {a.componenten.map((c, i) => (
                <li key={i}>
                  {c.productcode ? `${c.productcode} ` : ""}
                  {categorieTekst(c.productcategorie)} door {c.aanbiederNaam}: {euro(c.prijsPerMaandCent)} per maand
                  {c.omvangTekst ? `, ${c.omvangTekst}` : ""}
                  {c.prijsPerEenheidCent !== null && c.eenheid
                    ? ` à ${euro(c.prijsPerEenheidCent)} ${perEenheid(c.eenheid)}`
                    : ""}
                  . {c.omschrijving}
                </li>
              ))}
            </ul>
          ))}
          {resultaten
            ? rij("Eerdere resultaten", (a) => (
                <span data-testid={`eerdere-resultaten-${a.id}`}>
                  {aggregaatTekst(
                    resultaten.items.find((r) => r.aanbiederId === a.aanbiederId),
                    resultaten.minimaleGroep,
                  )}
                </span>
              ))
            : null}
          {rij("Cao", (a) => caoTekst(a.cao))}
          {rij("Dienstverband", (a) => dienstverbandTekst(a.dienstverband))}
          {rij("Continuïteit", (a) =>
            huidigeAanbiederId &&
            (a.aanbiederId === huidigeAanbiederId || a.componenten.some((c) => c.aanbiederId === huidigeAanbiederId))
              ? "Is de huidige aanbieder"
              : a.overnameHulpverlener
                ? `Ja, neemt de huidige hulpverlener over (${aantal(a.overnameAantal, "medewerker", "medewerkers")} met baanaanbod)`
                : huidigeAanbiederId
                  ? `Nee; telt voor ${aantal(a.overnameAantal, "medewerker", "medewerkers")} mee in het personeelsplafond van de huidige aanbieder`
                  : "Nee, neemt de huidige hulpverlener niet over",
          )}
          {rij("Samenvatting voor de cliënt", (a) => a.samenvatting)}
          {rij("Laatst ingediend", (a) => moment(a.updatedAt))}
        </tbody>
      </table>
      <Begrip woord="continuiteit" />
      <Begrip woord="tarief" />
    </div>
  );
}
