import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { achterstandVan } from "./termijnen";
import { beschikkingBij, bezwaarTot } from "../beschikking";
import { DomainError } from "../errors";

const t = (over: Partial<Parameters<typeof achterstandVan>[0]> = {}) => ({
  iwmoStatus: "verzonden",
  ingangsdatum: "2026-12-01",
  einddatum: "2027-05-31",
  zorgGestartOp: null,
  zorgGestoptOp: null,
  ...over,
});
const berichten = (...args: Parameters<typeof achterstandVan>) =>
  achterstandVan(...args).map((a) => [a.bericht, a.uiterlijk]);

describe("termijnen van de iWmo-keten (OP090, OP271)", () => {
  it("een WMO302 mag 3 werkdagen na de WMO301 komen: een 301 op vrijdag is de woensdag erna te laat", () => {
    // Friday 4 December 2026 → Mon 7, Tue 8, Wed 9 are the three working days.
    const later = t({ ingangsdatum: "2027-03-01" });
    assert.deepEqual(berichten(later, "2026-12-04", "2026-12-09"), []);
    assert.deepEqual(berichten(later, "2026-12-04", "2026-12-10"), [["WMO302", "2026-12-09"]]);
  });

  it("telt Kerstmis niet mee als werkdag", () => {
    // Wednesday 23 December: Thu 24, (25 and 26 holidays, weekend), Mon 28, Tue 29.
    const later = t({ ingangsdatum: "2027-03-01" });
    assert.deepEqual(berichten(later, "2026-12-23", "2026-12-29"), []);
    assert.deepEqual(berichten(later, "2026-12-23", "2026-12-30"), [["WMO302", "2026-12-29"]]);
  });

  it("een start is 5 werkdagen na de ingangsdatum te laat, ook als de retour er al is; daarna telt de stop", () => {
    const ontvangen = t({ iwmoStatus: "ontvangen" });
    assert.deepEqual(berichten(ontvangen, "2026-11-20", "2026-12-08"), []);
    assert.deepEqual(berichten(ontvangen, "2026-11-20", "2026-12-09"), [["WMO305", "2026-12-08"]]);
    const gestart = t({ iwmoStatus: "ontvangen", zorgGestartOp: "2026-12-02" });
    assert.deepEqual(berichten(gestart, "2026-11-20", "2027-06-07"), []);
    assert.deepEqual(berichten(gestart, "2026-11-20", "2027-06-08"), [["WMO307", "2027-06-07"]]);
    assert.deepEqual(berichten({ ...gestart, zorgGestoptOp: "2027-05-31" }, "2026-11-20", "2027-07-01"), []);
  });

  it("niets is te laat voor een toewijzing die nog niet of afgekeurd is verzonden", () => {
    assert.deepEqual(berichten(t({ iwmoStatus: "nieuw" }), null, "2027-01-31"), []);
    assert.deepEqual(berichten(t({ iwmoStatus: "afgekeurd" }), "2026-11-02", "2027-01-31"), []);
  });
});

describe("de beschikking", () => {
  const bij = { gemeenteCode: "0294", toewijzingNummer: 1042, vandaag: "2026-12-01" };
  it("neemt een ingevoerd nummer en datum over, of maakt ze", () => {
    assert.deepEqual(beschikkingBij({ beschikkingNummer: "B/7", beschikkingDatum: "2026-11-30" }, bij), {
      nummer: "B/7",
      datum: "2026-11-30",
    });
    assert.deepEqual(beschikkingBij({}, bij), { nummer: "0294-2026-1042", datum: "2026-12-01" });
  });
  it("weigert een datum in de toekomst, met het veld", () => {
    assert.throws(
      () => beschikkingBij({ beschikkingDatum: "2026-12-02" }, bij),
      (e: unknown) => e instanceof DomainError && e.details[0].field === "beschikkingDatum",
    );
  });
  it("bezwaar kan tot zes weken na de beschikking", () => {
    assert.equal(bezwaarTot("2026-11-20"), "2027-01-01");
  });
});
