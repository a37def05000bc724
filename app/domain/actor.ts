import type { Rol } from "../../db/schema/gebruikers";
import { DomainError } from "./errors";

export type { Rol };

/** A signed-in member of staff: gemeente staff carry a gemeenteId, provider planners an aanbiederId. */
export type Gebruiker = {
  soort: "gebruiker";
  id: string;
  naam: string;
  email: string;
  rol: Rol;
  gemeenteId: string | null;
  aanbiederId: string | null;
  sessieId: string;
};

/** A client (or their representative) who opened one request with an invite code. */
export type ClientActor = { soort: "client"; hulpvraagId: string; uitnodigingId: string; sessieId: string };

/** Work the server does by itself, such as closing requests at their deadline. */
export type SysteemActor = { soort: "systeem" };

export type Actor = Gebruiker | ClientActor | SysteemActor;

export const SYSTEEM: SysteemActor = { soort: "systeem" };

export function vereisRol<R extends Rol>(actor: Actor | null | undefined, ...rollen: R[]): Gebruiker & { rol: R } {
  if (!actor) throw new DomainError("unauthorized");
  if (actor.soort !== "gebruiker" || !rollen.includes(actor.rol as R)) throw new DomainError("forbidden");
  return actor as Gebruiker & { rol: R };
}

/** Gemeente staff scope: consulent, beheerder and toezichthouder are always tied to one gemeente. */
export function gemeenteVan(actor: Gebruiker): string {
  if (!actor.gemeenteId) throw new DomainError("forbidden");
  return actor.gemeenteId;
}

export function aanbiederVan(actor: Gebruiker): string {
  if (!actor.aanbiederId) throw new DomainError("forbidden");
  return actor.aanbiederId;
}

export function actorLabel(actor: Actor): string {
  if (actor.soort === "gebruiker") return `${actor.naam} (${actor.rol})`;
  if (actor.soort === "client") return "cliënt (via uitnodiging)";
  return "systeem";
}

export function actorId(actor: Actor): string | null {
  if (actor.soort === "gebruiker") return actor.id;
  if (actor.soort === "client") return actor.uitnodigingId;
  return null;
}
