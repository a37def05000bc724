import type { ReactNode } from "react";

type Rij = { sleutel: string; cellen: ReactNode[]; testId?: string };

/** A Utrecht table with a caption (its accessible name), column headers and an empty state. */
export function Tabel({
  bijschrift,
  verbergBijschrift = false,
  kolommen,
  rijen,
  leeg,
  testId,
}: {
  bijschrift: ReactNode;
  verbergBijschrift?: boolean;
  kolommen: ReactNode[];
  rijen: Rij[];
  leeg: string;
  testId?: string;
}) {
  if (rijen.length === 0) return <p className="utrecht-paragraph zv-leeg">{leeg}</p>;
  return (
    <div className="zv-tabel-scroll">
      <table className="utrecht-table" data-testid={testId}>
        <caption className={`utrecht-table__caption ${verbergBijschrift ? "visually-hidden" : ""}`}>
          {bijschrift}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {kolommen.map((k, i) => (
              <th key={i} className="utrecht-table__header-cell" scope="col">
                {k}
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
