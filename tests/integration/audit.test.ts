import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type TestServer } from "../support/server";
import { verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { BEHEERDER, THUISZORG, TOEZICHT, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql.end();
  await server.stop();
});

const lees = async (pad: string, email = TOEZICHT) => server.api("GET", pad, { token: await server.token(email) });

function auditVerify() {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: server.databaseUrl },
  });
  if (r.error) throw r.error;
  return { code: r.status, uitvoer: r.stdout + r.stderr };
}

describe("marktcijfers voor de toezichthouder", () => {
  it("tellen hulpvragen, aanbiedingen, tijd tot gunning, gunningen per aanbieder en weigeringen per regel", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, [{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }]);
    const consulent = await server.token(CONSULENT);
    const mis = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
    assert.equal(mis.body.error.code, "choice_mismatch");
    await server.api("POST", `/api/v1/requests/${id}/choice`, {
      token: await clientToken(server, id),
      body: { offerId: a },
    });
    await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: a } });
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} })).status,
      201,
    );

    const r = await lees("/api/v1/figures");
    assert.equal(r.status, 200, r.text);
    const f = r.body;
    assert.equal(f.gemeenteId, "winterswijk");
    assert.equal(f.hulpvragenPerStatus.gegund, 1);
    assert.equal(f.aanbiedingenPerHulpvraag.gemiddeld, 1);
    assert.equal(f.tijdTotGunning.gunningen, 1);
    assert.ok(f.tijdTotGunning.mediaanUren >= 0 && f.tijdTotGunning.mediaanUren < 1);
    assert.deepEqual(f.gunningenPerAanbieder, [
      {
        aanbiederId: "ab_thuiszorg_achterhoek",
        naam: "Thuiszorg Achterhoek",
        gunningen: 1,
        aandeel: 100,
        viaConsortium: 0,
        hulpvraagIds: [id],
      },
    ]);
    assert.equal(f.weigeringenPerRegel.choice_mismatch, 1);
    assert.deepEqual(f.personeelsovernames, []);
    assert.equal((await lees("/api/v1/figures", BEHEERDER)).status, 200);
    assert.equal((await lees("/api/v1/figures", CONSULENT)).status, 403);
    assert.equal((await lees("/api/v1/figures", THUISZORG)).status, 403);
  });
});

describe("audittrail (regel 10)", () => {
  it("is te lezen door toezichthouder en beheerder, met filters op hulpvraag, actor en periode, in pagina's", async () => {
    const begin = new Date(Date.now() - 1000).toISOString();
    const id = await gepubliceerdeHulpvraag(server);
    const alleen = await lees(`/api/v1/audit?requestId=${id}`);
    assert.equal(alleen.status, 200, alleen.text);
    assert.deepEqual(
      alleen.body.items.map((i: { action: string }) => i.action),
      ["hulpvraag.gepubliceerd", "hulpvraag.aangemaakt"],
    );
    assert.equal(alleen.body.items[0].before.status, "concept");
    assert.equal(alleen.body.items[0].after.status, "open");
    assert.match(alleen.body.items[0].actor, /consulent/);

    const consulentId = alleen.body.items[0].actorId;
    const doorConsulent = await lees(`/api/v1/audit?actorId=${consulentId}&from=${encodeURIComponent(begin)}`);
    assert.ok(doorConsulent.body.items.length >= 3, "cliënt, hulpvraag, publicatie");
    assert.ok(
      doorConsulent.body.items.every(
        (i: { actorId: string; at: string }) => i.actorId === consulentId && i.at >= begin,
      ),
    );
    const toekomst = await lees(
      `/api/v1/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
    );
    assert.deepEqual(toekomst.body.items, []);

    const eerste = await lees("/api/v1/audit?limit=2");
    assert.equal(eerste.body.items.length, 2);
    const tweede = await lees(`/api/v1/audit?limit=2&before=${eerste.body.nextBefore}`);
    assert.ok(tweede.body.items.every((i: { id: number }) => i.id < eerste.body.items[1].id));

    const aalten = await lees("/api/v1/audit", "beheerder@aalten.demo");
    assert.equal(aalten.status, 200);
    assert.equal(
      aalten.body.items.some((i: { requestId: string }) => i.requestId === id),
      false,
      "een andere gemeente ziet niets van Winterswijk",
    );
    for (const email of [CONSULENT, THUISZORG]) {
      assert.equal((await lees("/api/v1/audit", email)).status, 403, email);
      assert.equal((await lees("/api/v1/audit/verify", email)).status, 403, email);
    }
  });

  it("weigert wijzigen en wissen zolang de trigger aan staat, ook voor de databasebeheerder", async () => {
    await assert.rejects(sql`update audit_log set actie = 'vervalst' where id = 1`, /append-only/);
    await assert.rejects(sql`delete from audit_log where id = 1`, /append-only/);
  });

  it("verifieert de keten als intact, en noemt na een wijziging buiten de applicatie om de eerste gebroken regel", async () => {
    const intact = await lees("/api/v1/audit/verify");
    assert.equal(intact.status, 200);
    assert.equal(intact.body.valid, true);
    assert.ok(intact.body.entries > 5);
    assert.equal(intact.body.firstBrokenAt, undefined);
    const goed = auditVerify();
    assert.equal(goed.code, 0, goed.uitvoer);
    assert.match(goed.uitvoer, /intact/);

    // A superuser goes around the trigger and rewrites one entry in the middle of the chain.
    const [{ doel }] =
      await sql`select id as doel from audit_log where actie = 'hulpvraag.gepubliceerd' order by id limit 1`;
    await sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger user`;
      await tx`update audit_log set na = ${sql.json({ status: "ingetrokken" })} where id = ${doel}`;
      await tx`alter table audit_log enable trigger user`;
    });
    const gebroken = await lees("/api/v1/audit/verify", BEHEERDER);
    assert.equal(gebroken.body.valid, false);
    assert.equal(gebroken.body.firstBrokenAt, Number(doel));
    const script = auditVerify();
    assert.equal(script.code, 1, script.uitvoer);
    assert.match(script.uitvoer, new RegExp(`NIET intact: regel ${doel}\\b`));
  });
});
