import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, startZonderSucces, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { CONSULENT, CONSULENT_AALTEN } from "../support/fabriek";
import { ZONDER_CONTRACT } from "../support/demo";
import {
  BEGELEIDING,
  BEHEERDER,
  THUISZORG,
  TOEZICHT,
  aanbod,
  clientToken,
  rondeInBeoordeling,
  wachtOpStatus,
} from "../support/ronde";
import { ocdsFouten, ocdsPakketFouten } from "../support/schemas";

const PREFIX = "ocds-zvtst1";
let server: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  server = await startServer({ env: { OCDS_PREFIX: PREFIX } });
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql.end();
  await server.stop();
});

const lees = async (pad: string, email = CONSULENT) => server.api("GET", pad, { token: await server.token(email) });
const kies = async (id: string, token: string, offerId: string | null, motivation?: string) =>
  server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId, ...(motivation && { motivation }) } });
const PAKKET = "/api/v1/municipalities/winterswijk/ocds";

type Release = {
  id: string;
  ocid: string;
  awards: { value?: unknown; description?: string }[];
  contracts: { value?: unknown }[];
};
const vanRonde = (pakket: { releases: Release[] }, ocid: string) => pakket.releases.find((r) => r.ocid === ocid);

/**
 * Round 1 ends without a suitable offer; round 2, with two bidders, is awarded to Begeleiding Oost.
 * Thuiszorg Achterhoek bid and lost; Zorgbureau Nieuw never bid.
 */
