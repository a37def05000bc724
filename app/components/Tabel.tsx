import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import type { Sortering } from "../format/sorteren";

type Rij = { sleutel: string; cellen: ReactNode[]; testId?: string };

/**
 * A sortable table: each sortable column header holds a button that submits a GET form with
 * `<param>=<kolom>:op|af`; the loader sorts (app/format/sorteren.ts), so it works without JavaScript.
 * `kolommen` names the sort key per column (null: not sortable); `behoud` keeps the page's other
 * query parameters (filters, other tables' sorts).
 */
export type Sorteren = {
  param: string;
  kolommen: (string | null)[];
  huidig: Sortering;
  behoud?: Record<string, string>;
};

function SorteerKop({ label, kolom, sorteren }: { label: ReactNode; kolom: string; sorteren: Sorteren }) {
  const actief = sorteren.huidig?.kolom === kolom ? sorteren.huidig.richting : null;
  const volgende = actief === "op" ? "af" : "op";
  return (
    <button
      type="submit"
      form={`${sorteren.param}-formulier`}
      name={sorteren.param}
      value={`${kolom}:${volgende}`}
      className="zv-sorteer"
      title={volgende === "op" ? "Sorteer oplopend" : "Sorteer aflopend"}
    >
      {label}
      <span className="zv-sorteer-pijl" aria-hidden="true">
        {actief === "op" ? " ▲" : actief === "af" ? " ▼" : " ↕"}
      </span>
    </button>
  );
}

/** A Utrecht table with a caption (its accessible name), column headers and an empty state. */
export function Tabel({
  bijschrift,
  verbergBijschrift = false,
  kolommen,
  rijen,
  leeg,
  testId,
  sorteren,
}: {
  bijschrift: ReactNode;
  verbergBijschrift?: boolean;
  kolommen: ReactNode[];
  rijen: Rij[];
  leeg: string;
  testId?: string;
  sorteren?: Sorteren;
}) {
  if (rijen.length === 0) return <p className="utrecht-paragraph zv-leeg">{leeg}</p>;
  const sortering = (i: number) => {
    const kolom = sorteren?.kolommen[i];
    if (!kolom) return undefined;
    return sorteren.huidig?.kolom === kolom ? (sorteren.huidig.richting === "op" ? "ascending" : "descending") : "none";
  };
  return (
    <div className="zv-tabel-scroll">
      {sorteren ? (
        <Form method="get" id={`${sorteren.param}-formulier`} preventScrollReset hidden>
          {Object.entries(sorteren.behoud ?? {})
            .filter(([k]) => k !== sorteren.param)
            .map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
        </Form>
      ) : null}
      <table className="utrecht-table" data-testid={testId}>
        <caption className={`utrecht-table__caption ${verbergBijschrift ? "visually-hidden" : ""}`}>
          {bijschrift}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {kolommen.map((k, i) => (
              <th key={i} className="utrecht-table__header-cell" scope="col" aria-sort={sortering(i)}>
                {sorteren?.kolommen[i] ? <SorteerKop label={k} kolom={sorteren.kolommen[i]!} sorteren={sorteren} /> : k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rijen.map((r) => (
            <tr key={r.sleutel} className="utrecht-table__row" data-testid={r.testId}>
              {r.cellen.map((c, i) => (
                <td
                  key={i}
                  className="utrecht-table__cell"
                  data-kop={typeof kolommen[i] === "string" ? (kolommen[i] as string) : undefined}
                >
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
