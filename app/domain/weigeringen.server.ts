import { weigeringen } from "../../db/schema";
import { db } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { isDomainError, type Foutcode } from "./errors";

/** Codes that are not rule refusals: they say nothing about the market. */
const GEEN_REGEL = new Set<Foutcode>(["invalid_input", "not_found", "forbidden", "unauthorized", "rate_limited"]);

/** Counts a rule refusal for the supervisor's figures, outside the refused (rolled back) transaction. */
export async function registreerWeigering(fout: unknown, gemeenteId: string | null) {
  if (!isDomainError(fout) || GEEN_REGEL.has(fout.code)) return;
  await db().insert(weigeringen).values({ id: newId("wg"), gemeenteId, code: fout.code }).catch(() => {});
}
