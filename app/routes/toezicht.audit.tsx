import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { vereisGebruiker } from "../auth/guards.server";
import { auditActoren, controleerAuditketen } from "../domain/toezicht.server";
import { leesTrailInZinnen } from "../http/audit-trail.server";
import { AuditPaginaSchema, type AuditPaginaFilter } from "../schemas/toezicht";
import { zodDetails } from "../schemas/parse";
import { foutenVoor } from "../components/fouten";
import { moment } from "../format/nl";
import { Knop, Melding, Veld } from "../components/ui";
import toezichtCss from "../styles/toezicht.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: toezichtCss }];

export const meta: MetaFunction = () => [{ title: "Audittrail — Toezicht — Zorgveiling" }];

const PAGINA = 50;

export async function loader({ context, request }: LoaderFunctionArgs) {
  const toezichthouder = vereisGebruiker(context, request, "toezichthouder");
  // An empty field of the GET form means "no filter".
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v.trim() !== ""));
  const [keten, actoren] = await Promise.all([controleerAuditketen(toezichthouder), auditActoren(toezichthouder)]);
  const filter = AuditPaginaSchema.safeParse(params);
  if (!filter.success)
    return json({ keten, actoren, filter: params as AuditPaginaFilter, fouten: zodDetails(filter.error), trail: null });
  const f = filter.data;
  const trail = await leesTrailInZinnen(toezichthouder, f, PAGINA);
  return json({ keten, actoren, filter: f, fouten: [], trail });
}

type Regel = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["trail"]>["items"][number];

const kort = (v: unknown) => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

/** One line of what changed: "status: open → beoordeling", or the fields that were set. */
function samenvatting(voor: unknown, na: unknown): string {
  const v = (voor && typeof voor === "object" ? voor : {}) as Record<string, unknown>;
  const n = (na && typeof na === "object" ? na : {}) as Record<string, unknown>;
  const sleutels = [...new Set([...Object.keys(v), ...Object.keys(n)])].filter(
    (k) => JSON.stringify(v[k]) !== JSON.stringify(n[k]),
  );
  if (sleutels.length === 0) return "geen gegevens";
  const delen = sleutels
    .slice(0, 3)
    .map((k) =>
      k in v && k in n ? `${k}: ${kort(v[k])} → ${kort(n[k])}` : k in n ? `${k}: ${kort(n[k])}` : `${k} verwijderd`,
    );
  return sleutels.length > 3 ? `${delen.join("; ")}; en ${sleutels.length - 3} meer` : delen.join("; ");
}

/** The raw entry behind a disclosure: the stored keys, ids and hashes, for whoever must check. */
function Wijziging({ regel }: { regel: Regel }) {
  return (
    <details>
      <summary>Ruwe regel</summary>
      <div className="zv-audit-json">
        <p className="utrecht-paragraph">{`${regel.action} | ${regel.entity} ${regel.entityId} | ${regel.actor}`}</p>
        {regel.before !== null || regel.after !== null ? (
          <p className="utrecht-paragraph">{samenvatting(regel.before, regel.after)}</p>
        ) : null}
        <p className="utrecht-paragraph">
          <strong>Voor</strong>
        </p>
        <pre>{JSON.stringify(regel.before, null, 2)}</pre>
        <p className="utrecht-paragraph">
          <strong>Na</strong>
        </p>
        <pre>{JSON.stringify(regel.after, null, 2)}</pre>
        <p className="utrecht-paragraph zv-meta">{`Hash ${regel.hash}`}</p>
      </div>
    </details>
  );
}

function zoekMet(filter: AuditPaginaFilter, extra: Record<string, string | number | undefined>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before: undefined, ...extra }))
    if (v !== undefined && v !== "") p.set(k, String(v));
  return `?${p}`;
}