describe("OCDS: een gunning na een eerdere ronde", () => {
  let eerste: string;
  let tweede: string;
  let toewijzingId: string;
  let winnendAanbod: string;
  let gepubliceerdOp: string;
  let deadline: string;
  let clientVanTweede: string;

  before(async () => {
    const ronde1 = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    ]);
    eerste = ronde1.id;
    const consulent = await server.token(CONSULENT);
    const client = await clientToken(server, eerste);
    assert.equal((await kies(eerste, client, null, "Ik wil liever iemand die ook kookt.")).status, 200);
    assert.equal((await kies(eerste, consulent, null)).status, 200);
    const nieuw = await server.api("POST", `/api/v1/requests/${eerste}/rounds`, {
      token: consulent,
      body: { deadline: new Date(Date.now() + 6000).toISOString() },
    });
    assert.equal(nieuw.status, 201, nieuw.text);
    tweede = nieuw.body.id;
    const p = await server.api("POST", `/api/v1/requests/${tweede}/publish`, { token: consulent });
    assert.equal(p.status, 200, p.text);
    ({ gepubliceerdOp, deadline } = (await server.api("GET", `/api/v1/requests/${tweede}`, { token: consulent })).body);
    const biedingen = [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
      { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
    ];
    const offers: string[] = [];
    for (const b of biedingen) {
      const r = await server.api("POST", `/api/v1/requests/${tweede}/offers`, {
        token: await server.token(b.email),
        body: b.body,
      });
      assert.equal(r.status, 201, r.text);
      offers.push(r.body.id);
    }
    winnendAanbod = offers[1];
    await wachtOpStatus(server, tweede, "beoordeling");
    clientVanTweede = await clientToken(server, tweede);
    assert.equal((await kies(tweede, clientVanTweede, winnendAanbod)).status, 200);
    assert.equal((await kies(tweede, consulent, winnendAanbod)).status, 200);
    const g = await server.api("POST", `/api/v1/requests/${tweede}/award`, { token: consulent, body: {} });
    assert.equal(g.status, 201, g.text);
    toewijzingId = g.body.toewijzingId;
  });

  it("draagt het ingestelde prefix, de inschrijfperiode, het aantal inschrijvers, het contract en de verbanden", async () => {
    const r = await lees(`/api/v1/requests/${tweede}/ocds`);
    assert.equal(r.status, 200, r.text);
    assert.equal(ocdsFouten(r.body), null);
    assert.equal(r.body.ocid, `${PREFIX}-${tweede}`);
    assert.deepEqual(r.body.tag, ["award", "contract"]);
    assert.deepEqual(r.body.tender.tenderPeriod, {
      startDate: new Date(gepubliceerdOp).toISOString(),
      endDate: new Date(deadline).toISOString(),
    });
    assert.equal(r.body.tender.numberOfTenderers, 2);
    const [contract] = r.body.contracts;
    assert.equal(contract.awardID, toewijzingId);
    assert.deepEqual(contract.value, r.body.awards[0].value);
    assert.equal(typeof contract.value.amount, "number");
    assert.deepEqual(contract.period, r.body.awards[0].contractPeriod);

    const [{ componenten }] = await sql`select componenten from aanbiedingen where id = ${winnendAanbod}`;
    const [raam] = await sql`select id, startdatum from contracten where id = ${componenten[0].contractId}`;
    assert.ok(raam, "het aanbod noemt de raamovereenkomst waartegen het is beoordeeld");
    const kader = r.body.relatedProcesses.find((p: { relationship: string[] }) => p.relationship.includes("framework"));
    assert.equal(kader.identifier, raam.id);
    assert.match(kader.title, /Raamovereenkomst Wmo Winterswijk met Begeleiding Oost/);
    const vorige = r.body.relatedProcesses.find((p: { relationship: string[] }) =>
      p.relationship.includes("unsuccessfulProcess"),
    );
    assert.deepEqual(
      { scheme: vorige.scheme, identifier: vorige.identifier },
      { scheme: "ocid", identifier: `${PREFIX}-${eerste}` },
    );
  });

  it("toont de prijs meteen aan de gemeente en de winnaar, niet aan een aanbieder die verloor", async () => {
    for (const email of [CONSULENT, BEHEERDER, TOEZICHT, BEGELEIDING]) {
      const r = await lees(`/api/v1/requests/${tweede}/ocds`, email);
      assert.equal(r.status, 200, `${email}: ${r.text}`);
      assert.equal(r.body.id, `${toewijzingId}-award`, email);
      assert.equal(typeof r.body.awards[0].value.amount, "number", email);
    }
    const prijs = (await lees(`/api/v1/requests/${tweede}/ocds`)).body.awards[0].value.amount;
    for (const email of [THUISZORG, ZONDER_CONTRACT]) {
      const r = await lees(`/api/v1/requests/${tweede}/ocds`, email);
      assert.equal(r.status, 200, r.text);
      assert.equal(ocdsFouten(r.body), null);
      // A release never changes once published: the one without a price is a release of its own.
      assert.equal(r.body.id, `${toewijzingId}-award-zonder-prijs`);
      assert.equal(r.body.awards[0].value, undefined, email);
      assert.equal(r.body.contracts[0].value, undefined, email);
      assert.equal(r.text.includes(String(prijs)), false, `${email} ziet het bedrag ${prijs}`);
      assert.match(r.body.awards[0].description, /gepubliceerd vanaf \d{4}-\d{2}-\d{2}/);
      assert.deepEqual(r.body.awards[0].suppliers, [{ id: "ab_begeleiding_oost", name: "Begeleiding Oost" }]);
    }
  });

  it("geeft een releasepackage per gemeente en periode, geldig tegen het OCDS-schema, met dezelfde afscherming", async () => {
    const staf = await lees(PAKKET);
    assert.equal(staf.status, 200, staf.text);
    assert.equal(ocdsPakketFouten(staf.body), null);
    assert.notEqual(ocdsPakketFouten({ ...staf.body, releases: [{ ...staf.body.releases[0], tag: "award" }] }), null);
    assert.equal(staf.body.version, "1.1");
    assert.equal(staf.body.publisher.name, "Gemeente Winterswijk");
    assert.match(
      staf.body.uri,
      /\/api\/v1\/municipalities\/winterswijk\/ocds\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    assert.ok(vanRonde(staf.body, `${PREFIX}-${tweede}`)?.awards[0].value);
    assert.equal(vanRonde(staf.body, `${PREFIX}-${eerste}`), undefined, "geen gunning, geen release");

    const verliezer = await lees(PAKKET, THUISZORG);
    assert.equal(verliezer.status, 200, verliezer.text);
    assert.equal(ocdsPakketFouten(verliezer.body), null);
    assert.equal(vanRonde(verliezer.body, `${PREFIX}-${tweede}`)?.awards[0].value, undefined);
    assert.ok(vanRonde(await (await lees(PAKKET, BEGELEIDING)).body, `${PREFIX}-${tweede}`)?.awards[0].value);

    const vandaag = staf.body.uri.match(/to=(\d{4}-\d{2}-\d{2})/)[1];
    const alleenVandaag = await lees(`${PAKKET}?from=${vandaag}&to=${vandaag}`);
    assert.ok(vanRonde(alleenVandaag.body, `${PREFIX}-${tweede}`));
    const vroeger = await lees(`${PAKKET}?from=2020-01-01&to=2020-12-31`);
    // A package without releases would break the OCDS schema (minItems 1): the period has nothing to publish.
    assert.equal(vroeger.status, 404);
    assert.equal(vroeger.body.error.code, "not_found");
    assert.match(vroeger.body.error.details[0].message, /gunde niets tussen 1 januari 2020 en 31 december 2020/);
  });

  it("weigert een andere gemeente, een cliënt en een onjuiste periode, met het veld", async () => {
    const aalten = await lees(PAKKET, CONSULENT_AALTEN);
    const onbekend = await lees("/api/v1/municipalities/bestaatniet/ocds", CONSULENT_AALTEN);
    assert.deepEqual([aalten.status, aalten.text], [onbekend.status, onbekend.text]);
    assert.equal(aalten.body.error.code, "not_found");
    const client = await server.api("GET", PAKKET, { token: clientVanTweede });
    assert.equal(client.status, 403);
    assert.equal((await server.api("GET", PAKKET)).status, 401);
    const token = await server.token(CONSULENT);
    const r = await geweigerd(
      sql,
      () => server.api("GET", `${PAKKET}?from=1-1-2026`, { token }),
      "invalid_input",
      "from",
    );
    assert.equal(r.status, 422);
    await geweigerd(
      sql,
      () => server.api("GET", `${PAKKET}?from=2026-03-01&to=2026-02-01`, { token }),
      "invalid_input",
      "to",
    );
    await geweigerd(
      sql,
      () => server.api("GET", `${PAKKET}?from=2024-01-01&to=2026-01-01`, { token }),
      "invalid_input",
      "to",
    );
  });

  it("toont de prijs aan andere aanbieders zodra de termijn uit het regelboek voorbij is", async () => {
    const beheerder = await server.token(BEHEERDER);
    const w = await server.api("POST", "/api/v1/rulebook", { token: beheerder, body: { ocdsPrijsVertragingDagen: 1 } });
    assert.equal(w.status, 200, w.text);
    assert.equal(w.body.ocdsPrijsVertragingDagen, 1);
    const nogNiet = await lees(`/api/v1/requests/${tweede}/ocds`, THUISZORG);
    assert.equal(nogNiet.body.awards[0].value, undefined, "een dag na de gunning, niet eerder");
    // A day passes: the award moves back 25 hours (the server's clock is the machine's own).
    await sql`update toewijzingen set toegewezen_op = toegewezen_op - interval '25 hours' where id = ${toewijzingId}`;
    for (const email of [THUISZORG, ZONDER_CONTRACT]) {
      const r = await lees(`/api/v1/requests/${tweede}/ocds`, email);
      assert.equal(ocdsFouten(r.body), null);
      assert.equal(r.body.id, `${toewijzingId}-award`);
      assert.equal(typeof r.body.awards[0].value.amount, "number", email);
      assert.equal(typeof r.body.contracts[0].value.amount, "number", email);
    }
    const pakket = await lees(PAKKET, THUISZORG);
    assert.equal(ocdsPakketFouten(pakket.body), null);
    assert.ok(vanRonde(pakket.body, `${PREFIX}-${tweede}`)?.awards[0].value);
  });
});

describe("OCDS_PREFIX", () => {
  it("weigert bij de start een prefix dat geen ocid-prefix kan zijn", async () => {
    const r = await startZonderSucces({ databaseUrl: server.databaseUrl, env: { OCDS_PREFIX: "ocds-zorgveiling-" } });
    assert.notEqual(r.code, 0);
    assert.match(r.uitvoer, /OCDS_PREFIX/);
  });
});
