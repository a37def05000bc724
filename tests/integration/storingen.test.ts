import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag, pauze } from "../support/fabriek";
import { THUISZORG, aanbod } from "../support/ronde";
import { volger, type Volger } from "../support/volger";

/**
 * Faults as they happen in production, with real processes: a PostgreSQL server of its own
 * (so it can be restarted), two app processes on it, sockets on both, a stream of requests
 * and offers through both; one process is killed with -9 and started again, and PostgreSQL
 * is restarted once. Afterwards every socket has shown every event of its feeds once, in
 * order; every acknowledged offer is stored once; both processes still answer.
 */
let map: string;
let poort: number;
let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
before(async () => {
  map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-storing-"));
  poort = await freePort();
  pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
});
after(async () => {
  await pg.stop().catch(() => {});
  await rm(map, { recursive: true, force: true });
});

type Uitkomst = { bevestigd: string[]; fouten: string[]; onbeschikbaar: number };

/** Requests and offers through both processes, until `stop` says so; connection failures are not errors, 500s are. */
async function stroom(servers: () => TestServer[], stop: () => boolean, uit: Uitkomst, werker: number) {
  for (let i = 0; !stop(); i++) {
    const [s, t] = werker % 2 === i % 2 ? servers() : [...servers()].reverse();
    try {
      const id = await gepubliceerdeHulpvraag(s);
      const r = await t.api("POST", `/api/v1/requests/${id}/offers`, {
        token: await t.token(THUISZORG),
        body: aanbod("ab_thuiszorg_achterhoek", "01"),
      });
      if (r.status === 201) {
        uit.bevestigd.push(r.body.id);
        const h = await s.api("PUT", `/api/v1/offers/${r.body.id}`, {
          token: await s.token(THUISZORG),
          body: aanbod("ab_thuiszorg_achterhoek", "01", {}, { prijsPerEenheidCent: 47_700 + i }),
        });
        if (h.status >= 500 && h.status !== 503) uit.fouten.push(`herzien ${h.status} ${h.text}`);
      } else if (r.status === 503) {
        uit.onbeschikbaar++;
      } else if (r.status >= 500) {
        uit.fouten.push(`aanbod ${r.status} ${r.text}`);
      }
    } catch (e) {
      const m = String((e as Error).message);
      // A process killed mid-request or a 503 while the database is away: expected here.
      if (/ 503 /.test(m)) uit.onbeschikbaar++;
      else if (/ 5\d\d /.test(m)) uit.fouten.push(m);
      await pauze(100);
    }
  }
}

async function gezond(server: TestServer, ms = 20_000) {
  const einde = Date.now() + ms;
  for (;;) {
    const r = await fetch(`${server.url}/healthz`).catch(() => null);
    if (r?.status === 200) return;
    if (Date.now() > einde) throw new Error(`${server.url} werd niet gezond`);
    await pauze(200);
  }
}

