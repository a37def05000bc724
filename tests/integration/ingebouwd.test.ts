import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServer, startZonderSucces } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag, pauze } from "../support/fabriek";

/**
 * The default without DATABASE_URL: the embedded PostgreSQL in DATA_DIR, as `npm start` runs it.
 * Each test has a data folder of its own.
 */
let mappen: string[] = [];
const nieuweMap = async () => {
  const map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-ingebouwd-"));
  mappen.push(map);
  return map;
};
before(() => {
  mappen = [];
});
after(async () => {
  for (const m of mappen) await rm(m, { recursive: true, force: true });
});

const leeft = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmaster = async (dataDir: string) =>
  Number((await readFile(path.join(dataDir, "pg", "postmaster.pid"), "utf8")).split("\n")[0]);

describe("ingebouwde PostgreSQL", () => {
  it("start opnieuw na kill -9 van de app (en na een stroomstoring) met elke bevestigde wijziging, en weigert een tweede proces op dezelfde map", async () => {
    const dataDir = await nieuweMap();
    const eerste = await startServer({ dataDir });
    let id: string;
    try {
      id = await gepubliceerdeHulpvraag(eerste);
    } finally {
      await eerste.stop("SIGKILL");
    }
    const wees = await postmaster(dataDir);
    assert.ok(leeft(wees), "de engine van het gedode proces draait nog door");

    const tweede = await startServer({ dataDir });
    try {
      const r = await tweede.api("GET", `/api/v1/requests/${id}`, { token: await tweede.token(CONSULENT) });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.status, "open");

      // A second process on the same folder is refused at once, naming the folder and the running process.
      const derde = await startZonderSucces({ dataDir });
      assert.notEqual(derde.code, 0);
      assert.ok(derde.ms < 10_000, `meteen geweigerd (${derde.ms} ms)`);
      assert.ok(derde.uitvoer.includes(dataDir), derde.uitvoer);
      assert.ok(derde.uitvoer.includes(String(tweede.proces.pid)), derde.uitvoer);
      assert.doesNotMatch(derde.uitvoer, /undefined|    at /);
      const nog = await tweede.api("GET", `/api/v1/requests/${id}`, { token: await tweede.token(CONSULENT) });
      assert.equal(nog.status, 200, "het draaiende proces werkt gewoon door");

      // A power cut: app and engine gone at once, their lock files left behind.
      const engine = await postmaster(dataDir);
      await tweede.stop("SIGKILL");
      process.kill(engine, "SIGKILL");
      for (let i = 0; i < 50 && leeft(engine); i++) await pauze(100);
    } finally {
      await tweede.stop("SIGKILL");
    }
    await pauze(500); // the engine's own children notice their parent is gone
    const vierde = await startServer({ dataDir });
    try {
      const r = await vierde.api("GET", `/api/v1/requests/${id}`, { token: await vierde.token(CONSULENT) });
      assert.equal(r.status, 200, r.text);
    } finally {
      await vierde.stop();
    }
  });

  it("als root in een map die anderen niet in mogen: meteen één regel met de exacte opdracht, en daarna werkt het", async () => {
    const buiten = await nieuweMap();
    await chmod(buiten, 0o755); // mkdtemp makes it 700 itself; here only `thuis` is closed
    const dicht = path.join(buiten, "thuis");
    await mkdir(dicht, { mode: 0o700 });
    await chmod(dicht, 0o700);
    const dataDir = path.join(dicht, "data");
    if (process.getuid?.() === 0) {
      const r = await startZonderSucces({ dataDir });
      assert.notEqual(r.code, 0);
      assert.ok(r.ms < 10_000, `meteen (${r.ms} ms)`);
      assert.ok(r.uitvoer.includes(`chmod o+x ${dicht}`), r.uitvoer);
      assert.doesNotMatch(r.uitvoer, /EACCES|    at /);
      await chmod(dicht, 0o701); // what the message says to do
    }
    const server = await startServer({ dataDir });
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.stop();
    }
  });
});
