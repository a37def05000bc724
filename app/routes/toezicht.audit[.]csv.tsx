import type { LoaderFunctionArgs } from "@remix-run/node";
import { vereisGebruiker } from "../auth/guards.server";
import { moment } from "../format/nl";
import { csv, csvAntwoord } from "../http/csv.server";
import { AuditPaginaSchema } from "../schemas/toezicht";
import { zodDetails } from "../schemas/parse";
import { leesTrailInZinnen } from "../http/audit-trail.server";

// One export is one period's entries; a longer period is exported in parts.
const MAX_REGELS = 20_000;

/** The filtered period of the audit trail as CSV: the sentence, and the raw fields beside it. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezichthouder = vereisGebruiker(context, request, "toezichthouder");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v.trim() !== ""));
  const filter = AuditPaginaSchema.safeParse(params);
  if (!filter.success) {
    return Response.json(
      {
        error: {
          code: "invalid_input",
          message: "Niet alle filters zijn goed ingevuld.",
          details: zodDetails(filter.error),
        },
      },
      { status: 422 },
    );
  }
  const trail = await leesTrailInZinnen(toezichthouder, filter.data, MAX_REGELS);
  const inhoud = csv(
    ["Regel", "Tijd", "Wat er gebeurde", "Hulpvraag", "Door", "Handeling", "Onderdeel", "Id", "Voor", "Na", "Hash"],
    trail.items.map((r) => [
      r.id,
      moment(r.at),
      r.zin,
      r.requestId,
      r.actor,
      r.action,
      r.entity,
      r.entityId,
      r.before === null ? "" : JSON.stringify(r.before),
      r.after === null ? "" : JSON.stringify(r.after),
      r.hash,
    ]),
  );
  const periode = [filter.data.van, filter.data.tot].filter(Boolean).join("_tot_") || "alles";
  return csvAntwoord(`audittrail_${periode}.csv`, inhoud);
}
