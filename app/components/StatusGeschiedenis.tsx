import { moment } from "../format/nl";
import { Tabel } from "./Tabel";

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
  if ((actie === "hulpvraag.gepubliceerd" || actie === "hulpvraag.verlengd") && n.deadline)
    return `Reageren kan tot ${moment(n.deadline)}`;
  if (actie === "hulpvraag.ingetrokken" && n.reden) return `Reden: ${n.reden}`;
  return null;
}

export function StatusGeschiedenis({ regels }: { regels: Regel[] }) {
  return (
    <Tabel
      bijschrift="Statusgeschiedenis"
      verbergBijschrift
      kolommen={["Moment", "Wat", "Door"]}
      leeg="Nog geen geschiedenis."
      rijen={regels.map((r, i) => ({
        sleutel: String(i),
        cellen: [
          moment(r.at),
          <>
            {ACTIES[r.actie] ?? r.actie}
            {toelichting(r.actie, r.na) ? <span className="zv-meta"> — {toelichting(r.actie, r.na)}</span> : null}
          </>,
          r.door,
        ],
      }))}
    />
  );
}
