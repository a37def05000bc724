import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { verbind } from "../support/database";
import { CONSULENT, CONSULENT_AALTEN, clientInvoer, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { BEGELEIDING, BEHEERDER, THUISZORG, TOEZICHT, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let server: TestServer;
let sql: ReturnType<typeof verbind>;

// Client A: awarded, later aged past the term. Client B: a recently withdrawn request.
const A = clientInvoer();
const B = clientInvoer({
  naam: "Bernardus Jozef Ribbers",
  bsn: "123456782",
  straat: "Kottenseweg",
  huisnummer: "3",
  postcode: "7102 CD",
  geboortedatum: "1950-07-21",
  telefoon: "0543-123456",
});
const OPMERKING = "Mijn dochter Annemiek helpt mee.";
let clientA: string;
let clientB: string;
let hulpvraagA: string;
let hulpvraagB: string;

before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
  const consulent = await server.token(CONSULENT);
  const { id, offers } = await rondeInBeoordeling(server, [
    { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
  ]);
  hulpvraagA = id;
  await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token: await clientToken(server, id),
    body: { offerId: offers[0], motivation: OPMERKING },
  });
  await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: offers[0] } });
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
  assert.equal(g.status, 201, g.text);
  clientA = (await server.api("GET", `/api/v1/requests/${id}`, { token: consulent })).body.clientId;

  clientB = await maakClient(server, CONSULENT, B);
  const h = await server.api("POST", "/api/v1/requests", { token: consulent, body: hulpvraagInvoer(clientB) });
  assert.equal(h.status, 201, h.text);
  hulpvraagB = h.body.id;
  assert.equal(
    (
      await server.api("POST", `/api/v1/requests/${hulpvraagB}/withdraw`, {
        token: consulent,
        body: { reden: "De cliënt verhuist." },
      })
    ).status,
    200,
  );
});
after(async () => {
  await sql.end();
  await server.stop();
});

const exporteer = async (clientId: string, email = CONSULENT) =>
  server.api("GET", `/api/v1/clients/${clientId}/export`, { token: await server.token(email) });

