import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { leesSortering, sorteer } from "./sorteren";

describe("sorteren via de querystring", () => {
  it("leest alleen aangeboden kolommen en richtingen", () => {
    const kolommen = ["naam", "aantal"];
    assert.deepEqual(leesSortering(new URLSearchParams("s=naam:af"), "s", kolommen), { kolom: "naam", richting: "af" });
    assert.equal(leesSortering(new URLSearchParams("s=bsn:op"), "s", kolommen), null);
    assert.equal(leesSortering(new URLSearchParams("s=naam:zijwaarts"), "s", kolommen), null);
    assert.equal(leesSortering(new URLSearchParams(""), "s", kolommen), null);
  });

  it("sorteert getallen als getallen, tekst in Nederlandse volgorde, lege waarden achteraan", () => {
    const rijen = [
      { naam: "Zorgbureau", n: 10 },
      { naam: "aanbieder 2", n: 9 },
      { naam: "Aanbieder 10", n: null },
      { naam: "Één Zorg", n: 2 },
    ];
    const waarde = (r: (typeof rijen)[number], k: string) => (k === "naam" ? r.naam : r.n);
    assert.deepEqual(
      sorteer(rijen, { kolom: "naam", richting: "op" }, waarde).map((r) => r.naam),
      ["aanbieder 2", "Aanbieder 10", "Één Zorg", "Zorgbureau"],
    );
    assert.deepEqual(
      sorteer(rijen, { kolom: "n", richting: "op" }, waarde).map((r) => r.n),
      [2, 9, 10, null],
    );
    assert.deepEqual(
      sorteer(rijen, { kolom: "n", richting: "af" }, waarde).map((r) => r.n),
      [10, 9, 2, null],
    );
    assert.deepEqual(sorteer(rijen, null, waarde), rijen, "zonder keuze de eigen volgorde");
  });
});
