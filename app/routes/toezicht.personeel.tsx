import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { CollectieveOvernamesTabel, KapTabel, OPVOLGING_TEKST } from "../components/Personeelsplafond";
import { Tabel } from "../components/Tabel";
import { gemeenteVan } from "../domain/actor";
import { lijstCollectieveOvernames } from "../domain/collectieve-overnames.server";
import { jaarUit, kapGebruik } from "../domain/personeelsbestand.server";
import { OPVOLG_TERMIJN_DAGEN, overnamesMetAandacht } from "../domain/personeelsovernames.server";
import { datum } from "../format/nl";

export const meta: MetaFunction = () => [{ title: "Personeel — Toezicht — Zorgveiling" }];

/** Toezicht on rule 4: every provider's cap use, collective transfers, and commitments that were not kept. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = vereisGebruiker(context, request, "toezichthouder");
  const jaar = jaarUit(new URL(request.url).searchParams.get("jaar") ?? undefined);
  const [kap, collectief, aandacht] = await Promise.all([
    kapGebruik(gemeenteVan(actor), jaar),
    lijstCollectieveOvernames(actor),
    overnamesMetAandacht(actor),
  ]);
  // The term travels as data: a .server module's constant does not exist in the browser bundle.
  return json({ jaar, kap, collectief, aandacht, termijnDagen: OPVOLG_TERMIJN_DAGEN });
}

export default function ToezichtPersoneel() {
  const { jaar, kap, collectief, aandacht, termijnDagen } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Personeel: plafond en overnames</h1>
      <section aria-labelledby="kap-titel">
        <h2 id="kap-titel" className="utrecht-heading-2">
          Personeelsplafond {jaar}
        </h2>
        <p className="utrecht-paragraph">
          Per aanbieder: hoeveel medewerkers dit jaar met een cliënt vertrokken zonder baanaanbod van de nieuwe
          aanbieder, tegen het percentage uit het regelboek van zijn personeelsbestand.{" "}
          <Link to={`?jaar=${jaar - 1}`}>{jaar - 1}</Link> · <Link to={`?jaar=${jaar + 1}`}>{jaar + 1}</Link>
        </p>
        <KapTabel jaar={jaar} rijen={kap} />
      </section>
      <section aria-labelledby="aandacht-titel">
        <h2 id="aandacht-titel" className="utrecht-heading-2">
          Toegezegde overnames die aandacht vragen
        </h2>
        <p className="utrecht-paragraph">
          Niet nagekomen, of meer dan {termijnDagen} dagen na de overgangsdatum nog open.
        </p>
        <Tabel
          bijschrift="Toegezegde overnames die aandacht vragen"
          testId="overnames-aandacht"
          kolommen={["Hulpvraag", "Van", "Naar", "Per", "Status", "Notitie"]}
          leeg="Er zijn geen toegezegde overnames die aandacht vragen."
          rijen={aandacht.map((o) => ({
            sleutel: o.id,
            cellen: [
              o.hulpvraagId,
              o.vanAanbiederNaam,
              o.naarAanbiederNaam,
              datum(o.datum),
              OPVOLGING_TEKST[o.opvolging] ?? o.opvolging,
              o.opvolgingNotitie ?? "",
            ],
          }))}
        />
      </section>
      <section aria-labelledby="collectief-titel">
        <h2 id="collectief-titel" className="utrecht-heading-2">
          Collectieve personeelsovernames
        </h2>
        <CollectieveOvernamesTabel rijen={collectief} />
      </section>
    </>
  );
}
