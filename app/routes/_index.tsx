import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { STARTPAGINA } from "../auth/guards.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const actor = context.actor;
  if (actor?.soort === "gebruiker") throw redirect(STARTPAGINA[actor.rol]);
  if (actor?.soort === "client") throw redirect(STARTPAGINA.client);
  throw redirect("/inloggen");
}
