import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { auditZin, type AuditRegel } from "../auditzinnen";

const regel = (action: string, after: Record<string, unknown>): AuditRegel => ({
  actorType: "gebruiker",
  actor: "Cees Consulent (consulent)",
  action,
  entity: "toewijzing",
  entityId: "tw_1",
  requestId: "hv_1",
  before: null,
  after,
});
const namen = { aanbiedingen: {}, aanbieders: { ab_1: "Thuiszorg Achterhoek" } };

describe("auditzinnen van de iWmo-keten", () => {
  it("zegt elke stap in een Nederlandse zin, met aanbieder, retourcodes en reden", () => {
    assert.equal(
      auditZin(
        regel("toewijzing.wmo301_verzonden", { berichtIdentificatie: "ZV0000000001", aanbiederId: "ab_1" }),
        namen,
      ),
      "Cees Consulent verstuurde de toewijzing van hulpvraag hv_1 als WMO301-bericht ZV0000000001 aan Thuiszorg Achterhoek.",
    );
    assert.match(
      auditZin(
        regel("toewijzing.wmo301_verzonden", {
          berichtIdentificatie: "ZV0000000002",
          aanbiederId: "ab_2",
          afsluitend: { berichtIdentificatie: "ZV0000000003", aanbiederId: "ab_1" },
        }),
        namen,
      ),
      /met de afsluitende WMO301 ZV0000000003 \(reden 09\) aan Thuiszorg Achterhoek\.$/,
    );
    assert.match(
      auditZin(regel("toewijzing.wmo302_ontvangen", { iwmoStatus: "afgekeurd", retourcodes: ["9332"] }), namen),
      /keurde de toewijzing af \(retourcodes 9332\)/,
    );
    assert.match(
      auditZin(regel("toewijzing.wmo302_ontvangen", { iwmoStatus: "ontvangen", retourcodes: [] }), namen),
      /zonder fouten ontvangen/,
    );
    assert.match(
      auditZin(regel("toewijzing.zorg_gestart", { zorgGestartOp: "2026-11-20", alsBericht: "wmo305" }), namen),
      /is gestart op 20 november 2026 \(WMO305-bericht\)/,
    );
    assert.match(
      auditZin(regel("toewijzing.zorg_gestopt", { zorgGestoptOp: "2026-11-30", stopReden: "19" }), namen),
      /is gestopt op 30 november 2026, met als reden: Levering volgens plan beëindigd\./,
    );
  });
});
