import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { maakHulpvraag } from "../domain/hulpvragen.server";
import { metWaarden, naar, verwerk } from "../http/formulier.server";
import { formulierKeuzes } from "../http/hulpvraag-formulier.server";
import { HulpvraagSchema } from "../schemas/hulpvraag";
import { getypteHulpvraagWaarden, hulpvraagUitFormulier } from "../schemas/hulpvraag-formulier";
import { parseInvoer } from "../schemas/parse";
import { HulpvraagFormulier } from "../components/HulpvraagFormulier";
import { Knop } from "../components/ui";
import consulentCss from "../styles/consulent.css";

export const meta: MetaFunction = () => [{ title: "Nieuwe hulpvraag — Zorgveiling" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: consulentCss }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const client = new URL(request.url).searchParams.get("client") ?? "";
  return json({ ...(await formulierKeuzes(consulent)), client });
}

export async function action({ context, request }: ActionFunctionArgs) {
  const consulent = vereisGebruiker(context, request, "consulent");
  const formulier = await request.formData();
  const fout = await verwerk(async () => {
    const h = await maakHulpvraag(consulent, parseInvoer(HulpvraagSchema, hulpvraagUitFormulier(formulier)));
    throw naar(
      `/consulent/hulpvragen/${h.id}`,
      "De hulpvraag is opgeslagen als concept. Bekijk het voorbeeld en publiceer haar.",
    );
  });
  return metWaarden(fout, getypteHulpvraagWaarden(formulier));
}

export default function NieuweHulpvraag() {
  const { clienten, aanbieders, regels, client } = useLoaderData<typeof loader>();
  const uitkomst = useActionData<typeof action>();
  const bezig = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="titel">
      <h1 id="titel" className="utrecht-heading-1">
        Nieuwe hulpvraag
      </h1>
      <p className="utrecht-paragraph">
        Beschrijf na het keukentafelgesprek welke resultaten de cliënt wil bereiken. Aanbieders zien alles behalve de
        cliënt. U slaat de hulpvraag eerst op als concept; daarna ziet u precies wat aanbieders zien en publiceert u.
      </p>
      {clienten.length === 0 ? (
        <div className="zv-leeg">
          <p className="utrecht-paragraph">
            Er staan nog geen cliënten in het register.{" "}
            <Link className="utrecht-link" to="/consulent/clienten">
              Registreer eerst de cliënt
            </Link>
            .
          </p>
        </div>
      ) : (
        <HulpvraagFormulier
          clienten={clienten}
          aanbieders={aanbieders}
          regels={regels}
          waarden={uitkomst?.waarden ?? { clientId: client }}
          uitkomst={uitkomst}
          knoppen={
            <Knop disabled={bezig} aria-disabled={bezig}>
              {bezig ? "Bezig met opslaan…" : "Opslaan als concept"}
            </Knop>
          }
        />
      )}
    </section>
  );
}