describe("inzageverzoek (AVG): alles over één cliënt", () => {
  it("bevat het cliëntregister, de hulpvraag, aanbiedingen, keuzes, uitnodigingen zonder code, de toewijzing en de audittrail", async () => {
    const r = await exporteer(clientA);
    assert.equal(r.status, 200, r.text);
    const d = r.body;
    assert.equal(d.soort, "avg-inzage");
    assert.equal(d.client.id, clientA);
    assert.equal(d.client.naam, A.naam);
    assert.equal(d.client.bsn, A.bsn);
    assert.deepEqual(
      d.hulpvragen.map((h: { id: string }) => h.id),
      [hulpvraagA],
    );
    assert.equal(d.aanbiedingen.length, 2);
    assert.ok(d.aanbiedingVersies.length >= 2);
    assert.deepEqual(d.keuzes.map((k: { partij: string }) => k.partij).sort(), ["client", "consulent"]);
    assert.equal(d.uitnodigingen.length, 1);
    assert.equal("codeHash" in d.uitnodigingen[0], false);
    assert.doesNotMatch(r.text, /code_?hash/i);
    assert.equal(d.toewijzingen.length, 1);
    assert.equal(d.toewijzingen[0].inhoud.client.bsn, A.bsn);
    assert.equal(d.keuzes.find((k: { partij: string }) => k.partij === "client").opmerking, OPMERKING);
    const acties = d.audittrail.map((a: { actie: string }) => a.actie);
    for (const actie of [
      "client.geregistreerd",
      "hulpvraag.aangemaakt",
      "hulpvraag.gepubliceerd",
      "uitnodiging.aangemaakt",
      "keuze.client",
      "hulpvraag.gegund",
    ]) {
      assert.ok(acties.includes(actie), `${actie} in ${acties.join(", ")}`);
    }
  });

  it("bevat niets van een andere cliënt", async () => {
    const r = await exporteer(clientA);
    for (const vreemd of [clientB, hulpvraagB, B.naam, B.bsn, B.straat, "Ribbers", "0543-123456"])
      assert.ok(!r.text.includes(vreemd), `${vreemd} hoort er niet in`);
    const b = await exporteer(clientB);
    assert.equal(b.status, 200);
    for (const vreemd of [clientA, hulpvraagA, A.naam, A.bsn, A.straat])
      assert.ok(!b.text.includes(vreemd), `${vreemd} hoort er niet in`);
  });

  it("de beheerder van de gemeente mag; een consulent van een andere gemeente krijgt 404, een aanbieder 403", async () => {
    assert.equal((await exporteer(clientA, BEHEERDER)).status, 200);
    const vreemd = await exporteer(clientA, CONSULENT_AALTEN);
    assert.equal(vreemd.status, 404);
    assert.equal(vreemd.body.error.code, "not_found");
    assert.ok(!vreemd.text.includes(A.naam));
    assert.equal((await exporteer(clientA, THUISZORG)).status, 403);
    assert.equal((await server.api("GET", `/api/v1/clients/${clientA}/export`)).status, 401);
    assert.equal((await exporteer("cl_bestaatniet")).status, 404);
  });

  it("schrijft in de audittrail wie het exporteerde, zonder persoonsgegevens", async () => {
    const regels =
      await sql`select * from audit_log where actie = 'client.inzage_geexporteerd' and entiteit_id = ${clientA}`;
    assert.ok(regels.length >= 1);
    assert.ok(!JSON.stringify(regels).includes(A.naam));
  });

  it("is te downloaden vanaf de cliëntenlijst, alleen voor de eigen gemeente", async () => {
    const cookie = async (email: string) => (await webInloggen(server, email)).cookie!;
    const eigen = await cookie(CONSULENT);
    const lijst = await (await fetch(`${server.url}/consulent/clienten`, { headers: { cookie: eigen } })).text();
    const href = `/consulent/clienten/${clientA}/inzage`;
    assert.ok(lijst.includes(`href="${href}"`), "downloadlink op de cliëntenlijst");
    const r = await fetch(server.url + href, { headers: { cookie: eigen } });
    assert.equal(r.status, 200);
    assert.match(
      r.headers.get("content-disposition") ?? "",
      new RegExp(`attachment; filename="inzage-${clientA}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    assert.match(r.headers.get("cache-control") ?? "", /no-store/);
    assert.equal((await r.json()).client.id, clientA);
    assert.equal((await fetch(server.url + href, { headers: { cookie: await cookie(CONSULENT_AALTEN) } })).status, 404);
    const anoniem = await fetch(server.url + href, { redirect: "manual" });
    assert.equal(anoniem.status, 302);
  });
});

describe("bewaartermijn: pseudonimiseren na afloop", () => {
  const opschonen = () => {
    const r = spawnSync("npm", ["run", "--silent", "privacy:opschonen"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    return r.stdout;
  };

  it("de audittrail bevat nooit het cliëntregister, alleen het id", async () => {
    const [{ tekst }] = await sql`select coalesce(string_agg(t::text, '|'), '') as tekst from audit_log t`;
    assert.ok(tekst.includes(clientA));
    for (const gegeven of [A.naam, A.bsn, A.straat, B.naam, B.bsn, "0543-123456", OPMERKING])
      assert.ok(!tekst.includes(gegeven), `${gegeven} in de audittrail`);
  });

  it("pseudonimiseert een cliënt waarvan de gesloten hulpvraag ouder is dan de termijn, en laat een recente staan", async () => {
    assert.match(opschonen(), /Geen cliënten voorbij de bewaartermijn/);
    await sql`update hulpvragen set updated_at = now() - interval '25 months' where id = ${hulpvraagA}`;
    const uitvoer = opschonen();
    assert.match(uitvoer, /1 cliënt\(en\) gepseudonimiseerd/);
    assert.ok(uitvoer.includes(clientA));

    const [a] = await sql`select *, geboortedatum::text as geboren from clienten where id = ${clientA}`;
    assert.equal(a.naam, `Gepseudonimiseerd (${clientA})`);
    assert.equal(a.bsn, "");
    assert.equal(a.straat, "");
    assert.equal(a.postcode, "");
    assert.equal(a.geboren, "1941-01-01", "alleen het geboortejaar blijft");
    assert.equal(a.telefoon, null);
    assert.ok(a.gepseudonimiseerd_op);
    const [t] = await sql`select inhoud from toewijzingen where hulpvraag_id = ${hulpvraagA}`;
    const snapshot = JSON.stringify(t.inhoud);
    for (const gegeven of [A.naam, A.bsn, A.straat, "1941-03-12"])
      assert.ok(!snapshot.includes(gegeven), `${gegeven} in de toewijzing`);
    assert.equal(t.inhoud.client.naam, a.naam);
    assert.ok(t.inhoud.componenten.length > 0, "de toewijzing zelf blijft");
    const [k] = await sql`select opmerking from keuzes where hulpvraag_id = ${hulpvraagA} and partij = 'client'`;
    assert.equal(k.opmerking, null);
    const [{ n }] = await sql`select count(*)::int as n from live_events where payload::text like ${`%${OPMERKING}%`}`;
    assert.equal(n, 0, "de opmerking staat ook niet meer in de live events");

    const [b] = await sql`select * from clienten where id = ${clientB}`;
    assert.equal(b.naam, B.naam);
    assert.equal(b.bsn, B.bsn);
    assert.equal(b.gepseudonimiseerd_op, null);
  });

  it("schrijft één auditregel per cliënt zonder persoonsgegevens, en de hashketen klopt nog", async () => {
    const regels = await sql`select * from audit_log where actie = 'client.gepseudonimiseerd'`;
    assert.deepEqual(
      regels.map((r) => r.entiteit_id),
      [clientA],
    );
    assert.equal(regels[0].actor_type, "systeem");
    assert.deepEqual(regels[0].na.hulpvragen, [hulpvraagA]);
    assert.ok(!JSON.stringify(regels[0]).includes(A.naam));
    const r = await server.api("GET", "/api/v1/audit/verify", { token: await server.token(TOEZICHT) });
    assert.equal(r.status, 200);
    assert.equal(r.body.valid, true);
  });

  it("doet een tweede keer niets, en een gepseudonimiseerde cliënt krijgt geen nieuwe hulpvraag", async () => {
    assert.match(opschonen(), /Geen cliënten voorbij de bewaartermijn/);
    const r = await server.api("POST", "/api/v1/requests", {
      token: await server.token(CONSULENT),
      body: hulpvraagInvoer(clientA),
    });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "invalid_input");
    assert.ok(r.body.error.details.some((d: { field: string }) => d.field === "clientId"));
  });

  it("volgt de bewaartermijn uit het regelboek van de gemeente", async () => {
    const beheerder = await server.token(BEHEERDER);
    const regels = await server.api("GET", "/api/v1/rulebook", { token: beheerder });
    assert.equal(regels.body.bewaartermijnMaanden, 24);
    assert.equal(
      (await server.api("POST", "/api/v1/rulebook", { token: beheerder, body: { bewaartermijnMaanden: 0 } })).status,
      422,
    );
    assert.equal(
      (await server.api("POST", "/api/v1/rulebook", { token: beheerder, body: { bewaartermijnMaanden: 6 } })).status,
      200,
    );
    await sql`update hulpvragen set updated_at = now() - interval '7 months' where id = ${hulpvraagB}`;
    assert.ok(opschonen().includes(clientB));
    const [b] = await sql`select naam, bsn from clienten where id = ${clientB}`;
    assert.deepEqual([b.naam, b.bsn], [`Gepseudonimiseerd (${clientB})`, ""]);
  });

  it("pseudonimiseert ook een cliënt zonder hulpvraag die langer dan de termijn geleden is geregistreerd", async () => {
    const nieuw = await maakClient(server, CONSULENT, { naam: "Cornelia Wilhelmina Ekkel", bsn: "111111110" });
    const oud = await maakClient(server, CONSULENT, { naam: "Dirk Jan Hoftijzer", bsn: "222222220" });
    await sql`update clienten set created_at = now() - interval '7 months' where id = ${oud}`;
    const uitvoer = opschonen();
    assert.ok(uitvoer.includes(oud));
    assert.ok(!uitvoer.includes(nieuw));
    const namen = await sql`select id, naam from clienten where id in ${sql([oud, nieuw])} order by naam`;
    assert.deepEqual(
      namen.map((c) => c.naam).sort(),
      ["Cornelia Wilhelmina Ekkel", `Gepseudonimiseerd (${oud})`].sort(),
    );
  });
});
