import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { Actor, ClientActor, Gebruiker, Rol } from "../domain/actor";

declare module "@remix-run/node" {
  interface AppLoadContext {
    actor: Actor | null;
    ip: string;
    /** Per response, for the Content-Security-Policy and Remix's inline scripts. */
    nonce: string;
    /** Set by handleError when a loader or action met an absent database: the answer becomes a 503. */
    databaseWeg?: boolean;
    /** The browser's session cookie names a session that has ended: the sign-in page says so. */
    sessieBeeindigd?: boolean;
  }
}

export const STARTPAGINA: Record<Rol | "client", string> = {
  consulent: "/consulent",
  aanbieder: "/aanbieder",
  beheerder: "/beheer",
  toezichthouder: "/toezicht",
  "aanbieder-beheerder": "/organisatie",
  client: "/client",
};

/** Pages never check roles by hand: this returns the signed-in user or throws a redirect or a 403. */
export function vereisGebruiker<R extends Rol>(
  context: AppLoadContext,
  request: Request,
  ...rollen: R[]
): Gebruiker & { rol: R } {
  const actor = context.actor;
  if (!actor || actor.soort !== "gebruiker") {
    const url = new URL(request.url);
    const reden = context.sessieBeeindigd ? "&afgemeld=sessie" : "";
    throw redirect(`/inloggen?terug=${encodeURIComponent(url.pathname + url.search)}${reden}`);
  }
  if (rollen.length && !rollen.includes(actor.rol as R)) {
    throw new Response("Deze pagina is niet voor uw rol.", { status: 403, statusText: "Geen toegang" });
  }
  return actor as Gebruiker & { rol: R };
}

export function vereisClient(context: AppLoadContext): ClientActor {
  const actor = context.actor;
  if (!actor || actor.soort !== "client") throw redirect("/uitnodiging");
  return actor;
}
