/**
 * The only module that knows Lucia (its v3 line is no longer maintained upstream, so it stays
 * replaceable). Browser sessions and API tokens are both Lucia sessions; client invite
 * sessions live in their own table.
 */
import { Lucia, TimeSpan } from "lucia";
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, gt } from "drizzle-orm";
import { clientSessies, gebruikers, sessies } from "../../db/schema";
import { db } from "../../db/client.server";
import type { Actor, Gebruiker, Rol } from "../domain/actor";
import { DomainError } from "../domain/errors";
import { hashWachtwoord, wachtwoordKlopt } from "../domain/wachtwoord.server";
import { reserveer } from "../domain/pogingen.server";
import { openClientSessie, sluitClientSessie } from "../domain/uitnodigingen.server";
import { verbreekVerbindingen } from "../domain/live.server";
import { feedVoor } from "../../realtime/events";

export const SESSIE_COOKIE = "zv_sessie";
export const CLIENT_COOKIE = "zv_client";
const API_TOKEN_UREN = 12;

function maakLucia() {
  return new Lucia(new DrizzlePostgreSQLAdapter(db(), sessies, gebruikers), {
    sessionExpiresIn: new TimeSpan(8, "h"),
    sessionCookie: {
      name: SESSIE_COOKIE,
      expires: false,
      attributes: { secure: process.env.COOKIE_SECURE !== "false", sameSite: "lax" },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      naam: a.naam,
      rol: a.rol,
      gemeenteId: a.gemeenteId,
      aanbiederId: a.aanbiederId,
    }),
    getSessionAttributes: (a) => ({ soort: a.soort }),
  });
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof maakLucia>;
    DatabaseUserAttributes: {
      email: string;
      naam: string;
      rol: Rol;
      gemeenteId: string | null;
      aanbiederId: string | null;
    };
    DatabaseSessionAttributes: { soort: "web" | "api" };
  }
}

let instantie: ReturnType<typeof maakLucia> | undefined;
const lucia = () => (instantie ??= maakLucia());

export { hashWachtwoord };

/** Checks credentials with per-account and per-address slowdown; always a fresh session. */
export async function meldAan(email: string, wachtwoord: string, adres: string, soort: "web" | "api") {
  // The attempt is reserved before the password is checked: a burst sent at once is counted too.
  const poging = await reserveer([
    ["inlog-account", email.trim().toLowerCase()],
    ["inlog-adres", adres],
  ]);
  const [gebruiker] = await db().select().from(gebruikers).where(eq(gebruikers.email, email.trim().toLowerCase()));
  const klopt = gebruiker ? await wachtwoordKlopt(gebruiker.passwordHash, wachtwoord) : false;
  if (!gebruiker || !klopt) throw new DomainError("unauthorized", [], "Het e-mailadres of het wachtwoord klopt niet.");
  await poging.gelukt();
  const sessie = await lucia().createSession(gebruiker.id, { soort });
  if (soort === "api") {
    const expiresAt = new Date(Date.now() + API_TOKEN_UREN * 3600_000);
    await db().update(sessies).set({ expiresAt }).where(eq(sessies.id, sessie.id));
    return { sessieId: sessie.id, rol: gebruiker.rol, expiresAt, cookie: null };
  }
  return {
    sessieId: sessie.id,
    rol: gebruiker.rol,
    expiresAt: sessie.expiresAt,
    cookie: lucia().createSessionCookie(sessie.id).serialize(),
  };
}

/**
 * The one way a session ends, a person's (browser or API token) or a client's: the session is
 * closed and so is every live connection opened with it, whichever path asked.
 */
export async function beeindigSessie(actor: Actor) {
  if (actor.soort === "gebruiker") await lucia().invalidateSession(actor.sessieId);
  else if (actor.soort === "client") await sluitClientSessie(actor.sessieId);
  else return;
  verbreekVerbindingen(`sessie:${actor.sessieId}`);
}

/**
 * Sign out on every device: all browser sessions and API tokens of this user, and their live
 * connections. The page that asked (`hier`) is closed without notice: it goes to its own next page.
 */
export async function meldOveralAf(gebruiker: Gebruiker) {
  await lucia().invalidateUserSessions(gebruiker.id);
  verbreekVerbindingen(feedVoor.gebruiker(gebruiker.id), `sessie:${gebruiker.sessieId}`);
}

export const legeSessieCookie = () => lucia().createBlankSessionCookie().serialize();

