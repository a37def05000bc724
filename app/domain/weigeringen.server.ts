import { eq } from "drizzle-orm";
import { hulpvragen, weigeringen } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { isDomainError, type Foutcode } from "./errors";
import { logboek } from "../logboek.server";
import { feedVoor } from "../../realtime/events";
import { inTransactie } from "./live.server";

/** Codes that are not rule refusals: they say nothing about the market. */
const GEEN_REGEL = new Set<Foutcode>(["invalid_input", "not_found", "forbidden", "unauthorized", "rate_limited"]);

/** Counts a rule refusal for the supervisor's figures, outside the refused (rolled back) transaction. */
async function registreerWeigering(fout: unknown, gemeenteId: string | null, hulpvraagId: string | null) {
  if (!isDomainError(fout) || GEEN_REGEL.has(fout.code)) return;
  const code = fout.code;
  // Losing one count must not turn the person's clear refusal into an error page; it is logged.
  await inTransactie(async (tx, meld) => {
    await tx.insert(weigeringen).values({ id: newId("wg"), gemeenteId, hulpvraagId, code });
    // The supervisor's figures include refusals per rule: they move live too.
    if (gemeenteId)
      await meld(feedVoor.toezicht(gemeenteId), "figures:changed", {
        hulpvraagId,
        aanleiding: "refusal:counted",
        code,
      });
  }).catch((err) => logboek.warn({ err, code, gemeenteId }, "weigering niet geteld"));
}

async function gemeenteVanHulpvraag(id: string): Promise<string | null> {
  const [h] = await db().select({ gemeenteId: hulpvragen.gemeenteId }).from(hulpvragen).where(eq(hulpvragen.id, id));
  return h?.gemeenteId ?? null;
}

/**
 * Runs `werk` and counts its rule refusal, if any, for the request's gemeente. The gemeente is
 * looked up only after a refusal (from the request id, or by `gemeente()`), never on the way in.
 */
export async function metWeigeringen<T>(
  hulpvraag: string | (() => Promise<string | null>),
  werk: () => Promise<T>,
): Promise<T> {
  try {
    return await werk();
  } catch (e) {
    if (isDomainError(e) && !GEEN_REGEL.has(e.code)) {
      await registreerWeigering(
        e,
        typeof hulpvraag === "string" ? await gemeenteVanHulpvraag(hulpvraag) : await hulpvraag(),
        typeof hulpvraag === "string" ? hulpvraag : null,
      );
    }
    throw e;
  }
}
