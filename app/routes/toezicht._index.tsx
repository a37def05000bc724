import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { achterstalligeBerichten } from "../domain/iwmo/termijnen.server";
import { TeLateBerichten } from "../components/TeLateBerichten";
import { vereisGebruiker } from "../auth/guards.server";
import { marktcijfers } from "../domain/toezicht.server";
import { regelNaam, regelUitleg } from "../components/regelnamen";
import { statusTekst } from "../components/ui";
import { Cijfers } from "../components/Cijfers";
import { PlafondCijfers } from "../components/Personeelsplafond";
import { Signalen } from "../components/Signalen";
import { leesSortering, sorteer } from "../format/sorteren";
import { useLive } from "../../realtime/useLive";

export const meta: MetaFunction = () => [{ title: "Marktcijfers — Toezicht — Zorgveiling" }];

// Sortable tables: the query parameter per table and its sort keys (app/format/sorteren.ts).
const SORTEER_GUNNINGEN = ["naam", "gunningen", "viaConsortium", "aandeel"] as const;
const SORTEER_WEIGERINGEN = ["regel", "aantal"] as const;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezicht = vereisGebruiker(context, request, "toezichthouder");
  const [c, teLaat] = await Promise.all([marktcijfers(toezicht), achterstalligeBerichten(toezicht)]);
  const zoek = new URL(request.url).searchParams;
  const sorteerGunningen = leesSortering(zoek, "sorteer-gunningen", SORTEER_GUNNINGEN);
  const sorteerWeigeringen = leesSortering(zoek, "sorteer-weigeringen", SORTEER_WEIGERINGEN);
  const weigeringen = Object.entries(c.weigeringenPerRegel).map(([code, aantal]) => ({ code, aantal }));
  return json({
    ...c,
    teLaat,
    gunningenPerAanbieder: sorteer(c.gunningenPerAanbieder, sorteerGunningen, (g, k) => g[k as "naam"]),
    weigeringen: sorteer(weigeringen, sorteerWeigeringen, (w, k) => (k === "regel" ? regelNaam(w.code) : w.aantal)),
    sortering: { gunningen: sorteerGunningen, weigeringen: sorteerWeigeringen },
    zoek: Object.fromEntries(zoek),
  });
}

const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });
const ofStreep = (n: number | null) => (n === null ? "—" : getal.format(n));
const uren = (n: number | null) => (n === null ? "—" : n < 1 ? "minder dan een uur" : `${getal.format(n)} uur`);

export default function Marktcijfers() {
  const c = useLoaderData<typeof loader>();
  const perStatus = Object.entries(c.hulpvragenPerStatus);
  // Live: the toezicht feed says the figures moved (a committed change or a counted refusal); read them again.
  const revalidator = useRevalidator();
  useLive((e) => {
    if (e.type === "figures:changed") revalidator.revalidate();
  });
  return (
    <>
      <h1 className="utrecht-heading-1">Marktcijfers</h1>
      <p className="utrecht-paragraph">
        Wat er op de markt van uw gemeente gebeurde. U ziet aantallen en aanbieders, nooit wie de cliënten zijn. Deze
        pagina verandert niets en werkt zichzelf bij zodra er iets gebeurt.
      </p>
      <p className="utrecht-paragraph zv-rij">
        <a className="utrecht-link" href="/toezicht/cijfers.csv" download>
          Cijfers downloaden (CSV)
        </a>
        <Link className="utrecht-link" to="/toezicht/jaarverslag">
          Jaarverslag
        </Link>
      </p>
      <Signalen signalen={c.signalen} />
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
        koppen={["Aanbieder", "Gunningen", "Waarvan als consortiumlid", "Aandeel"]}
        leeg="Er is nog niets gegund."
        sorteren={{
          param: "sorteer-gunningen",
          kolommen: [...SORTEER_GUNNINGEN],
          huidig: c.sortering.gunningen,
          behoud: c.zoek,
        }}
        rijen={c.gunningenPerAanbieder.map((g) => [
          g.naam,
          getal.format(g.gunningen),
          getal.format(g.viaConsortium),
          `${getal.format(g.aandeel)} %`,
        ])}
        staven={c.gunningenPerAanbieder.map((g) => ({ label: g.naam, waarde: g.gunningen }))}
      />
      <Cijfers
        id="overnames"
        titel="Personeelsovernames per aanbieder waar de zorg wegging"
        koppen={["Aanbieder", "Jaar", "Medewerkers met baanaanbod", "Medewerkers zonder baanaanbod"]}
        leeg="Er zijn nog geen personeelsovernames."
        rijen={c.personeelsovernames.map((o) => [
          o.naam,
          String(o.jaar),
          getal.format(o.medewerkersMetToezegging),
          getal.format(o.medewerkersZonderToezegging),
        ])}
      />
      <PlafondCijfers plafond={c.personeelsplafond} />
      <Cijfers
        id="weigeringen"
        titel="Weigeringen per regel"
        koppen={["Regel", "Aantal", "Betekenis"]}
        leeg="Er is nog niets geweigerd."
        sorteren={{
          param: "sorteer-weigeringen",
          kolommen: [...SORTEER_WEIGERINGEN, null],
          huidig: c.sortering.weigeringen,
          behoud: c.zoek,
        }}
        rijen={c.weigeringen.map(({ code, aantal }) => [
          <>
            {regelNaam(code)} <span className="zv-meta">({code})</span>
          </>,
          getal.format(aantal),
          regelUitleg(code),
        ])}
        staven={c.weigeringen.map(({ code, aantal }) => ({ label: regelNaam(code), waarde: aantal }))}
      />
    </>
  );
}
