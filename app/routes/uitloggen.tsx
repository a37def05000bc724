import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { beeindigSessie, legeSessieCookie, meldOveralAf } from "../auth/session.server";
import { Knop } from "../components/ui";

export const meta: MetaFunction = () => [{ title: "Uitloggen — Zorgveiling" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.actor?.soort !== "gebruiker") throw redirect("/inloggen");
  return null;
}

/** "Alleen hier" ends this browser session; "overal" every browser session and API token of the user. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = context.actor;
  const overal = (await request.formData()).get("overal") === "ja";
  if (actor?.soort === "gebruiker") {
    if (overal) await meldOveralAf(actor);
    else await beeindigSessie(actor);
  }
  return redirect(overal ? "/inloggen?afgemeld=overal" : "/inloggen", {
    headers: { "Set-Cookie": legeSessieCookie() },
  });
}

export default function Uitloggen() {
  const bezig = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="titel" style={{ maxWidth: "40rem" }}>
      <h1 id="titel" className="utrecht-heading-1">
        Uitloggen
      </h1>
      <p className="utrecht-paragraph">Kies waar u wilt uitloggen.</p>
      <ul className="utrecht-unordered-list">
        <li>
          <strong>Alleen hier</strong>: u logt uit in deze browser. Op andere computers en telefoons blijft u ingelogd.
        </li>
        <li>
          <strong>Overal</strong>: u logt uit in alle browsers waarin u bent ingelogd, en alle API-tokens van uw account
          stoppen. Doe dit als u een computer of telefoon kwijt bent, of als u denkt dat iemand anders uw account
          gebruikt.
        </li>
      </ul>
      <Form method="post" className="zv-rij">
        <Knop name="overal" value="nee" disabled={bezig} aria-disabled={bezig}>
          Alleen hier afmelden
        </Knop>
        <Knop name="overal" value="ja" variant="secondary" disabled={bezig} aria-disabled={bezig}>
          Overal afmelden
        </Knop>
      </Form>
    </section>
  );
}
