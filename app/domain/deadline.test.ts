import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  amsterdamDatum,
  amsterdamOffsetMs,
  amsterdamTijdstip,
  eenWerkdagVoor,
  feestdagen,
  isWerkdag,
  paaszondag,
  plusWerkdagen,
  standaardDeadline,
  verlengingWerkdagen,
  werkdagenTussen,
  type DeadlineRegels,
} from "./deadline";

const regels: DeadlineRegels = { deadlineSpoedUren: 48, deadlineRegulierWerkdagen: 5 };
const iso = (d: Date) => d.toISOString();

function regulier(nu: string, startdatum: string, werkdagen = 5): string {
  return iso(
    standaardDeadline({
      urgentie: "regulier",
      nu: new Date(nu),
      startdatum,
      regels: { ...regels, deadlineRegulierWerkdagen: werkdagen },
    }),
  );
}

describe("Amsterdam time without a timezone library", () => {
  it("knows the offset on both sides of each DST switch", () => {
    assert.equal(amsterdamOffsetMs(new Date("2026-03-29T00:59:59Z")), 3_600_000);
    assert.equal(amsterdamOffsetMs(new Date("2026-03-29T01:00:00Z")), 7_200_000);
    assert.equal(amsterdamOffsetMs(new Date("2026-10-25T00:59:59Z")), 7_200_000);
    assert.equal(amsterdamOffsetMs(new Date("2026-10-25T01:00:00Z")), 3_600_000);
  });

  it("takes the Amsterdam calendar date, not the UTC one", () => {
    assert.equal(amsterdamDatum(new Date("2026-06-01T22:30:00Z")), "2026-06-02");
    assert.equal(amsterdamDatum(new Date("2026-06-01T21:59:59Z")), "2026-06-01");
    assert.equal(amsterdamDatum(new Date("2026-12-31T23:00:00Z")), "2027-01-01");
    assert.equal(amsterdamDatum(new Date("2026-12-31T22:59:59Z")), "2026-12-31");
  });

  it("puts 17:00 local at 16:00Z in winter and 15:00Z in summer", () => {
    assert.equal(iso(amsterdamTijdstip("2026-03-28", 17)), "2026-03-28T16:00:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-03-29", 17)), "2026-03-29T15:00:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-10-24", 17)), "2026-10-24T15:00:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-10-25", 17)), "2026-10-25T16:00:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-03-29", 0, 30)), "2026-03-28T23:30:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-03-29", 4)), "2026-03-29T02:00:00.000Z");
    // Hours next to the switch, where the offset at the naive guess is the wrong one.
    assert.equal(iso(amsterdamTijdstip("2026-03-29", 1, 30)), "2026-03-29T00:30:00.000Z");
    assert.equal(iso(amsterdamTijdstip("2026-10-25", 1, 30)), "2026-10-24T23:30:00.000Z");
  });
});

