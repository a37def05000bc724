import type { ReactNode } from "react";
import { Tabel, type Sorteren } from "./Tabel";
import { Staafdiagram } from "./Staafdiagram";

/**
 * One figure of the supervisor's pages: a visible heading, a server-rendered chart (when there are
 * bars) and the table beside it; the table's caption (its accessible name) says the same to screen readers.
 */
export function Cijfers({
  id,
  titel,
  koppen,
  rijen,
  leeg,
  staven,
  sorteren,
}: {
  id: string;
  titel: string;
  koppen: string[];
  rijen: ReactNode[][];
  leeg: string;
  staven?: { label: string; waarde: number }[];
  sorteren?: Sorteren;
}) {
  return (
    <section aria-labelledby={id} className="zv-cijfer">
      <h2 id={id} className="utrecht-heading-2">
        {titel}
      </h2>
      <div className={staven?.length ? "zv-grafiek-en-tabel" : undefined}>
        {staven?.length ? <Staafdiagram id={id} titel={titel} staven={staven} /> : null}
        <Tabel
          bijschrift={titel}
          verbergBijschrift
          kolommen={koppen}
          leeg={leeg}
          testId={`tabel-${id}`}
          sorteren={sorteren}
          rijen={rijen.map((cellen, i) => ({ sleutel: String(i), cellen }))}
        />
      </div>
    </section>
  );
}
