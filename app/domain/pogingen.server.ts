import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { limieten } from "../../db/schema";
import { db } from "../../db/client.server";
import { DomainError } from "./errors";

const VENSTER = 15 * 60;

/**
 * Attempts per key within 15 minutes. An attempt is reserved before the password or code is
 * checked, in one atomic statement in PostgreSQL, so requests sent at once cannot all slip
 * through; a success gives its reservation back.
 * - account: 5, from all addresses together (one account tried from many addresses is slowed
 *   down just the same); a success clears it.
 * - address: 100 sign-ins, so one person's typos do not lock out an office behind one NAT.
 * - invite codes: 30 per address, and 5 per code (its first four characters, the part a
 *   guesser keeps fixed).
 */
export const LIMIETEN = {
  "inlog-account": 5,
  "inlog-adres": 100,
  "code-adres": 30,
  "code-code": 5,
  "aanbiedercode-adres": 30,
  "aanbiedercode-code": 5,
} as const;
export type Limiet = keyof typeof LIMIETEN;
export const VENSTER_SECONDEN = VENSTER;

const limiters = new Map<Limiet, RateLimiterDrizzle>();
function limiter(limiet: Limiet): RateLimiterDrizzle {
  let l = limiters.get(limiet);
  if (!l) {
    l = new RateLimiterDrizzle({
      storeClient: db(),
      schema: limieten,
      keyPrefix: limiet,
      points: LIMIETEN[limiet],
      duration: VENSTER,
    });
    limiters.set(limiet, l);
  }
  return l;
}

/** The wait in words: seconds up to two minutes, then whole minutes (rounded up). */
export function wachttijd(seconden: number): string {
  if (seconden < 120) return seconden === 1 ? "1 seconde" : `${seconden} seconden`;
  return `${Math.ceil(seconden / 60)} minuten`;
}

export type Sleutel = [Limiet, string];

/**
 * Reserves one attempt on every key, or none: when any key is used up, the others get theirs
 * back and the caller gets `rate_limited` with the longest wait. Returns what to do on success.
 */
export async function reserveer(sleutels: Sleutel[]): Promise<{ gelukt: () => Promise<void> }> {
  const uitkomsten = await Promise.allSettled(sleutels.map(([limiet, id]) => limiter(limiet).consume(id)));
  const geweigerd = uitkomsten.flatMap((u) => (u.status === "rejected" ? [u.reason] : []));
  if (geweigerd.length) {
    const storing = geweigerd.find((r) => !(r instanceof RateLimiterRes));
    if (storing) throw storing;
    await Promise.all(
      sleutels.filter((_, i) => uitkomsten[i].status === "fulfilled").map(([limiet, id]) => limiter(limiet).reward(id)),
    );
    const seconden = Math.max(1, ...geweigerd.map((r: RateLimiterRes) => Math.ceil(r.msBeforeNext / 1000)));
    throw new DomainError(
      "rate_limited",
      [],
      `Te veel mislukte pogingen. Probeer het over ${wachttijd(seconden)} opnieuw.`,
      seconden,
    );
  }
  return {
    // An account's failures are forgotten after a success; an address or code only gets this attempt back.
    gelukt: async () => {
      await Promise.all(
        sleutels.map(([limiet, id]) =>
          limiet === "inlog-account" ? limiter(limiet).delete(id) : limiter(limiet).reward(id),
        ),
      );
    },
  };
}
