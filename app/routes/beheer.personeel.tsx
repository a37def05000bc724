import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { foutenVoor } from "../components/fouten";
import { Bevestiging, Weigering } from "../components/FormulierMeldingen";
import { Keuzelijst } from "../components/keuzes";
import { CollectieveOvernamesTabel, KapTabel, OPVOLGING_TEKST } from "../components/Personeelsplafond";
import { Knop, Veld } from "../components/ui";
import { gemeenteVan } from "../domain/actor";
import { legCollectieveOvernameVast, lijstCollectieveOvernames } from "../domain/collectieve-overnames.server";
import { jaarUit, kapGebruik } from "../domain/personeelsbestand.server";
import { lijstOvernames, volgOvernameOp } from "../domain/personeelsovernames.server";
import { datum } from "../format/nl";
import { naar, verwerk } from "../http/formulier.server";
import { getal, tekst } from "../schemas/formulier";
import { parseInvoer } from "../schemas/parse";
import { CollectieveOvernameSchema, OvernameOpvolgingSchema } from "../schemas/personeel";

export const meta: MetaFunction = () => [{ title: "Personeel — Beheer — Zorgveiling" }];

/**
 * The beheerder's side of rule 4: each provider's cap use, recording a collective transfer when
 * a contract ends or a provider loses its place, and following up transfer commitments.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const jaar = jaarUit(undefined);
  const [kap, collectief, overnames] = await Promise.all([
    kapGebruik(gemeenteVan(actor), jaar),
    lijstCollectieveOvernames(actor),
    lijstOvernames(actor),
  ]);
  return json({
    jaar,
    kap,
    aanbieders: kap.map((k) => [k.aanbiederId, k.aanbiederNaam] as [string, string]),
    collectief,
    toezeggingen: overnames.filter((o) => o.toegezegd),
  });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const actor = vereisGebruiker(context, request, "beheerder");
  const f = await request.formData();
  return verwerk(async () => {
    if (f.get("intent") === "opvolgen") {
      await volgOvernameOp(
        actor,
        tekst(f, "overnameId") ?? "",
        parseInvoer(OvernameOpvolgingSchema, { status: tekst(f, "status"), notitie: tekst(f, "notitie") ?? "" }),
      );
      return naar("/beheer/personeel", "De opvolging is vastgelegd.");
    }
    await legCollectieveOvernameVast(
      actor,
      parseInvoer(CollectieveOvernameSchema, {
        vanAanbiederId: tekst(f, "vanAanbiederId") ?? "",
        naarAanbiederId: tekst(f, "naarAanbiederId") ?? "",
        aantalMedewerkers: getal(f, "aantalMedewerkers"),
        voorwaarden: tekst(f, "voorwaarden") ?? "",
        datum: tekst(f, "datum"),
      }),
    );
    return naar("/beheer/personeel", "De collectieve personeelsovername is vastgelegd. Beide aanbieders zien haar.");
  });
}

export default function BeheerPersoneel() {
  const { jaar, kap, aanbieders, collectief, toezeggingen } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  const fout = (veld: string) => foutenVoor(uitkomst, veld);
  return (
    <>
      <h1 className="utrecht-heading-1">Personeel: plafond en overnames</h1>
      <Bevestiging verberg={Boolean(uitkomst)} />
      <Weigering uitkomst={uitkomst} titel="Niet vastgelegd" />
      <section aria-labelledby="kap-titel">
        <h2 id="kap-titel" className="utrecht-heading-2">
          Personeelsplafond {jaar}
        </h2>
        <KapTabel jaar={jaar} rijen={kap} />
      </section>

      <section aria-labelledby="collectief-titel">
        <h2 id="collectief-titel" className="utrecht-heading-2">
          Collectieve personeelsovernames
        </h2>
        <p className="utrecht-paragraph">
          Eindigt een contract of verliest een aanbieder zijn plaats, leg dan hier vast welk personeel onder welke
          afspraken overgaat naar de nieuwe aanbieder. Beide aanbieders en de toezichthouder zien de afspraak.
        </p>
        <CollectieveOvernamesTabel rijen={collectief} />
        <h3 className="utrecht-heading-3">Afspraak vastleggen</h3>
        <Form method="post" noValidate>
          <div className="zv-rij">
            <Veld naam="vanAanbiederId" label="Van aanbieder" fout={fout("vanAanbiederId")}>
              {(p) => <Keuzelijst {...p} leeg="Kies de aanbieder" opties={aanbieders} />}
            </Veld>
            <Veld naam="naarAanbiederId" label="Naar aanbieder" fout={fout("naarAanbiederId")}>
              {(p) => <Keuzelijst {...p} leeg="Kies de aanbieder" opties={aanbieders} />}
            </Veld>
          </div>
          <div className="zv-rij">
            <Veld
              naam="aantalMedewerkers"
              label="Aantal medewerkers"
              type="number"
              min={1}
              inputMode="numeric"
              fout={fout("aantalMedewerkers")}
            />
            <Veld naam="datum" label="Per datum" type="date" fout={fout("datum")} />
          </div>
          <Veld
            naam="voorwaarden"
            label="Afspraken"
            fout={fout("voorwaarden")}
            uitleg="Bijvoorbeeld: cao, behoud van dienstjaren en salaris, wie welke cliënten houdt."
          >
            {(p) => <textarea className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} {...p} />}
          </Veld>
          <Knop disabled={bezig} aria-disabled={bezig}>
            {bezig ? "Bezig…" : "Collectieve overname vastleggen"}
          </Knop>
        </Form>
      </section>

      <section aria-labelledby="opvolging-titel">
        <h2 id="opvolging-titel" className="utrecht-heading-2">
          Opvolging van toegezegde overnames
        </h2>
        {toezeggingen.length === 0 ? (
          <p className="utrecht-paragraph zv-leeg">Er zijn nog geen toegezegde personeelsovernames.</p>
        ) : null}
        {toezeggingen.map((o) => (
          <div key={o.id} className="zv-kaart" data-testid={`opvolging-${o.id}`}>
            <p className="utrecht-paragraph">
              Hulpvraag {o.hulpvraagId}: {o.hulpverlenerRol} van {o.vanAanbiederNaam} naar {o.naarAanbiederNaam}, per{" "}
              {datum(o.datum)}. Status: <strong>{OPVOLGING_TEKST[o.opvolging] ?? o.opvolging}</strong>
              {o.opvolgingNotitie ? ` (${o.opvolgingNotitie})` : ""}
            </p>
            <Form method="post" noValidate className="zv-rij">
              <input type="hidden" name="intent" value="opvolgen" />
              <input type="hidden" name="overnameId" value={o.id} />
              <label className="utrecht-form-label" htmlFor={`status-${o.id}`}>
                Nieuwe status
              </label>
              <Keuzelijst
                id={`status-${o.id}`}
                name="status"
                defaultValue={o.opvolging}
                opties={Object.entries(OPVOLGING_TEKST)}
              />
              <label className="utrecht-form-label" htmlFor={`notitie-${o.id}`}>
                Notitie
              </label>
              <input id={`notitie-${o.id}`} name="notitie" className="utrecht-textbox utrecht-textbox--html-input" />
              <Knop variant="secondary" disabled={bezig} aria-disabled={bezig}>
                Opvolging vastleggen
              </Knop>
            </Form>
          </div>
        ))}
      </section>
    </>
  );
}
