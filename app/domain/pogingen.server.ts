import { eq, sql } from "drizzle-orm";
import { pogingen } from "../../db/schema";
import { db } from "../../db/client.server";
import { DomainError } from "./errors";

/** Failures allowed within the window before a key is slowed down. */
const VRIJ = 5;
const VENSTER_MS = 15 * 60_000;
const MAX_BLOK_MS = 15 * 60_000;

/** The wait in words: seconds up to two minutes, then whole minutes (rounded up). */
export function wachttijd(seconden: number): string {
  if (seconden < 120) return seconden === 1 ? "1 seconde" : `${seconden} seconden`;
  return `${Math.ceil(seconden / 60)} minuten`;
}

/** Throws `rate_limited` with a retry-after while any of the keys is blocked. */
export async function controleerPogingen(sleutels: string[]) {
  for (const sleutel of sleutels) {
    const [rij] = await db().select().from(pogingen).where(eq(pogingen.sleutel, sleutel));
    const wacht = rij?.geblokkeerdTot ? rij.geblokkeerdTot.getTime() - Date.now() : 0;
    if (wacht > 0) {
      const seconden = Math.ceil(wacht / 1000);
      throw new DomainError("rate_limited", [], `Te veel mislukte pogingen. Probeer het over ${wachttijd(seconden)} opnieuw.`, seconden);
    }
  }
}

/** Counts a failure; past the free attempts each further one doubles the wait (30 s, 1 min, … 15 min). */
export async function registreerMislukking(sleutels: string[]) {
  for (const sleutel of sleutels) {
    await db().execute(sql`
      insert into pogingen (sleutel, aantal, venster_start) values (${sleutel}, 1, now())
      on conflict (sleutel) do update set
        aantal = case when pogingen.venster_start < now() - ${`${VENSTER_MS} milliseconds`}::interval then 1 else pogingen.aantal + 1 end,
        venster_start = case when pogingen.venster_start < now() - ${`${VENSTER_MS} milliseconds`}::interval then now() else pogingen.venster_start end`);
    const [rij] = await db().select().from(pogingen).where(eq(pogingen.sleutel, sleutel));
    if (rij && rij.aantal >= VRIJ) {
      const blok = Math.min(MAX_BLOK_MS, 30_000 * 2 ** (rij.aantal - VRIJ));
      await db().update(pogingen).set({ geblokkeerdTot: new Date(Date.now() + blok) }).where(eq(pogingen.sleutel, sleutel));
    }
  }
}

export async function wisPogingen(sleutels: string[]) {
  for (const sleutel of sleutels) await db().delete(pogingen).where(eq(pogingen.sleutel, sleutel));
}
