import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { achterstalligeBerichten } from "../domain/iwmo/termijnen.server";
import { TeLateBerichten } from "../components/TeLateBerichten";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { vereisGebruiker } from "../auth/guards.server";
import { marktcijfers } from "../domain/toezicht.server";
import { regelNaam, regelUitleg } from "../components/regelnamen";
import { statusTekst } from "../components/ui";
import { Tabel } from "../components/Tabel";
import { Staafdiagram } from "../components/Staafdiagram";

export const meta: MetaFunction = () => [{ title: "Marktcijfers — Toezicht — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezicht = vereisGebruiker(context, request, "toezichthouder");
  const [cijfers, teLaat] = await Promise.all([marktcijfers(toezicht), achterstalligeBerichten(toezicht)]);
  return json({ ...cijfers, teLaat });
}

const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const ofStreep = (n: number | null) => (n === null ? "—" : getal.format(n));
const uren = (n: number | null) => (n === null ? "—" : n < 1 ? "minder dan een uur" : `${getal.format(n)} uur`);

/** A visible heading per table; the table's caption (its accessible name) says the same to screen readers. */
function Cijfers({
  id,
  titel,
  koppen,
  rijen,
  leeg,
  staven,
}: {
  id: string;
  titel: string;
  koppen: string[];
  rijen: ReactNode[][];
  leeg: string;
  staven?: { label: string; waarde: number }[];
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="utrecht-heading-2">
        {titel}
      </h2>
      <div className={staven?.length ? "zv-grafiek-en-tabel" : undefined}>
        {staven?.length ? <Staafdiagram id={id} titel={titel} staven={staven} /> : null}
        <Tabel
          bijschrift={titel}
          verbergBijschrift
          kolommen={koppen}
          leeg={leeg}
          rijen={rijen.map((cellen, i) => ({ sleutel: String(i), cellen }))}
        />
      </div>
    </section>
  );
}

export default function Marktcijfers() {
  const c = useLoaderData<typeof loader>();
  const perStatus = Object.entries(c.hulpvragenPerStatus);
  return (
    <>
      <h1 className="utrecht-heading-1">Marktcijfers</h1>
      <p className="utrecht-paragraph">
        Wat er op de markt van uw gemeente gebeurde. U ziet aantallen en aanbieders, nooit wie de cliënten zijn. Deze
        pagina verandert niets.
      </p>
      <TeLateBerichten items={c.teLaat} metLink={false} />
      <Cijfers
        id="status"
        titel="Hulpvragen per status"
        koppen={["Status", "Aantal"]}
        leeg="Er zijn nog geen hulpvragen."
        rijen={perStatus.map(([status, n]) => [statusTekst(status), getal.format(n)])}
        staven={perStatus.map(([status, n]) => ({ label: statusTekst(status), waarde: n }))}
      />
      <Cijfers
        id="aanbod"
        titel="Aanbiedingen en gunningen"
        koppen={["Cijfer", "Waarde"]}
        leeg=""
        rijen={[
          ["Gepubliceerde hulpvragen", getal.format(c.aanbiedingenPerHulpvraag.gepubliceerdeHulpvragen)],
          ["Aanbiedingen per hulpvraag, gemiddeld", ofStreep(c.aanbiedingenPerHulpvraag.gemiddeld)],
          ["Aanbiedingen per hulpvraag, mediaan", ofStreep(c.aanbiedingenPerHulpvraag.mediaan)],
          ["Gunningen", getal.format(c.tijdTotGunning.gunningen)],
          ["Tijd van publicatie tot gunning, mediaan", uren(c.tijdTotGunning.mediaanUren)],
          [
            "Gunningen zonder de cliënt (cliënt kan niet meebeslissen)",
            getal.format(c.gunningenZonderOvereenstemming.clientKanNietMeebeslissen),
          ],
          [
            "Gunningen tegen de voorkeur van de cliënt (door een collega bevestigd)",
            getal.format(c.gunningenZonderOvereenstemming.tegenVoorkeurVanClient),
          ],
        ]}
      />
      <Cijfers
        id="gunningen"
        titel="Gunningen per aanbieder"
        koppen={["Aanbieder", "Gunningen", "Aandeel"]}
        leeg="Er is nog niets gegund."
        rijen={c.gunningenPerAanbieder.map((g) => [g.naam, getal.format(g.gunningen), `${getal.format(g.aandeel)} %`])}
        staven={c.gunningenPerAanbieder.map((g) => ({ label: g.naam, waarde: g.gunningen }))}
      />
      <Cijfers
        id="overnames"
        titel="Personeelsovernames per aanbieder waar de zorg wegging"
        koppen={["Aanbieder", "Jaar", "Met toezegging", "Zonder toezegging"]}
        leeg="Er zijn nog geen personeelsovernames."
        rijen={c.personeelsovernames.map((o) => [
          o.naam,
          String(o.jaar),
          getal.format(o.metToezegging),
          getal.format(o.zonderToezegging),
        ])}
      />
      <Cijfers
        id="weigeringen"
        titel="Weigeringen per regel"
        koppen={["Regel", "Aantal", "Betekenis"]}
        leeg="Er is nog niets geweigerd."
        rijen={Object.entries(c.weigeringenPerRegel).map(([code, n]) => [
          <>
            {regelNaam(code)} <span className="zv-meta">({code})</span>
          </>,
          getal.format(n),
          regelUitleg(code),
        ])}
        staven={Object.entries(c.weigeringenPerRegel).map(([code, n]) => ({ label: regelNaam(code), waarde: n }))}
      />
    </>
  );
}
