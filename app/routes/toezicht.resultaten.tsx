import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { resultaatAggregaten } from "../domain/resultaatcheck.server";
import { ResultatenTabel } from "../components/ResultaatCijfers";

export const meta: MetaFunction = () => [{ title: "Resultaten per aanbieder — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await resultaatAggregaten(vereisGebruiker(context, request, "toezichthouder")));
}

/** Every provider's results in this gemeente, as totals over the minimum group, beside the consulenten's view. */
export default function ToezichtResultaten() {
  const { items, minimaleGroep } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Resultaten per aanbieder</h1>
      <p className="utrecht-paragraph">
        Wat cliënten en consulenten in de resultaatchecks van deze gemeente zeggen, per aanbieder (bij een consortium de
        penvoerder). Een totaal verschijnt pas vanaf {minimaleGroep} cliënten met een ingevulde check. De pilot noemt
        zichzelf geslaagd als de klanttevredenheid scoort met een voldoende: het gemiddelde cijfer staat erbij.
      </p>
      <ResultatenTabel
        items={items}
        minimaleGroep={minimaleGroep}
        bijschrift="Resultaten per aanbieder in deze gemeente"
      />
    </>
  );
}
