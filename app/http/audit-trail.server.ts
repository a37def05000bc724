import { amsterdamTijdstip, plusDagen } from "../domain/deadline";
import { auditNamen } from "../domain/auditnamen.server";
import { auditZin, genoemdeIds } from "../domain/auditzinnen";
import { auditTrail } from "../domain/toezicht.server";
import type { AuditPaginaFilter } from "../schemas/toezicht";

/** A page of the trail with each entry as a Dutch sentence; also what the CSV export writes. */
export async function leesTrailInZinnen(
  toezichthouder: Parameters<typeof auditTrail>[0],
  f: AuditPaginaFilter,
  limit: number,
) {
  const trail = await auditTrail(toezichthouder, {
    requestId: f.requestId,
    actorId: f.actorId,
    limit,
    before: f.before,
    from: f.van ? amsterdamTijdstip(f.van, 0).toISOString() : undefined,
    to: f.tot ? new Date(amsterdamTijdstip(plusDagen(f.tot, 1), 0).getTime() - 1).toISOString() : undefined,
  });
  const namen = await auditNamen(genoemdeIds(trail.items));
  return { ...trail, items: trail.items.map((r) => ({ ...r, zin: auditZin(r, namen) })) };
}
