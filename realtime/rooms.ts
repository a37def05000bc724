import type { Actor } from "../app/domain/actor";
import { feedVoor } from "./events";

/** The feeds (and rooms) an actor may hear; decided by the server from the session alone. */
export function feedsVoorActor(actor: Actor): string[] {
  if (actor.soort === "client") return [feedVoor.hulpvraag(actor.hulpvraagId)];
  if (actor.soort !== "gebruiker") return [];
  const feeds = [feedVoor.gebruiker(actor.id)];
  if (actor.rol === "aanbieder" && actor.aanbiederId) feeds.push(feedVoor.aanbieder(actor.aanbiederId));
  if ((actor.rol === "consulent" || actor.rol === "beheerder" || actor.rol === "toezichthouder") && actor.gemeenteId) {
    feeds.push(feedVoor.gemeente(actor.gemeenteId));
  }
  if (actor.rol === "toezichthouder" && actor.gemeenteId) feeds.push(feedVoor.toezicht(actor.gemeenteId));
  return feeds;
}
