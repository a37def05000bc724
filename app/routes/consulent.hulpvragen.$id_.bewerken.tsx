import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { publiceer, wijzigHulpvraag } from "../domain/hulpvragen.server";
import { metWaarden, naar, verwerk } from "../http/formulier.server";
import { formulierKeuzes, leesVoorConsulent } from "../http/hulpvraag-formulier.server";
import { HulpvraagWijzigingSchema } from "../schemas/hulpvraag";
import { getypteHulpvraagWaarden, hulpvraagUitFormulier, waardenVanHulpvraag } from "../schemas/hulpvraag-formulier";
import { parseInvoer } from "../schemas/parse";
import { HulpvraagFormulier } from "../components/HulpvraagFormulier";
import { Knop } from "../components/ui";
import consulentCss from "../styles/consulent.css";

export const meta: MetaFunction = () => [{ title: "Concept bewerken — Zorgveiling" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consulentCss }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const h = await leesVoorConsulent(consulent, params.id!);
  // Once published, a request is only withdrawn or extended; its page offers those.
  if (h.status !== "concept") throw redirect(`/consulent/hulpvragen/${h.id}`);
  return json({ ...(await formulierKeuzes(consulent)), id: h.id, waarden: waardenVanHulpvraag(h) });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const id = params.id!;
  const formulier = await request.formData();
  const publiceren = formulier.get("intent") === "publiceren";
  const fout = await verwerk(async () => {
    // An emptied deadline field means the rulebook's default again, also after a chosen one.
    const invoer = hulpvraagUitFormulier(formulier);
    await wijzigHulpvraag(
      consulent,
      id,
      parseInvoer(HulpvraagWijzigingSchema, { ...invoer, deadline: invoer.deadline ?? null }),
    );
    if (publiceren) await publiceer(consulent, id);
    throw naar(
      `/consulent/hulpvragen/${id}`,
      publiceren
        ? "De hulpvraag is gepubliceerd. Aanbieders met een contract zien haar nu."
        : "De wijzigingen zijn opgeslagen.",
    );
  });
  return metWaarden(fout, getypteHulpvraagWaarden(formulier));
}

export default function ConceptBewerken() {
  const { clienten, aanbieders, regels, id, waarden } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const navigatie = useNavigation();
  const bezig = navigatie.state === "submitting" ? navigatie.formData?.get("intent") : null;
  return (
    <section aria-labelledby="titel">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/consulent/hulpvragen/${id}`}>
          Terug naar de hulpvraag
        </Link>
      </p>
      <h1 id="titel" className="utrecht-heading-1">
        Concept bewerken
      </h1>
      <p className="utrecht-paragraph">
        Publiceren controleert eerst of er niets in staat waarmee de cliënt herkend kan worden.
      </p>
      <HulpvraagFormulier
        clienten={clienten}
        aanbieders={aanbieders}
        regels={regels}
        waarden={uitkomst?.waarden ?? waarden}
        uitkomst={uitkomst}
        knoppen={
          <>
            <Knop name="intent" value="opslaan" variant="secondary" disabled={Boolean(bezig)}>
              {bezig === "opslaan" ? "Bezig met opslaan…" : "Opslaan"}
            </Knop>
            <Knop name="intent" value="publiceren" disabled={Boolean(bezig)}>
              {bezig === "publiceren" ? "Bezig met publiceren…" : "Opslaan en publiceren"}
            </Knop>
          </>
        }
      />
    </section>
  );
}
