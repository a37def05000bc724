import { moment } from "./format";

type Regel = { at: string; actie: string; door: string; na?: unknown };

const ACTIES: Record<string, string> = {
  "hulpvraag.aangemaakt": "Aangemaakt als concept",
  "hulpvraag.gewijzigd": "Concept gewijzigd",
  "hulpvraag.gepubliceerd": "Gepubliceerd",
  "hulpvraag.ingetrokken": "Ingetrokken",
  "hulpvraag.verlengd": "Reactietermijn verlengd",
  "hulpvraag.termijn_verstreken": "Reactietermijn verstreken: in beoordeling",
  "aanbieding.ingediend": "Aanbieding ingediend",
  "aanbieding.herzien": "Aanbieding aangepast",
  "aanbieding.ingetrokken": "Aanbieding ingetrokken",
};

/** The detail a consulent wants next to a step: the new deadline or the reason. */
function toelichting(actie: string, na: unknown): string | null {
  const n = (na ?? {}) as { deadline?: string; reden?: string };
  if ((actie === "hulpvraag.gepubliceerd" || actie === "hulpvraag.verlengd") && n.deadline) return `Reageren kan tot ${moment(n.deadline)}`;
  if (actie === "hulpvraag.ingetrokken" && n.reden) return `Reden: ${n.reden}`;
  return null;
}

export function StatusGeschiedenis({ regels }: { regels: Regel[] }) {
  if (!regels.length) return <p className="utrecht-paragraph">Nog geen geschiedenis.</p>;
  return (
    <div className="zv-tabel-scroll">
      <table className="utrecht-table">
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Moment</th>
            <th scope="col" className="utrecht-table__header-cell">Wat</th>
            <th scope="col" className="utrecht-table__header-cell">Door</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {regels.map((r, i) => (
            <tr key={i} className="utrecht-table__row">
              <td className="utrecht-table__cell">{moment(r.at)}</td>
              <td className="utrecht-table__cell">{ACTIES[r.actie] ?? r.actie}{toelichting(r.actie, r.na) ? <span className="zv-meta"> — {toelichting(r.actie, r.na)}</span> : null}</td>
              <td className="utrecht-table__cell">{r.door}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
