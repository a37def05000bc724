import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";
import { nieuweDatabase, verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag, luisteraar, pauze } from "../support/fabriek";
import { io } from "socket.io-client";
import type { LiveEvent } from "../../realtime/events";
import { THUISZORG, aanbod as aanbodVan } from "../support/ronde";

// Two server processes on one PostgreSQL database, as behind a load balancer.
let a: TestServer;
let b: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  const databaseUrl = await nieuweDatabase();
  a = await startServer({ databaseUrl });
  b = await startServer({ databaseUrl });
  sql = verbind(databaseUrl);
});
after(async () => {
  await sql.end();
  await a.stop();
  await b.stop();
});

const aanbod = () => aanbodVan("ab_thuiszorg_achterhoek", "01");

describe("twee processen, één database", () => {
  it("een aanbod ingediend via proces A komt live binnen bij een consulent die met proces B verbonden is", async () => {
    const consulentOpB = await luisteraar(b, CONSULENT);
    const id = await gepubliceerdeHulpvraag(a);
    const r = await a.api("POST", `/api/v1/requests/${id}/offers`, { token: await a.token(THUISZORG), body: aanbod() });
    assert.equal(r.status, 201, r.text);
    const event = await consulentOpB.wacht("offer:created", (p) => p.aanbieding.id === r.body.id, 3000);
    assert.equal(event.payload.aanbieding.aanbiederNaam, "Thuiszorg Achterhoek");
    consulentOpB.sluit();
  });

  it("de deadline zet een hulpvraag één keer op beoordeling, niet één keer per proces", async () => {
    const id = await gepubliceerdeHulpvraag(a, { deadline: new Date(Date.now() + 1500).toISOString() });
    const aanbiederOpA = await luisteraar(a, THUISZORG);
    await aanbiederOpA.wacht("request:closed", (p) => p.hulpvraagId === id, 5000);
    await pauze(2500); // both clocks have ticked at least twice since the deadline
    const [{ n }] =
      await sql`select count(*)::int as n from audit_log where entiteit_id = ${id} and actie = 'hulpvraag.termijn_verstreken'`;
    assert.equal(n, 1);
    assert.equal(
      aanbiederOpA.events.filter((e) => e.type === "request:closed" && e.payload.hulpvraagId === id).length,
      1,
    );
    aanbiederOpA.sluit();
  });
});

describe("auditketen onder gelijktijdigheid", () => {
  it("blijft intact als twee processen tegelijk veel wijzigingen vastleggen", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => gepubliceerdeHulpvraag(i % 2 ? a : b)));
    const aanbieders = ["planning@thuiszorg-achterhoek.demo", "planning@begeleiding-oost.demo"];
    const tokens = await Promise.all([a, b].map((s) => Promise.all(aanbieders.map((e) => s.token(e)))));
    // Thuiszorg alone, and the consortium through Begeleiding Oost: two bidders per request, on both processes at once.
    const verzoeken = ids.flatMap((id, i) =>
      [0, 1].map((j) => {
        const server = (i + j) % 2 ? a : b;
        const body = j === 0 ? aanbod() : { ...aanbod(), consortiumId: "co_samen_thuis" };
        return server.api("POST", `/api/v1/requests/${id}/offers`, { token: tokens[(i + j) % 2 ? 0 : 1][j], body });
      }),
    );
    for (const r of await Promise.all(verzoeken)) assert.equal(r.status, 201, r.text);
    const controle = await a.api("GET", "/api/v1/audit/verify", { token: await a.token("toezicht@winterswijk.demo") });
    assert.equal(controle.body.valid, true, JSON.stringify(controle.body));
  });
});

describe("herstart zonder verlies", () => {
  it("een proces dat midden in een golf aanbiedingen wordt gestopt, verliest geen bevestigd aanbod; de socket verbindt opnieuw", async () => {
    const databaseUrl = await nieuweDatabase();
    let c = await startServer({ databaseUrl });
    const socket = io(c.url, {
      transports: ["websocket"],
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      auth: { token: await c.token(CONSULENT) },
    });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const ids = await Promise.all(Array.from({ length: 40 }, () => gepubliceerdeHulpvraag(c)));
    const token = await c.token(THUISZORG);
    const url = c.url;

    // Fire all offers at once and kill the process while they are in flight.
    const bevestigd: string[] = [];
    const verzonden = ids.map((id) =>
      fetch(`${url}/api/v1/requests/${id}/offers`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(aanbod()),
      })
        .then(async (res) => {
          if (res.status === 201) bevestigd.push((await res.json()).id);
        })
        .catch(() => {}),
    );
    for (let i = 0; i < 100 && bevestigd.length === 0; i++) await pauze(10);
    await c.stop("SIGKILL");
    const bijStop = bevestigd.length;
    await Promise.all(verzonden);

    const db = verbind(databaseUrl);
    try {
      const opgeslagen = new Set((await db`select id from aanbiedingen`).map((r) => r.id as string));
      assert.ok(
        bijStop > 0 && bijStop < ids.length,
        `gestopt midden in de golf (${bijStop} van ${ids.length} bevestigd)`,
      );
      for (const id of bevestigd) assert.ok(opgeslagen.has(id), `bevestigd aanbod ${id} staat in de database`);
    } finally {
      await db.end();
    }

    // The restarted process takes over on the same address; the socket that was connected reconnects by itself.
    c = await startServer({ databaseUrl, env: { PORT: new URL(url).port } });
    try {
      const events: string[] = [];
      socket.on("live", (e: LiveEvent) => {
        if (e.type === "offer:created") events.push(e.payload.aanbieding.id);
      });
      await new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once("connect", () => resolve())));
      const id = await gepubliceerdeHulpvraag(c);
      const r = await c.api("POST", `/api/v1/requests/${id}/offers`, {
        token: await c.token(THUISZORG),
        body: aanbod(),
      });
      for (let i = 0; i < 30 && !events.includes(r.body.id); i++) await pauze(100);
      assert.ok(events.includes(r.body.id), "de herverbonden socket hoort het nieuwe aanbod");
    } finally {
      socket.close();
      await c.stop();
    }
  });
});
