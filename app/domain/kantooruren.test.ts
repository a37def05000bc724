import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { binnenKantooruren, leesKantooruren, volgendeKantoordag, type Kantooruren } from "./kantooruren";

const standaard = leesKantooruren("ma-vr 08:00-17:00") as Kantooruren;

describe("kantooruren (Europe/Amsterdam)", () => {
  it("rekent in Amsterdamse tijd, ook in de zomertijd", () => {
    // Tuesday 1 December 2026, winter: UTC+1.
    assert.equal(binnenKantooruren(new Date("2026-12-01T06:59:00Z"), standaard), false);
    assert.equal(binnenKantooruren(new Date("2026-12-01T07:00:00Z"), standaard), true);
    assert.equal(binnenKantooruren(new Date("2026-12-01T15:59:00Z"), standaard), true);
    assert.equal(binnenKantooruren(new Date("2026-12-01T16:00:00Z"), standaard), false);
    // Wednesday 1 July 2026, summer: UTC+2.
    assert.equal(binnenKantooruren(new Date("2026-07-01T06:30:00Z"), standaard), true);
    assert.equal(binnenKantooruren(new Date("2026-07-01T15:30:00Z"), standaard), false);
  });

  it("kent het weekend", () => {
    assert.equal(binnenKantooruren(new Date("2026-12-05T10:00:00Z"), standaard), false); // zaterdag
    const zaterdag = leesKantooruren("ma-za 09:00-12:00") as Kantooruren;
    assert.equal(binnenKantooruren(new Date("2026-12-05T10:00:00Z"), zaterdag), true);
  });

  it("noemt de volgende kantoordag: vandaag voor opening, anders de volgende werkdag", () => {
    assert.equal(volgendeKantoordag(new Date("2026-12-01T05:00:00Z"), standaard), "2026-12-01"); // di 06:00
    assert.equal(volgendeKantoordag(new Date("2026-12-01T20:00:00Z"), standaard), "2026-12-02"); // di 21:00
    assert.equal(volgendeKantoordag(new Date("2026-12-01T23:30:00Z"), standaard), "2026-12-02"); // wo 00:30
    assert.equal(volgendeKantoordag(new Date("2026-12-04T18:00:00Z"), standaard), "2026-12-07"); // vr 19:00
    assert.equal(volgendeKantoordag(new Date("2026-12-06T12:00:00Z"), standaard), "2026-12-07"); // zondag
  });

  it("weigert een onleesbare instelling met een Nederlandse melding", () => {
    assert.match(leesKantooruren("8-17") as string, /geen geldige tijd/);
    assert.match(leesKantooruren("ma-vr 17:00-08:00") as string, /begin niet voor het einde/);
    assert.deepEqual(leesKantooruren("ma-zo 00:00-24:00"), { dagen: "ma-zo", vanMinuut: 0, totMinuut: 1440 });
  });
});
