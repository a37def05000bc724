import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Volgorde } from "../../realtime/volgorde";
import type { LiveEvent } from "../../realtime/events";

// The browser's rule for live events, without a server: what arrives in any order is shown once, in seq order.
const ev = (feed: string, seq: number): LiveEvent => ({
  feed,
  seq,
  type: "request:changed",
  payload: { hulpvraagId: "hv_1", status: "open" },
  at: "2026-12-01T00:00:00.000Z",
});

function volgorde() {
  const getoond: string[] = [];
  const v = new Volgorde((e) => getoond.push(`${e.feed}#${e.seq}`));
  return { v, getoond };
}

describe("Volgorde: per feed elk event één keer, in volgorde", () => {
  it("houdt een event vast dat een eerder event inhaalt, en toont beide zodra het gat dicht is", () => {
    const { v, getoond } = volgorde();
    v.basis("gemeente:a", 6);
    v.ontvang(ev("gemeente:a", 8));
    assert.deepEqual(getoond, []);
    assert.deepEqual(v.gaten(), ["gemeente:a"]);
    v.ontvang(ev("gemeente:a", 7));
    assert.deepEqual(getoond, ["gemeente:a#7", "gemeente:a#8"]);
    assert.deepEqual(v.gaten(), []);
    assert.deepEqual(v.stand(), { "gemeente:a": 8 });
  });

  it("een live event vlak voor het sync-antwoord maakt de inhaalslag niet ongedaan", () => {
    const { v, getoond } = volgorde();
    v.basis("gemeente:a", 10);
    v.ontvang(ev("gemeente:a", 14)); // live, ahead of the answer
    for (const seq of [11, 12, 13, 14]) v.ontvang(ev("gemeente:a", seq)); // the sync answer
    assert.deepEqual(getoond, ["gemeente:a#11", "gemeente:a#12", "gemeente:a#13", "gemeente:a#14"]);
  });

  it("toont herhalingen niet, en niets van voor de stand van de pagina", () => {
    const { v, getoond } = volgorde();
    v.basis("aanbieder:x", 3);
    for (const seq of [2, 3, 4, 4, 5, 4]) v.ontvang(ev("aanbieder:x", seq));
    assert.deepEqual(getoond, ["aanbieder:x#4", "aanbieder:x#5"]);
    v.basis("aanbieder:x", 2); // an older page load never goes back
    assert.deepEqual(v.stand(), { "aanbieder:x": 5 });
  });

  it("houdt events van een feed zonder bekende start vast tot die bekend is, en houdt feeds uit elkaar", () => {
    const { v, getoond } = volgorde();
    v.ontvang(ev("hulpvraag:h", 5));
    v.ontvang(ev("gemeente:a", 1));
    assert.deepEqual(getoond, []);
    v.basis("hulpvraag:h", 4);
    v.basis("gemeente:a", 0);
    assert.deepEqual(getoond, ["hulpvraag:h#5", "gemeente:a#1"]);
  });
});
