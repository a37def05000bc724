import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT, pauze } from "../support/fabriek";
import { TOEZICHT } from "../support/ronde";

/**
 * Files (CSV, calendar) while PostgreSQL is away: a Dutch 503 with Retry-After, like pages and the
 * API, never Remix's bare 500. A PostgreSQL server of its own, so that it can be stopped.
 */
let map: string;
let poort: number;
let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
let server: TestServer;
before(async () => {
  map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-bestanden-"));
  poort = await freePort();
  pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
  server = await startServer({ databaseUrl: pg.url });
});
after(async () => {
  await server?.stop();
  await pg.stop().catch(() => {});
  await rm(map, { recursive: true, force: true });
});

async function gezond(ms = 20_000) {
  const einde = Date.now() + ms;
  while ((await fetch(`${server.url}/healthz`).catch(() => null))?.status !== 200) {
    if (Date.now() > einde) throw new Error("de server werd niet gezond");
    await pauze(200);
  }
}

describe("bestanden terwijl de database weg is", () => {
  it("agenda en CSV-export antwoorden 503 met Retry-After en een Nederlandse tekst, en werken daarna weer", async () => {
    const consulent = (await webInloggen(server, CONSULENT)).cookie!;
    const toezicht = (await webInloggen(server, TOEZICHT)).cookie!;
    const pagina = await formulier(server, "/consulent/agenda", { intent: "agenda" }, { cookie: consulent });
    const agenda = /data-testid="agenda-url">([^<]+)</.exec(await pagina.text())![1].replace(/^https?:\/\/[^/]+/, "");
    assert.equal((await fetch(server.url + agenda)).status, 200);
    const csv = () => fetch(`${server.url}/toezicht/audit.csv`, { headers: { cookie: toezicht } });
    assert.equal((await csv()).status, 200);

    await pg.stop();
    try {
      for (const [naam, verzoek] of [
        ["agenda", () => fetch(server.url + agenda)],
        ["audit-CSV", csv],
      ] as const) {
        const t0 = Date.now();
        const r = await verzoek();
        assert.ok(Date.now() - t0 < 5000, `${naam}: antwoord binnen 5 s`);
        const tekst = await r.text();
        assert.equal(r.status, 503, `${naam}: ${r.status} ${tekst.slice(0, 200)}`);
        assert.ok(Number(r.headers.get("retry-after")) > 0, `${naam}: Retry-After`);
        assert.match(tekst, /even niet bereikbaar/, naam);
        assert.doesNotMatch(tekst, /Unexpected Server Error/, naam);
      }
    } finally {
      pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
    }
    await gezond();
    assert.equal((await fetch(server.url + agenda)).status, 200, "de agenda werkt weer");
  });
});
