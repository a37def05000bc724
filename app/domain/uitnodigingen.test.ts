import { test } from "node:test";
import assert from "node:assert/strict";
import { nieuweCode, normaliseerCode } from "./uitnodigingen.server";

test("an invite code is 8 characters in two groups, without characters that sound or look alike", () => {
  const codes = Array.from({ length: 500 }, nieuweCode);
  for (const code of codes) assert.match(code, /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
  assert.equal(codes.join("").match(/[01258BILOSUVZ]/), null);
  assert.ok(new Set(codes).size > 495, "codes are random, not a sequence");
});

test("a code typed or heard is the same code: case, spaces and dashes do not matter", () => {
  assert.equal(normaliseerCode("kz7m p4qa"), "KZ7MP4QA");
  assert.equal(normaliseerCode(" KZ7M-P4QA "), "KZ7MP4QA");
  assert.equal(normaliseerCode("kz7m-p4-qa"), normaliseerCode("KZ7MP4QA"));
});