describe("holidays and working days", () => {
  it("computes Easter with the Gregorian algorithm", () => {
    assert.equal(paaszondag(2019), "2019-04-21");
    assert.equal(paaszondag(2024), "2024-03-31");
    assert.equal(paaszondag(2025), "2025-04-20");
    assert.equal(paaszondag(2026), "2026-04-05");
    assert.equal(paaszondag(2038), "2038-04-25");
  });

  it("lists the Dutch national holidays of 2026", () => {
    assert.deepEqual([...feestdagen(2026).keys()].sort(), [
      "2026-01-01",
      "2026-04-03",
      "2026-04-05",
      "2026-04-06",
      "2026-04-27",
      "2026-05-05",
      "2026-05-14",
      "2026-05-24",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
    assert.equal(feestdagen(2026).get("2026-05-14"), "Hemelvaartsdag");
  });

  it("moves Koningsdag to 26 April when 27 April is a Sunday", () => {
    assert.equal(feestdagen(2025).get("2025-04-26"), "Koningsdag");
    assert.equal(feestdagen(2025).has("2025-04-27"), false);
    assert.equal(feestdagen(2026).get("2026-04-27"), "Koningsdag");
  });

  it("tells working days from weekends and holidays", () => {
    assert.equal(isWerkdag("2026-12-24"), true); // Thursday
    assert.equal(isWerkdag("2026-12-25"), false); // Friday, Eerste Kerstdag
    assert.equal(isWerkdag("2026-12-26"), false); // Saturday
    assert.equal(isWerkdag("2026-12-28"), true); // Monday
    assert.equal(isWerkdag("2025-12-26"), false); // Friday, Tweede Kerstdag
    assert.equal(isWerkdag("2026-04-27"), false); // Monday, Koningsdag
    assert.equal(isWerkdag("2026-05-05"), false); // Tuesday, Bevrijdingsdag (every year here)
    assert.equal(isWerkdag("2026-05-25"), false); // Tweede Pinksterdag
    assert.equal(isWerkdag("2026-05-26"), true);
    assert.equal(isWerkdag("2026-03-28"), false); // Saturday
  });

  it("counts working days", () => {
    assert.equal(plusWerkdagen("2026-12-23", 2), "2026-12-28");
    assert.equal(plusWerkdagen("2026-04-02", 1), "2026-04-07");
    assert.equal(werkdagenTussen("2026-12-23", "2026-12-31"), 5);
    assert.equal(werkdagenTussen("2026-12-31", "2026-12-23"), 0);
    assert.throws(() => isWerkdag("2026-02-30"), RangeError);
  });
});

describe("standaardDeadline: spoed", () => {
  it("adds real hours across the October DST change", () => {
    const deadline = standaardDeadline({
      urgentie: "spoed",
      nu: new Date("2026-10-24T20:00:00Z"), // Saturday 22:00 CEST
      startdatum: "2026-10-26",
      regels,
    });
    assert.equal(iso(deadline), "2026-10-26T20:00:00.000Z"); // Monday 21:00 CET, 48 h later
    assert.equal(amsterdamOffsetMs(deadline), 3_600_000);
  });

  it("ignores weekends and holidays", () => {
    const deadline = standaardDeadline({
      urgentie: "spoed",
      nu: new Date("2026-12-24T10:00:00Z"),
      startdatum: "2026-12-27",
      regels: { ...regels, deadlineSpoedUren: 24 },
    });
    assert.equal(iso(deadline), "2026-12-25T10:00:00.000Z");
  });
});

describe("standaardDeadline: regulier", () => {
  it("closes at 17:00 CET before the March change", () => {
    // Friday 20 March + 3 working days = Wednesday 25 March, still winter time.
    assert.equal(regulier("2026-03-20T10:00:00Z", "2026-04-01", 3), "2026-03-25T16:00:00.000Z");
  });

  it("closes at 17:00 CEST after the March change and skips Easter", () => {
    // Friday 27 March: Mon 30, Tue 31, Wed 1, Thu 2, (Goede Vrijdag, Pasen, 2e Paasdag), Tue 7 April.
    assert.equal(regulier("2026-03-27T10:00:00Z", "2026-04-10"), "2026-04-07T15:00:00.000Z");
    assert.equal(regulier("2026-03-27T10:00:00Z", "2026-04-10", 1), "2026-03-30T15:00:00.000Z");
  });

  it("closes at 17:00 CET after the October change", () => {
    // Friday 23 October (CEST) + 5 working days = Friday 30 October, winter time.
    assert.equal(regulier("2026-10-23T09:00:00Z", "2026-11-02"), "2026-10-30T16:00:00.000Z");
    assert.equal(regulier("2026-10-23T09:00:00Z", "2026-11-02", 1), "2026-10-26T16:00:00.000Z");
    assert.equal(regulier("2026-10-22T09:00:00Z", "2026-11-02", 1), "2026-10-23T15:00:00.000Z");
  });

  it("counts from the Amsterdam date, also just after local midnight", () => {
    // 22:30Z on Sunday 31 May is 00:30 on Monday 1 June in Amsterdam.
    assert.equal(regulier("2026-05-31T22:30:00Z", "2026-06-15", 1), "2026-06-02T15:00:00.000Z");
    assert.equal(regulier("2026-05-31T21:30:00Z", "2026-06-15", 1), "2026-06-01T15:00:00.000Z");
  });

  it("skips Kerst 2026 (Friday 25 and Saturday 26 December)", () => {
    assert.equal(regulier("2026-12-23T10:00:00Z", "2027-01-04", 2), "2026-12-28T16:00:00.000Z");
    // Nieuwjaarsdag (Friday) as well: 24, 28, 29, 30, 31 December.
    assert.equal(regulier("2026-12-23T10:00:00Z", "2027-01-04", 5), "2026-12-31T16:00:00.000Z");
    assert.equal(regulier("2026-12-23T10:00:00Z", "2027-01-04", 6), "2027-01-04T16:00:00.000Z");
  });

  it("adds 5 working days per full 28 days beyond the first 28 days until the start", () => {
    assert.deepEqual([0, 27, 28, 55, 56, 83, 84, 112].map(verlengingWerkdagen), [0, 0, 0, 0, 5, 5, 10, 15]);
    const nu = "2026-06-01T08:00:00Z"; // Monday
    assert.equal(regulier(nu, "2026-06-29"), "2026-06-08T15:00:00.000Z"); // 28 days: 5 working days
    assert.equal(regulier(nu, "2026-07-26"), "2026-06-08T15:00:00.000Z"); // 55 days: still 5
    assert.equal(regulier(nu, "2026-07-27"), "2026-06-15T15:00:00.000Z"); // 56 days: 10
    assert.equal(regulier(nu, "2026-08-24"), "2026-06-22T15:00:00.000Z"); // 84 days: 15
    assert.equal(regulier(nu, "2026-05-01"), "2026-06-08T15:00:00.000Z"); // start in the past: no extension
  });

  it("rejects an invalid startdatum", () => {
    assert.throws(() => regulier("2026-06-01T08:00:00Z", "1-7-2026"), RangeError);
  });
});

describe("eenWerkdagVoor", () => {
  it("keeps the Amsterdam clock time across the March change", () => {
    // Monday 30 March 17:00 CEST → Friday 27 March 17:00 CET.
    assert.equal(iso(eenWerkdagVoor(new Date("2026-03-30T15:00:00Z"))), "2026-03-27T16:00:00.000Z");
  });

  it("keeps the Amsterdam clock time across the October change", () => {
    // Monday 26 October 17:00 CET → Friday 23 October 17:00 CEST.
    assert.equal(iso(eenWerkdagVoor(new Date("2026-10-26T16:00:00Z"))), "2026-10-23T15:00:00.000Z");
    assert.equal(iso(eenWerkdagVoor(new Date("2026-10-26T20:00:00Z"))), "2026-10-23T19:00:00.000Z");
  });

  it("skips holidays and weekends", () => {
    assert.equal(iso(eenWerkdagVoor(new Date("2026-12-28T16:00:00Z"))), "2026-12-24T16:00:00.000Z");
    assert.equal(iso(eenWerkdagVoor(new Date("2026-04-07T15:00:00Z"))), "2026-04-02T15:00:00.000Z");
    assert.equal(iso(eenWerkdagVoor(new Date("2026-04-07T15:00:00.250Z"))), "2026-04-02T15:00:00.250Z");
  });

  it("uses the Amsterdam date of a deadline just after local midnight", () => {
    // Tuesday 2 June 00:30 CEST (Monday in UTC) → Monday 1 June 00:30 CEST, not Friday.
    assert.equal(iso(eenWerkdagVoor(new Date("2026-06-01T22:30:00Z"))), "2026-05-31T22:30:00.000Z");
    // Monday 1 June 00:30 CEST (Sunday in UTC) → Friday 29 May 00:30 CEST.
    assert.equal(iso(eenWerkdagVoor(new Date("2026-05-31T22:30:00Z"))), "2026-05-28T22:30:00.000Z");
  });
});
