import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";
import { CONSULENT, hulpvraagInvoer, maakClient } from "../support/fabriek";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

describe("reactietermijn van een concept", () => {
  it("gaat met deadline: null terug naar de standaardtermijn, die bij publicatie wordt berekend", async () => {
    const token = await server.token(CONSULENT);
    const gekozen = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: hulpvraagInvoer(await maakClient(server), { urgentie: "spoed", deadline: gekozen }),
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.deadlineGekozen, true);
    assert.equal(r.body.deadline, gekozen);

    const terug = await server.api("PATCH", `/api/v1/requests/${r.body.id}`, { token, body: { deadline: null } });
    assert.equal(terug.status, 200, terug.text);
    assert.equal(terug.body.deadlineGekozen, false);

    const voor = Date.now();
    const p = await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token });
    assert.equal(p.status, 200, p.text);
    // Spoed in the demo rulebook: 48 hours from publication, not the 30 days chosen before.
    const uren = (new Date(p.body.deadline).getTime() - voor) / 3_600_000;
    assert.ok(uren > 47.9 && uren <= 48.1, `termijn ${uren} uur na publicatie`);
  });

  it("houdt een gekozen termijn en de andere velden als de PATCH er niets over zegt", async () => {
    const token = await server.token(CONSULENT);
    const gekozen = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: hulpvraagInvoer(await maakClient(server), { deadline: gekozen, urgentie: "spoed" }),
    });
    const w = await server.api("PATCH", `/api/v1/requests/${r.body.id}`, { token, body: { duurMaanden: 6 } });
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.duurMaanden, 6);
    // Fields with a default on creation are not reset by a PATCH that leaves them out.
    assert.equal(w.body.toelichting, r.body.toelichting);
    assert.equal(w.body.urgentie, r.body.urgentie);
    assert.equal(w.body.deadline, gekozen);
    assert.equal(w.body.deadlineGekozen, true);
  });
});
