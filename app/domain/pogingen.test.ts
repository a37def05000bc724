import { test } from "node:test";
import assert from "node:assert/strict";
import { wachttijd } from "./pogingen.server";

test("the wait reads as seconds up to two minutes, then as whole minutes rounded up", () => {
  assert.equal(wachttijd(1), "1 seconde");
  assert.equal(wachttijd(30), "30 seconden");
  assert.equal(wachttijd(119), "119 seconden");
  assert.equal(wachttijd(120), "2 minuten");
  assert.equal(wachttijd(121), "3 minuten");
  assert.equal(wachttijd(900), "15 minuten");
});