describe("storingen: kill -9 van een proces en een herstart van PostgreSQL", () => {
  it("geen gebeurtenis gemist of dubbel, geen bevestigd aanbod kwijt, beide processen blijven antwoorden", async () => {
    const databaseUrl = pg.url;
    let a = await startServer({ databaseUrl });
    const b = await startServer({ databaseUrl });
    const volgers: { naam: string; v: Volger }[] = [];
    const sql = verbind(databaseUrl);
    let klaar = false;
    try {
      for (const [naam, s] of [
        ["a", a],
        ["b", b],
      ] as const) {
        for (const email of [CONSULENT, THUISZORG])
          volgers.push({ naam: `${email} op ${naam}`, v: volger(s.url, await s.token(email)) });
      }
      for (const { v } of volgers) await v.verbonden();
      const { cookie } = await webInloggen(b, CONSULENT);
      assert.ok(cookie);

      const uit: Uitkomst = { bevestigd: [], fouten: [], onbeschikbaar: 0 };
      const werkers = [0, 1].map((w) =>
        stroom(
          () => [a, b],
          () => klaar,
          uit,
          w,
        ),
      );

      await pauze(2500);
      const poortA = new URL(a.url).port;
      await a.stop("SIGKILL");
      await pauze(500);
      a = await startServer({ databaseUrl, env: { PORT: poortA } });
      await pauze(2500);

      // PostgreSQL goes away for a few seconds.
      await pg.stop();
      const t0 = Date.now();
      const api = await b.api("GET", "/api/v1/requests", { token: await b.token(CONSULENT) });
      assert.ok(Date.now() - t0 < 5000, `antwoord binnen 5 s, niet ${Date.now() - t0} ms`);
      assert.equal(api.status, 503, api.text);
      assert.equal(api.body.error.code, "unavailable");
      assert.ok(Number(api.headers.get("retry-after")) > 0);
      const pagina = await fetch(`${b.url}/consulent`, { headers: { cookie: cookie! } });
      assert.equal(pagina.status, 503);
      assert.match(await pagina.text(), /even niet bereikbaar/);
      assert.equal((await fetch(`${a.url}/healthz`)).status, 503, "/healthz zegt dat de database weg is");
      await pauze(2500);
      pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
      await gezond(a);
      await gezond(b);
      await pauze(3000);
      klaar = true;
      await Promise.all(werkers);

      for (const [naam, s] of [
        ["A", a],
        ["B", b],
      ] as const) {
        assert.ok(
          s.proces.exitCode === null && s.proces.signalCode === null,
          `proces ${naam} overleefde de herstart van PostgreSQL`,
        );
      }
      assert.deepEqual(uit.fouten, [], "nooit een kale 500");
      assert.ok(uit.bevestigd.length >= 4, `er stroomde genoeg (${uit.bevestigd.length} aanbiedingen)`);
      assert.ok(
        volgers.some(({ naam, v }) => naam.endsWith("op b") && v.databaseMeldingen.includes(false)),
        "de sockets hoorden dat de database weg was",
      );

      // Every acknowledged offer is stored exactly once.
      const opgeslagen = await sql`select id from aanbiedingen where id = any(${uit.bevestigd})`;
      assert.equal(new Set(uit.bevestigd).size, uit.bevestigd.length);
      assert.equal(opgeslagen.length, uit.bevestigd.length);

      // After the restart the processes relay each other's events live again (the adapter listens again).
      const id = await gepubliceerdeHulpvraag(a);
      const r = await a.api("POST", `/api/v1/requests/${id}/offers`, {
        token: await a.token(THUISZORG),
        body: aanbod("ab_thuiszorg_achterhoek", "01"),
      });
      assert.equal(r.status, 201, r.text);
      const consulentOpB = volgers.find((x) => x.naam === `${CONSULENT} op b`)!.v;
      for (
        let i = 0;
        i < 50 && !consulentOpB.live.some((e) => e.type === "offer:created" && e.payload.aanbieding.id === r.body.id);
        i++
      )
        await pauze(100);
      assert.ok(
        consulentOpB.live.some((e) => e.type === "offer:created" && e.payload.aanbieding.id === r.body.id),
        "live doorgegeven van A naar B na de herstart",
      );

      // Per socket and feed: exactly the stored seqs after its start, in order, once each.
      for (const { naam, v } of volgers) {
        const feeds = Object.keys(v.start);
        const koppen = Object.fromEntries(
          (await sql`select feed, seq from feeds where feed = any(${feeds})`).map((x) => [x.feed, x.seq]),
        );
        await v.bijTot(koppen);
        assert.equal(v.herladen, false);
        for (const feed of feeds) {
          const opgeslagenSeqs = (
            await sql`select seq from live_events where feed = ${feed} and seq > ${v.start[feed]} order by seq`
          ).map((x) => x.seq as number);
          assert.deepEqual(v.getoond.get(feed) ?? [], opgeslagenSeqs, `${naam}, ${feed}`);
        }
      }
      const totaal = volgers.reduce((n, { v }) => n + [...v.getoond.values()].reduce((m, r) => m + r.length, 0), 0);
      assert.ok(totaal > 20, `genoeg gebeurtenissen vergeleken (${totaal})`);

      for (const s of [a, b]) {
        const lijst = await s.api("GET", "/api/v1/requests", { token: await s.token(CONSULENT) });
        assert.equal(lijst.status, 200);
      }
    } finally {
      klaar = true;
      for (const { v } of volgers) v.sluit();
      await sql.end();
      await a.stop();
      await b.stop();
    }
  });
});

describe("PostgreSQL nog niet bereikbaar bij de start", () => {
  it("zegt dat in één regel per poging, blijft proberen en start zodra de database er is", async () => {
    const leeg = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-later-"));
    const later = await freePort();
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const proces = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `postgres://postgres:zorgveiling@127.0.0.1:${later}/zorgveiling`,
        PORT: "0",
        HOST: "127.0.0.1",
        SESSION_SECRET: "test-geheim-voor-uitnodigingen",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let uitvoer = "";
    proces.stdout!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
    });
    proces.stderr!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
    });
    let engine: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    try {
      // Two attempts said, however slowly this machine loads the app first.
      for (let i = 0; i < 75 && uitvoer.split("niet bereikbaar").length < 3 && proces.exitCode === null; i++)
        await pauze(200);
      assert.equal(proces.exitCode, null, `het proces wacht in plaats van te stoppen:\n${uitvoer}`);
      const regels = uitvoer.trim().split("\n");
      assert.ok(
        regels.length >= 2 && regels.every((r) => r.includes(`PostgreSQL op 127.0.0.1:${later} is niet bereikbaar`)),
        uitvoer,
      );
      engine = await startEmbeddedPostgres(leeg, "zorgveiling", true, later);
      for (let i = 0; i < 100 && !uitvoer.includes("ZORGVEILING_READY"); i++) await pauze(200);
      assert.match(uitvoer, /ZORGVEILING_READY/);
    } finally {
      proces.kill("SIGTERM");
      await new Promise((r) =>
        proces.exitCode !== null || proces.signalCode !== null ? r(null) : proces.once("exit", r),
      );
      await engine?.stop();
      await rm(leeg, { recursive: true, force: true });
    }
  });
});
