import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { resultaatAggregaten } from "../domain/resultaatcheck.server";
import { ResultatenTabel } from "../components/ResultaatCijfers";

export const meta: MetaFunction = () => [{ title: "Resultaten — Zorgveiling" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  return json(await resultaatAggregaten(vereisGebruiker(context, request, "aanbieder")));
}

/** The provider's own results as totals: no single client's answer, and nothing below the minimum group. */
export default function AanbiederResultaten() {
  const { items, minimaleGroep } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Resultaten van uw ondersteuning</h1>
      <p className="utrecht-paragraph">
        Enkele maanden na de start vragen gemeenten cliënten en consulenten of elk resultaat is bereikt. U ziet alleen
        totalen, pas vanaf {minimaleGroep} cliënten met een ingevulde check: zo is geen antwoord tot één cliënt terug te
        leiden. Consulenten zien deze totalen naast uw aanbiedingen.
      </p>
      <ResultatenTabel items={items} minimaleGroep={minimaleGroep} bijschrift="Uw resultaten, alle gemeenten samen" />
    </>
  );
}