export default function Audittrail() {
  const { keten, actoren, filter, fouten, trail } = useLoaderData<typeof loader>();
  const bezig = useNavigation().state === "loading";
  const uitkomst = { fouten };
  return (
    <>
      <h1 className="utrecht-heading-1">Audittrail</h1>
      <div data-testid="keten">
        {keten.valid ? (
          <Melding soort="ok" titel={`De auditketen is intact (${keten.entries} regels).`}>
            {<p className="utrecht-paragraph">Geen enkele regel is veranderd of weggehaald sinds hij is geschreven.</p>}
          </Melding>
        ) : (
          <Melding soort="error" rol="status" titel={`De auditketen is verbroken bij regel ${keten.firstBrokenAt}.`}>
            {
              <p className="utrecht-paragraph">
                Vanaf deze regel klopt de keten van hashes niet meer. Meld dit aan de functionaris gegevensbescherming.
              </p>
            }
          </Melding>
        )}
      </div>
      <p className="utrecht-paragraph">
        Elke wijziging in uw gemeente: wie, wanneer, wat, en wat ervoor en erna gold. Gegevens over de cliënt zijn
        afgeschermd. U kunt hier niets veranderen.
      </p>
      <Form method="get" className="zv-filter" aria-label="Filter het audittrail">
        <div className="zv-rij">
          <Veld
            naam="requestId"
            label="Hulpvraag (id)"
            defaultValue={filter.requestId ?? ""}
            fout={foutenVoor(uitkomst, "requestId")}
          />
          <Veld naam="actorId" label="Wie" fout={foutenVoor(uitkomst, "actorId")}>
            {(props) => (
              <select
                className="utrecht-select utrecht-select--html-select"
                {...props}
                defaultValue={filter.actorId ?? ""}
              >
                <option value="">Iedereen</option>
                {actoren.map((a) => (
                  <option key={a.actorId} value={a.actorId}>
                    {a.actor.startsWith("cliënt") ? `${a.actor} ${a.actorId}` : a.actor}
                  </option>
                ))}
              </select>
            )}
          </Veld>
          <Veld
            naam="van"
            label="Vanaf (datum)"
            type="date"
            defaultValue={filter.van ?? ""}
            fout={foutenVoor(uitkomst, "van")}
          />
          <Veld
            naam="tot"
            label="Tot en met (datum)"
            type="date"
            defaultValue={filter.tot ?? ""}
            fout={foutenVoor(uitkomst, "tot")}
          />
        </div>
        <div className="zv-rij">
          <Knop variant="secondary" disabled={bezig}>
            {bezig ? "Bezig…" : "Filter"}
          </Knop>
          <Link className="utrecht-link" to="/toezicht/audit">
            Alle filters wissen
          </Link>
          <a className="utrecht-link" href={`/toezicht/audit.csv${zoekMet(filter, {})}`} download>
            Download deze periode als CSV
          </a>
        </div>
      </Form>
      {trail === null ? (
        <Melding soort="error" titel="Pas de filters aan">
          {<p className="utrecht-paragraph">Niet alle filters zijn goed ingevuld.</p>}
        </Melding>
      ) : (
        <section aria-labelledby="regels">
          <h2 id="regels" className="utrecht-heading-2">
            Regels
          </h2>
          {trail.items.length === 0 ? (
            <p className="zv-leeg">Er zijn geen regels die bij deze filters passen.</p>
          ) : (
            <div className="zv-tabel-scroll">
              <table className="utrecht-table" data-testid="audit">
                <caption className="utrecht-table__caption">
                  Audittrail, nieuwste eerst{filter.before ? " (oudere regels)" : ""}
                </caption>
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    {["Regel", "Tijd", "Wat er gebeurde", "Vastgelegd"].map((k) => (
                      <th key={k} scope="col" className="utrecht-table__header-cell">
                        {k}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {trail.items.map((r) => (
                    <tr key={r.id} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell">
                        {r.id}
                      </th>
                      <td className="utrecht-table__cell">
                        <time dateTime={r.at}>{moment(r.at)}</time>
                      </td>
                      <td className="utrecht-table__cell">
                        <p className="utrecht-paragraph zv-audit-zin" data-testid="audit-zin">
                          {r.zin}
                        </p>
                        {r.requestId ? (
                          <Link
                            className="utrecht-link"
                            to={zoekMet(filter, { requestId: r.requestId })}
                          >{`Alles over hulpvraag ${r.requestId}`}</Link>
                        ) : null}
                      </td>
                      <td className="utrecht-table__cell">
                        <Wijziging regel={r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="utrecht-paragraph zv-rij">
            {filter.before ? (
              <Link className="utrecht-link" to={zoekMet(filter, {})}>
                Nieuwste regels
              </Link>
            ) : null}
            {trail.nextBefore ? (
              <Link className="utrecht-link" to={zoekMet(filter, { before: trail.nextBefore })}>
                Oudere regels
              </Link>
            ) : null}
          </p>
        </section>
      )}
    </>
  );
}
