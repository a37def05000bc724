import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { vereisGebruiker } from "../auth/guards.server";
import { marktcijfers } from "../domain/toezicht.server";
import { regelNaam, regelUitleg } from "../components/regelnamen";
import { statusTekst } from "../components/ui";

export const meta: MetaFunction = () => [{ title: "Marktcijfers — Toezicht — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await marktcijfers(vereisGebruiker(context, request, "toezichthouder")));
}

const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const ofStreep = (n: number | null) => (n === null ? "—" : getal.format(n));
const uren = (n: number | null) => (n === null ? "—" : n < 1 ? "minder dan een uur" : `${getal.format(n)} uur`);

/** A table with a caption and a sentence for when there is nothing to count yet. */
function Tabel({ id, titel, koppen, rijen, leeg }: { id: string; titel: string; koppen: string[]; rijen: ReactNode[][]; leeg: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">{titel}</h2>
      {rijen.length === 0 ? <p className="zv-leeg">{leeg}</p> : (
        <div className="zv-tabel-scroll">
          <table className="utrecht-table">
            {/* The heading above says it for sighted readers; the caption names the table for screen readers. */}
            <caption className="utrecht-table__caption visually-hidden">{titel}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">{koppen.map((k) => <th key={k} scope="col" className="utrecht-table__header-cell">{k}</th>)}</tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rijen.map((r, i) => (
                <tr key={i} className="utrecht-table__row">
                  {r.map((c, j) => (j === 0 ? <th key={j} scope="row" className="utrecht-table__header-cell">{c}</th> : <td key={j} className="utrecht-table__cell">{c}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function Marktcijfers() {
  const c = useLoaderData<typeof loader>();
  const perStatus = Object.entries(c.hulpvragenPerStatus);
  return (
    <>
      <h1 className="utrecht-heading-1">Marktcijfers</h1>
      <p className="utrecht-paragraph">Wat er op de markt van uw gemeente gebeurde. U ziet aantallen en aanbieders, nooit wie de cliënten zijn. Deze pagina verandert niets.</p>
      <Tabel id="status" titel="Hulpvragen per status" koppen={["Status", "Aantal"]} leeg="Er zijn nog geen hulpvragen."
        rijen={perStatus.map(([status, n]) => [statusTekst(status), getal.format(n)])} />
      <Tabel id="aanbod" titel="Aanbiedingen en gunningen" koppen={["Cijfer", "Waarde"]} leeg=""
        rijen={[
          ["Gepubliceerde hulpvragen", getal.format(c.aanbiedingenPerHulpvraag.gepubliceerdeHulpvragen)],
          ["Aanbiedingen per hulpvraag, gemiddeld", ofStreep(c.aanbiedingenPerHulpvraag.gemiddeld)],
          ["Aanbiedingen per hulpvraag, mediaan", ofStreep(c.aanbiedingenPerHulpvraag.mediaan)],
          ["Gunningen", getal.format(c.tijdTotGunning.gunningen)],
          ["Tijd van publicatie tot gunning, mediaan", uren(c.tijdTotGunning.mediaanUren)],
        ]} />
      <Tabel id="gunningen" titel="Gunningen per aanbieder" koppen={["Aanbieder", "Gunningen", "Aandeel"]} leeg="Er is nog niets gegund."
        rijen={c.gunningenPerAanbieder.map((g) => [g.naam, getal.format(g.gunningen), `${getal.format(g.aandeel)} %`])} />
      <Tabel id="overnames" titel="Personeelsovernames per aanbieder waar de zorg wegging" koppen={["Aanbieder", "Jaar", "Met toezegging", "Zonder toezegging"]}
        leeg="Er zijn nog geen personeelsovernames."
        rijen={c.personeelsovernames.map((o) => [o.naam, String(o.jaar), getal.format(o.metToezegging), getal.format(o.zonderToezegging)])} />
      <Tabel id="weigeringen" titel="Weigeringen per regel" koppen={["Regel", "Aantal", "Betekenis"]} leeg="Er is nog niets geweigerd."
        rijen={Object.entries(c.weigeringenPerRegel).map(([code, n]) => [<>{regelNaam(code)} <span className="zv-meta">({code})</span></>, getal.format(n), regelUitleg(code)])} />
    </>
  );
}
