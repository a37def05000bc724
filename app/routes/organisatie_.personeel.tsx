import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Tabel } from "../components/Tabel";
import { Knop, Veld } from "../components/ui";
import { lijstCollectieveOvernames } from "../domain/collectieve-overnames.server";
import {
  eigenKapGebruik,
  jaarUit,
  leesPersoneelsbestand,
  legPersoneelsbestandVast,
} from "../domain/personeelsbestand.server";
import { datum, moment } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { getal } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";
import { PersoneelsbestandSchema } from "../schemas/personeel";

export const meta: MetaFunction = () => [{ title: "Personeel en personeelsplafond — Zorgveiling" }];

const fte = (n: number) => n.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Rule 4 from the aanbieder's side: its personeelsbestand per year (kept by its own beheerder),
 * how much of each gemeente's yearly cap is used, and the collective transfers it is part of.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder", "aanbieder");
  const jaar = jaarUit(new URL(request.url).searchParams.get("jaar") ?? undefined);
  const [bestand, kap, collectief] = await Promise.all([
    leesPersoneelsbestand(actor),
    eigenKapGebruik(actor, jaar),
    lijstCollectieveOvernames(actor),
  ]);
  return json({
    jaar,
    beheerder: actor.rol === "aanbieder-beheerder",
    aanbiederId: bestand.aanbiederId,
    jaren: bestand.items,
    kap,
    collectief,
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "aanbieder-beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    const invoer = parseInvoer(PersoneelsbestandSchema, {
      jaar: getal(f, "jaar"),
      koppen: getal(f, "koppen"),
      fte: getal(f, "fte"),
    });
    await legPersoneelsbestandVast(actor, invoer);
    return naar(
      `/organisatie/personeel?jaar=${invoer.jaar}`,
      `Het personeelsbestand van ${invoer.jaar} is vastgelegd.`,
    );
  });
}

export default function Personeel() {
  const { jaar, beheerder, aanbiederId, jaren, kap, collectief } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Personeel en personeelsplafond</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <p className="utrecht-paragraph">
        Verhuist de zorg van een cliënt naar een andere aanbieder zonder dat die uw medewerkers een baan aanbiedt, dan
        telt het aantal medewerkers dat daarbij meegaat mee voor uw jaarplafond: het percentage uit het regelboek van de
        gemeente van uw personeelsbestand in dat jaar. Is het plafond vol, dan moet de nieuwe aanbieder uw medewerkers
        een baan aanbieden. Zonder personeelsbestand voor een jaar is het plafond 0.
      </p>

      <section aria-labelledby="kap-titel">
        <h2 id="kap-titel" className="utrecht-heading-2">
          Gebruik van uw plafond in {jaar}
        </h2>
        <Tabel
          bijschrift={`Personeelsplafond ${jaar} per gemeente`}
          testId="kapgebruik"
          kolommen={["Gemeente", "Plafond", "Personeelsbestand", "Mag vertrekken", "Vertrokken", "Ruimte"]}
          leeg="Uw organisatie heeft geen contract met een gemeente."
          rijen={kap.map((k) => ({
            sleutel: k.gemeenteId,
            testId: `kap-${k.gemeenteId}`,
            cellen: [
              k.gemeenteNaam,
              `${k.procent}%`,
              k.koppen === null ? "niet vastgelegd" : `${k.koppen} medewerkers`,
              k.toegestaan,
              k.gebruikt,
              k.ruimte,
            ],
          }))}
        />
        <p className="utrecht-paragraph">
          <Link to={`?jaar=${jaar - 1}`}>{jaar - 1}</Link> · <Link to={`?jaar=${jaar + 1}`}>{jaar + 1}</Link>
        </p>
      </section>

      <section aria-labelledby="bestand-titel">
        <h2 id="bestand-titel" className="utrecht-heading-2">
          Personeelsbestand per jaar
        </h2>
        <Tabel
          bijschrift="Personeelsbestand per jaar"
          testId="personeelsbestand"
          kolommen={["Jaar", "Medewerkers", "Fte", "Bijgewerkt"]}
          leeg="Er is nog geen personeelsbestand vastgelegd."
          rijen={jaren.map((j) => ({
            sleutel: `${aanbiederId}-${j.jaar}`,
            cellen: [j.jaar, j.koppen, fte(j.fte), moment(j.bijgewerktOp)],
          }))}
        />
        {beheerder ? (
          <>
            <h3 className="utrecht-heading-3">Personeelsbestand vastleggen of corrigeren</h3>
            <Weigering uitkomst={uitkomst} titel="Het personeelsbestand is niet vastgelegd" />
            <Form method="post" noValidate>
              <div className="zv-rij">
                <Veld
                  naam="jaar"
                  label="Jaar"
                  type="number"
                  inputMode="numeric"
                  defaultValue={jaar}
                  fout={fout("jaar")}
                />
                <Veld
                  naam="koppen"
                  label="Aantal medewerkers"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  fout={fout("koppen")}
                  uitleg="In dienst op 1 januari, in Wmo-zorg"
                />
                <Veld naam="fte" label="Fte" inputMode="decimal" fout={fout("fte")} uitleg="Bijvoorbeeld 84,5" />
              </div>
              <Knop disabled={bezig} aria-disabled={bezig}>
                {bezig ? "Bezig…" : "Personeelsbestand vastleggen"}
              </Knop>
            </Form>
          </>
        ) : (
          <p className="utrecht-paragraph">De beheerder van uw organisatie legt het personeelsbestand vast.</p>
        )}
      </section>

      <section aria-labelledby="collectief-titel">
        <h2 id="collectief-titel" className="utrecht-heading-2">
          Collectieve personeelsovernames
        </h2>
        <Tabel
          bijschrift="Collectieve personeelsovernames waarbij uw organisatie betrokken is"
          kolommen={["Per", "Van", "Naar", "Medewerkers", "Afspraken"]}
          leeg="Uw organisatie is bij geen collectieve personeelsovername betrokken."
          rijen={collectief.map((c) => ({
            sleutel: c.id,
            cellen: [datum(c.datum), c.vanAanbiederNaam, c.naarAanbiederNaam, c.aantalMedewerkers, c.voorwaarden],
          }))}
        />
      </section>
    </>
  );
}