type Headers = { cookie?: string | null; authorization?: string | null };
/** `sessieBeeindigd`: the browser sent a session cookie whose session has ended (signed out elsewhere, or expired). */
export type ActorUitkomst = { actor: Actor | null; setCookie?: string; sessieBeeindigd?: boolean };

/** Validates once per request: a bearer token first, then the session cookie, then a client cookie. */
export async function actorUitHeaders(headers: Headers): Promise<ActorUitkomst> {
  const bearer = headers.authorization ? lucia().readBearerToken(headers.authorization) : null;
  if (bearer) {
    return { actor: (await gebruikerUitApiToken(bearer)) ?? (await clientUitSessie(bearer)) };
  }
  const cookieId = headers.cookie ? lucia().readSessionCookie(headers.cookie) : null;
  if (cookieId) {
    const { session, user } = await lucia().validateSession(cookieId);
    if (!session || session.soort !== "web")
      return { actor: null, setCookie: legeSessieCookie(), sessieBeeindigd: !session };
    const actor: Gebruiker = { soort: "gebruiker", sessieId: session.id, ...user };
    return { actor, setCookie: session.fresh ? lucia().createSessionCookie(session.id).serialize() : undefined };
  }
  const clientToken = headers.cookie ? leesCookie(headers.cookie, CLIENT_COOKIE) : null;
  if (clientToken) return { actor: await clientUitSessie(clientToken) };
  return { actor: null };
}

/**
 * An API token ends at its expiresAt, however busy it is: unlike a browser session, Lucia's
 * sliding renewal must not apply, or a token in constant use would never expire.
 */
async function gebruikerUitApiToken(id: string): Promise<Gebruiker | null> {
  const [rij] = await db()
    .select({
      sessieId: sessies.id,
      id: gebruikers.id,
      email: gebruikers.email,
      naam: gebruikers.naam,
      rol: gebruikers.rol,
      gemeenteId: gebruikers.gemeenteId,
      aanbiederId: gebruikers.aanbiederId,
    })
    .from(sessies)
    .innerJoin(gebruikers, eq(gebruikers.id, sessies.userId))
    .where(and(eq(sessies.id, id), eq(sessies.soort, "api"), gt(sessies.expiresAt, new Date())));
  return rij ? { soort: "gebruiker", ...rij } : null;
}

/** When the session behind an actor ends, read without renewing it; null when it has ended already. */
export async function sessieEindigt(actor: Actor): Promise<Date | null> {
  const nu = new Date();
  if (actor.soort === "gebruiker") {
    const [rij] = await db()
      .select({ tot: sessies.expiresAt })
      .from(sessies)
      .where(and(eq(sessies.id, actor.sessieId), gt(sessies.expiresAt, nu)));
    return rij?.tot ?? null;
  }
  if (actor.soort === "client") {
    const [rij] = await db()
      .select({ tot: clientSessies.expiresAt })
      .from(clientSessies)
      .where(and(eq(clientSessies.id, actor.sessieId), gt(clientSessies.expiresAt, nu)));
    return rij?.tot ?? null;
  }
  return null;
}

async function clientUitSessie(token: string): Promise<Actor | null> {
  const [rij] = await db()
    .select()
    .from(clientSessies)
    .where(and(eq(clientSessies.id, token), gt(clientSessies.expiresAt, new Date())));
  if (!rij) return null;
  return { soort: "client", hulpvraagId: rij.hulpvraagId, uitnodigingId: rij.uitnodigingId, sessieId: rij.id };
}

export function leesCookie(header: string, naam: string): string | null {
  for (const deel of header.split(";")) {
    const [k, ...v] = deel.trim().split("=");
    if (k === naam) return decodeURIComponent(v.join("="));
  }
  return null;
}

function clientCookie(waarde: string, verloopt: Date): string {
  const secure = process.env.COOKIE_SECURE !== "false" ? "; Secure" : "";
  return `${CLIENT_COOKIE}=${encodeURIComponent(waarde)}; Path=/; HttpOnly; SameSite=Lax; Expires=${verloopt.toUTCString()}${secure}`;
}

/** Web sign-in with an invite code: the page sets the returned cookie and redirects to STARTPAGINA.client. */
export async function meldClientAan(code: string, adres: string) {
  const sessie = await openClientSessie(code, adres);
  return { ...sessie, cookie: clientCookie(sessie.token, new Date(sessie.expiresAt)) };
}

export const legeClientCookie = () => clientCookie("", new Date(0));
