import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { csv } from "./csv";

describe("csv", () => {
  it("schrijft ; tussen cellen, een BOM, elke tekst tussen aanhalingstekens, en maakt formules onschadelijk", () => {
    const uit = csv(
      ["Naam", "Aantal"],
      [
        ["=SOM(A1:A9)", 3],
        ["+31 6", 1],
        ["-2", 0],
        ["@actie", 2],
        ["\tx", 4],
        ['gewoon; met "quote"', 5],
      ],
    );
    assert.ok(uit.startsWith("\uFEFF"));
    const regels = uit.slice(1).trim().split("\r\n");
    assert.deepEqual(regels, [
      '"Naam";"Aantal"',
      `"'=SOM(A1:A9)";3`,
      `"'+31 6";1`,
      `"'-2";0`,
      `"'@actie";2`,
      `"'\tx";4`,
      '"gewoon; met ""quote""";5',
    ]);
  });
});
