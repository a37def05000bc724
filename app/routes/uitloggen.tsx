import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { legeSessieCookie, meldAf, meldOveralAf } from "../auth/session.server";
import { verbreekVerbindingen } from "../domain/live.server";
import { feedVoor } from "../../realtime/events";

export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = context.actor;
  if (actor?.soort === "gebruiker") {
    const overal = (await request.formData()).get("overal") === "ja";
    if (overal) {
      await meldOveralAf(actor.id);
      verbreekVerbindingen(feedVoor.gebruiker(actor.id));
    } else {
      await meldAf(actor.sessieId);
      verbreekVerbindingen(`sessie:${actor.sessieId}`);
    }
  }
  return redirect("/inloggen", { headers: { "Set-Cookie": legeSessieCookie() } });
}
