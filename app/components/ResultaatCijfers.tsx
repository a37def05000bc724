import type { Aggregaat, Deelcijfers } from "../domain/resultaatcheck.server";
import { aantal } from "../format/nl";
import { Tabel } from "./Tabel";

const CIJFER = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "6 van 9 doelen bereikt, 2 deels, 1 niet; gemiddeld cijfer 7,4": shares of all answered results. */
export function deelTekst(d: Deelcijfers): string {
  const totaal = d.bereikt + d.deels + d.niet;
  return `${d.bereikt} van ${aantal(totaal, "doel", "doelen")} bereikt, ${d.deels} deels, ${d.niet} niet; gemiddeld cijfer ${CIJFER.format(d.gemiddeldCijfer)}`;
}

/** One provider's figures in a sentence, or why there are none yet (the minimum group). */
export function aggregaatTekst(a: Aggregaat | undefined, minimaleGroep: number): string {
  if (!a || !a.getoond || !a.client)
    return `Nog geen cijfers: pas vanaf ${minimaleGroep} cliënten met een ingevulde resultaatcheck (nu ${a?.clienten ?? 0}).`;
  return `${aantal(a.clienten, "cliënt", "cliënten")}: ${deelTekst(a.client)}.`;
}

/** The aggregates as a table: the client's and the consulent's view side by side. */
export function ResultatenTabel({
  items,
  minimaleGroep,
  bijschrift,
}: {
  items: Aggregaat[];
  minimaleGroep: number;
  bijschrift: string;
}) {
  const nog = (a: Aggregaat) => `Nog te weinig (${a.clienten} van minstens ${minimaleGroep})`;
  return (
    <Tabel
      bijschrift={bijschrift}
      testId="resultaten-tabel"
      kolommen={["Aanbieder", "Cliënten met een ingevulde check", "Volgens de cliënten", "Volgens de consulenten"]}
      leeg="Er zijn nog geen ingevulde resultaatchecks."
      rijen={items.map((a) => ({
        sleutel: a.aanbiederId,
        testId: `resultaat-${a.aanbiederId}`,
        cellen: [
          a.aanbieder,
          String(a.clienten),
          a.client ? deelTekst(a.client) : nog(a),
          a.consulent ? deelTekst(a.consulent) : a.getoond ? "Nog te weinig oordelen" : nog(a),
        ],
      }))}
    />
  );
}
