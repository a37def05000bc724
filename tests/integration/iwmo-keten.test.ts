/**
 * Life after the award, through the real server: award with a beschikking → send the WMO301 →
 * a rejecting WMO302 → a resend with a new identification → an accepting WMO302 → WMO305 →
 * WMO307, every file checked by xmllint against its XSD before it goes up; and the hostile cases.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type postgres from "postgres";
import { startServer, type TestServer } from "../support/server";
import { CONSULENT, CONSULENT_AALTEN, maakClient } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, TOEZICHT, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";
import { geweigerd, verbind } from "../support/database";
import { iwmoFouten, wmo301Fouten } from "../support/schemas";
import { lees301, retour302, start305, stop307, type Wmo301 } from "../support/iwmo";
import { webInloggen } from "../support/server";
import { CODE, tariefVan } from "../support/demo";
import { controleerWmo301 } from "../../app/domain/iwmo/controle.server";

let server: TestServer;
let sql: postgres.Sql;
before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql.end();
  await server.stop();
});

const vandaag = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
const dagen = (n: number) => {
  const d = new Date(`${vandaag()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** An awarded request; each for its own client unless `hulpvraag` names one (OP087 joins a client's toewijzingen). */
async function gegund(
  gunning: Record<string, unknown>,
  hulpvraag: Record<string, unknown> = {},
  bieding = { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
) {
  const { id, offers } = await rondeInBeoordeling(server, [bieding], {
    clientId: hulpvraag.clientId ?? (await maakClient(server)),
    ...hulpvraag,
  });
  const consulent = await server.token(CONSULENT);
  await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token: await clientToken(server, id),
    body: { offerId: offers[0] },
  });
  await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: offers[0] } });
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: gunning });
  assert.equal(g.status, 201, g.text);
  return { id, toewijzingId: g.body.toewijzingId as string, beschikking: g.body.beschikking };
}

/** Time passing: the care was due to start `n` days ago (the offer had it 60 days ahead). */
async function ingangVerschoven(toewijzingId: string, startdatum: string) {
  await sql`update toewijzingen set inhoud = jsonb_set(inhoud, '{componenten}',
    (select jsonb_agg(c || jsonb_build_object('startdatum', ${startdatum}::text)) from jsonb_array_elements(inhoud->'componenten') c))
    where id = ${toewijzingId}`;
}

const post = async (email: string, pad: string, body?: unknown) =>
  server.api("POST", pad, { token: await server.token(email), body });
const upload = async (email: string, toewijzingId: string, xml: string) =>
  server.api("POST", `/api/v1/toewijzingen/${toewijzingId}/berichten`, {
    token: await server.token(email),
    body: xml,
    headers: { "content-type": "application/xml" },
  });
const stand = async (toewijzingId: string, email = CONSULENT) =>
  (await server.api("GET", `/api/v1/toewijzingen/${toewijzingId}`, { token: await server.token(email) })).body;

/** Every message a test uploads passes the XSD first, by xmllint itself: refusals are about the chain. */
function geldig(soort: "wmo302" | "wmo305" | "wmo307", xml: string) {
  assert.equal(iwmoFouten(soort, xml), null, `${soort} volgens xmllint ongeldig`);
  return xml;
}

describe("de iWmo-keten na de gunning", () => {
  let A: { id: string; toewijzingId: string; beschikking: { nummer: string; datum: string } };
  let B: { id: string; toewijzingId: string; beschikking: { nummer: string; datum: string } };
  let eerste301: string;
  let tweede301: string;
  let bericht: Wmo301;
  const ingang = dagen(-20);

  before(async () => {
    A = await gegund({ beschikkingNummer: "WSW/2026/0042", beschikkingDatum: dagen(-1) });
    B = await gegund({});
    await ingangVerschoven(A.toewijzingId, ingang);
  });

  it("draagt de beschikking: ingevoerd, of gegenereerd met de datum van de gunning", async () => {
    assert.deepEqual(A.beschikking, { nummer: "WSW/2026/0042", datum: dagen(-1) });
    assert.deepEqual((await stand(A.toewijzingId)).beschikking, A.beschikking);
    assert.match(B.beschikking.nummer, /^0294-\d{4}-\d+$/);
    assert.equal(B.beschikking.datum, vandaag());
  });

  it("weigert een beschikking in de toekomst bij het gunnen", async () => {
    const { id, offers } = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    ]);
    await server.api("POST", `/api/v1/requests/${id}/choice`, {
      token: await clientToken(server, id),
      body: { offerId: offers[0] },
    });
    await post(CONSULENT, `/api/v1/requests/${id}/choice`, { offerId: offers[0] });
    const r = await geweigerd(
      sql,
      () => post(CONSULENT, `/api/v1/requests/${id}/award`, { beschikkingDatum: dagen(3) }),
      "invalid_input",
      "beschikkingDatum",
    );
    assert.equal(r.status, 422);
  });

  it("laat de aanbieder niet starten voordat de gemeente de WMO301 verstuurde", async () => {
    await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${A.toewijzingId}/start`, { startdatum: ingang }),
      "wmo301_not_sent",
    );
  });

  it("laat alleen de eigen gemeente versturen", async () => {
    const r1 = await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`),
      "forbidden",
    );
    assert.equal(r1.status, 403);
    const r2 = await geweigerd(
      sql,
      () => post(CONSULENT_AALTEN, `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`),
      "not_found",
    );
    assert.equal(r2.status, 404);
  });

  it("verstuurt de WMO301 met een eigen identificatie en de dagtekening van vandaag, en de aanbieder downloadt hem", async () => {
    const r = await post(CONSULENT, `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`);
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.berichtIdentificatie, /^ZV\d{10}$/);
    assert.equal(r.body.dagtekening, vandaag());
    eerste301 = r.body.berichtIdentificatie;
    assert.equal((await stand(A.toewijzingId)).iwmoStatus, "verzonden");

    const x = await server.api("GET", `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`, {
      token: await server.token(THUISZORG),
    });
    assert.equal(x.status, 200);
    assert.equal(wmo301Fouten(x.text), null);
    bericht = lees301(x.text);
    assert.equal(bericht.identificatie, eerste301);
    const ander = await server.api("GET", `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`, {
      token: await server.token(BEGELEIDING),
    });
    assert.equal(ander.status, 404);
    await geweigerd(sql, () => post(CONSULENT, `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`), "wmo301_already_sent");
  });

  it("verwerkt een afkeurende WMO302 met de retourcodes in het Nederlands, en niet twee keer", async () => {
    const xml = geldig(
      "wmo302",
      retour302((await laatste301(A.toewijzingId)).xml, { codes: ["9332"], dagtekening: vandaag() }),
    );
    const r = await upload(CONSULENT, A.toewijzingId, xml);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, "afgekeurd");
    assert.deepEqual(r.body.retourcodes, ["9332"]);
    const s = await stand(A.toewijzingId);
    assert.equal(s.iwmoStatus, "afgekeurd");
    assert.deepEqual(s.berichten.at(-1).retourcodes, ["9332"]);
    assert.deepEqual(s.berichten.at(-1).retourmeldingen, [
      { code: "9332", tekst: "Toewijzing heeft geen uniek nummer binnen wettelijk domein." },
    ]);
    await geweigerd(sql, () => upload(CONSULENT, A.toewijzingId, xml), "iwmo_already_answered");
  });

  it("verstuurt na afkeuring opnieuw met een nieuwe identificatie; een retour op de oude verzending wordt geweigerd", async () => {
    const r = await post(CONSULENT, `/api/v1/toewijzingen/${A.toewijzingId}/wmo301`);
    assert.equal(r.status, 201, r.text);
    tweede301 = r.body.berichtIdentificatie;
    assert.notEqual(tweede301, eerste301);
    const oud = (await alle301(A.toewijzingId)).find((b) => b.bericht_identificatie === eerste301)!;
    await geweigerd(
      sql,
      () => upload(CONSULENT, A.toewijzingId, geldig("wmo302", retour302(oud.xml, { dagtekening: vandaag() }))),
      "iwmo_wrong_toewijzing",
      "BerichtIdentificatie",
    );
  });

  it("weigert een WMO302 van een andere toewijzing, en van een aanbieder", async () => {
    await post(CONSULENT, `/api/v1/toewijzingen/${B.toewijzingId}/wmo301`);
    const vanB = geldig("wmo302", retour302((await laatste301(B.toewijzingId)).xml, { dagtekening: vandaag() }));
    await geweigerd(
      sql,
      () => upload(CONSULENT, A.toewijzingId, vanB),
      "iwmo_wrong_toewijzing",
      "BerichtIdentificatie",
    );
    await geweigerd(sql, () => upload(CONSULENT_AALTEN, B.toewijzingId, vanB), "not_found");
    await geweigerd(sql, () => upload(THUISZORG, B.toewijzingId, vanB), "forbidden");
  });

  it("neemt de WMO302 zonder fouten aan: ontvangen", async () => {
    const xml = geldig("wmo302", retour302((await laatste301(A.toewijzingId)).xml, { dagtekening: vandaag() }));
    const r = await upload(CONSULENT, A.toewijzingId, xml);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, "ontvangen");
    assert.equal((await stand(A.toewijzingId, THUISZORG)).iwmoStatus, "ontvangen");
  });

  it("weigert een misvormd bestand met het veld dat fout is", async () => {
    const fout = start305(bericht, "gisteren", { dagtekening: vandaag() });
    assert.notEqual(iwmoFouten("wmo305", fout), null);
    await geweigerd(sql, () => upload(THUISZORG, A.toewijzingId, fout), "invalid_input", "Begindatum");
    await geweigerd(sql, () => upload(THUISZORG, A.toewijzingId, "dit is geen xml"), "invalid_input", "bestand");
    const zonderBsn = start305(bericht, ingang, { dagtekening: vandaag() }).replace(/<wmo305:Bsn>.*<\/wmo305:Bsn>/, "");
    await geweigerd(sql, () => upload(THUISZORG, A.toewijzingId, zonderBsn), "invalid_input", "Geboortedatum");
  });

  it("weigert een WMO305 voor de ingangsdatum, van een ander, of voor een ander toewijzingnummer; en een stop voor de start", async () => {
    await geweigerd(
      sql,
      () =>
        upload(THUISZORG, A.toewijzingId, geldig("wmo305", start305(bericht, dagen(-21), { dagtekening: vandaag() }))),
      "care_start_before_assignment",
      "startdatum",
    );
    const goed = geldig("wmo305", start305(bericht, dagen(-18), { dagtekening: vandaag() }));
    await geweigerd(sql, () => upload(BEGELEIDING, A.toewijzingId, goed), "not_found");
    await geweigerd(
      sql,
      () =>
        upload(
          THUISZORG,
          A.toewijzingId,
          geldig("wmo305", start305(bericht, dagen(-18), { dagtekening: vandaag(), nummer: "1" })),
        ),
      "iwmo_wrong_toewijzing",
      "ToewijzingNummer",
    );
    await geweigerd(
      sql,
      () =>
        upload(
          THUISZORG,
          A.toewijzingId,
          geldig("wmo305", start305(bericht, dagen(-18), { dagtekening: vandaag(), bsn: "999900006" })),
        ),
      "iwmo_wrong_toewijzing",
      "Bsn",
    );
    await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${A.toewijzingId}/stop`, { einddatum: vandaag(), reden: "19" }),
      "care_not_started",
    );
  });

  it("neemt de WMO305 aan en daarna de WMO307; een tweede start of stop wordt geweigerd", async () => {
    const s = await upload(
      THUISZORG,
      A.toewijzingId,
      geldig("wmo305", start305(bericht, dagen(-18), { dagtekening: vandaag() })),
    );
    assert.equal(s.status, 201, s.text);
    assert.equal(s.body.zorgGestartOp, dagen(-18));
    await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${A.toewijzingId}/start`, { startdatum: dagen(-17) }),
      "care_already_started",
    );
    await geweigerd(
      sql,
      () =>
        upload(
          THUISZORG,
          A.toewijzingId,
          geldig("wmo307", stop307(bericht, dagen(-18), dagen(-19), "19", { dagtekening: vandaag() })),
        ),
      "invalid_input",
      "einddatum",
    );
    const stop = geldig("wmo307", stop307(bericht, dagen(-18), dagen(-1), "21", { dagtekening: vandaag() }));
    const r = await upload(THUISZORG, A.toewijzingId, stop);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual([r.body.zorgGestoptOp, r.body.stopReden], [dagen(-1), "21"]);
    await geweigerd(sql, () => upload(THUISZORG, A.toewijzingId, stop), "care_already_stopped");
    await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${A.toewijzingId}/stop`, { einddatum: vandaag(), reden: "19" }),
      "care_already_stopped",
    );
    const eind = await stand(A.toewijzingId);
    assert.deepEqual(
      eind.berichten.map((b: { soort: string }) => b.soort),
      ["wmo301", "wmo302", "wmo301", "wmo302", "wmo305", "wmo307"],
    );
  });

  it("toont de consulent en de toezichthouder te late berichten; JSON-start en -stop lossen ze op", async () => {
    const lijst = async (email: string) =>
      (await server.api("GET", "/api/v1/iwmo/overdue", { token: await server.token(email) })).body.items as {
        toewijzingId: string;
        bericht: string;
      }[];
    assert.deepEqual(await lijst(CONSULENT), []);
    // The 301 of B went out 10 days ago without a retour (OP090: 3 working days); its care was due 20 days ago.
    await sql`update iwmo_berichten set dagtekening = ${dagen(-10)} where toewijzing_id = ${B.toewijzingId}`;
    await ingangVerschoven(B.toewijzingId, dagen(-20));
    for (const email of [CONSULENT, TOEZICHT]) {
      const items = await lijst(email);
      assert.deepEqual(
        items.map((i) => [i.toewijzingId, i.bericht]),
        [
          [B.toewijzingId, "WMO302"],
          [B.toewijzingId, "WMO305"],
        ],
      );
    }
    assert.deepEqual(await lijst(CONSULENT_AALTEN), []);
    const r = await post(THUISZORG, `/api/v1/toewijzingen/${B.toewijzingId}/start`, { startdatum: dagen(-15) });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(
      (await lijst(CONSULENT)).map((i) => i.bericht),
      ["WMO302"],
    );
    await geweigerd(
      sql,
      () => post(THUISZORG, `/api/v1/toewijzingen/${B.toewijzingId}/stop`, { einddatum: vandaag(), reden: "99" }),
      "invalid_input",
      "reden",
    );
    const s = await post(THUISZORG, `/api/v1/toewijzingen/${B.toewijzingId}/stop`, {
      einddatum: vandaag(),
      reden: "19",
    });
    assert.equal(s.status, 201, s.text);
  });
});

const AGB = async (aanbiederId: string) =>
  (await sql<{ agb: string }[]>`select agb from aanbieders where id = ${aanbiederId}`)[0].agb;
const nummers = (xml: string) =>
  lees301(xml)
    .producten.map((p) => p.nummer)
    .sort();
const redenen = (xml: string) => Array.from(xml.matchAll(/<wmo301:RedenWijziging>(\d+)</g), (m) => m[1]);
const nummersVan = async (toewijzingId: string) =>
  (
    await sql<
      { n: string }[]
    >`select (c->>'toewijzingNummer') as n from toewijzingen, jsonb_array_elements(inhoud->'componenten') c
      where id = ${toewijzingId}`
  ).map((r) => r.n);

/** The stored 301 passes xmllint's XSD check and our rule checker for the provider it is addressed to. */
async function doorDeControle(xml: string, aanbiederId: string) {
  assert.equal(wmo301Fouten(xml), null);
  assert.deepEqual(await controleerWmo301(xml, { aanbiederAgb: await AGB(aanbiederId) }), []);
}

describe("de WMO301 bij het versturen: regels, alle huidige toewijzingen, de afsluitende 301", () => {
  const THUISZORG_ID = "ab_thuiszorg_achterhoek";
  const BEGELEIDING_ID = "ab_begeleiding_oost";
  const begeleiding = { email: BEGELEIDING, body: aanbod(BEGELEIDING_ID, "02") };
  const uurAanbod = aanbod(
    THUISZORG_ID,
    "01",
    {},
    { productcode: CODE.huishoudenUur, omvang: 3, prijsPerEenheidCent: tariefVan(CODE.huishoudenUur) + 500 },
  );
  let clientId: string;
  let eerste: { id: string; toewijzingId: string };
  let tweede: { id: string; toewijzingId: string };
  let overstap: { id: string; toewijzingId: string };

  before(async () => {
    clientId = await maakClient(server);
    eerste = await gegund({}, { clientId });
    // Another product code: two overlapping lines of one code in one 301 would break TR302.
    tweede = await gegund({}, { clientId }, { email: THUISZORG, body: uurAanbod });
    // Both toewijzingen at Thuiszorg run since 20 days; the move to Begeleiding Oost comes later.
    await ingangVerschoven(eerste.toewijzingId, dagen(-20));
    await ingangVerschoven(tweede.toewijzingId, dagen(-20));
  });

  it("verstuurt een 301 die de XSD en de regels doorstaat, met de andere huidige toewijzingen bij die aanbieder", async () => {
    const r = await post(CONSULENT, `/api/v1/toewijzingen/${tweede.toewijzingId}/wmo301`);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.afsluitend, null);
    const opgeslagen = await laatste301(tweede.toewijzingId);
    await doorDeControle(opgeslagen.xml, THUISZORG_ID);
    assert.deepEqual(
      nummers(opgeslagen.xml),
      [...(await nummersVan(eerste.toewijzingId)), ...(await nummersVan(tweede.toewijzingId))].sort(),
    );
    const x = await server.api("GET", `/api/v1/toewijzingen/${tweede.toewijzingId}/wmo301`, {
      token: await server.token(THUISZORG),
    });
    assert.equal(x.text, opgeslagen.xml, "de download is het opgeslagen bericht");
  });

  it("maakt bij een overstap de afsluitende 301 (reden 09) voor de vorige aanbieder, die alleen zij downloadt", async () => {
    overstap = await gegund(
      {},
      { clientId, huidigeZorg: { aanbiederId: THUISZORG_ID, hulpverlenerRol: "verzorgende IG", behouden: false } },
      begeleiding,
    );
    assert.equal((await stand(overstap.toewijzingId)).vorigeAanbieder.stand, "bij_verzenden");
    const r = await post(CONSULENT, `/api/v1/toewijzingen/${overstap.toewijzingId}/wmo301`);
    assert.equal(r.status, 201, r.text);
    assert.match(r.body.afsluitend.berichtIdentificatie, /^ZV\d{10}$/);

    // The new provider's 301: its own toewijzing only, never reden 09.
    const nieuw = await laatste301(overstap.toewijzingId);
    await doorDeControle(nieuw.xml, BEGELEIDING_ID);
    assert.deepEqual(nummers(nieuw.xml), (await nummersVan(overstap.toewijzingId)).sort());
    assert.ok(!redenen(nieuw.xml).includes("09"));

    // The closing one: its own row on the outgoing toewijzing, to Thuiszorg, ending it with 09 and carrying the other.
    const gesloten = await laatste301(tweede.toewijzingId);
    assert.equal(gesloten.bericht_identificatie, r.body.afsluitend.berichtIdentificatie);
    await doorDeControle(gesloten.xml, THUISZORG_ID);
    assert.equal(lees301(gesloten.xml).ontvanger, await AGB(THUISZORG_ID));
    assert.deepEqual(redenen(gesloten.xml), ["09"]);
    assert.deepEqual(
      nummers(gesloten.xml),
      [...(await nummersVan(eerste.toewijzingId)), ...(await nummersVan(tweede.toewijzingId))].sort(),
    );
    const [rij] =
      await sql`select aanbieder_id from iwmo_berichten where bericht_identificatie = ${gesloten.bericht_identificatie}`;
    assert.equal(rij.aanbieder_id, THUISZORG_ID);

    const doorA = await server.api("GET", `/api/v1/toewijzingen/${tweede.toewijzingId}/wmo301`, {
      token: await server.token(THUISZORG),
    });
    assert.equal(doorA.status, 200);
    assert.equal(doorA.text, gesloten.xml);
    const doorB = await server.api("GET", `/api/v1/toewijzingen/${tweede.toewijzingId}/wmo301`, {
      token: await server.token(BEGELEIDING),
    });
    assert.equal(doorB.status, 404);
    const eigenB = await server.api("GET", `/api/v1/toewijzingen/${overstap.toewijzingId}/wmo301`, {
      token: await server.token(BEGELEIDING),
    });
    assert.equal(eigenB.text, nieuw.xml);

    // Thuiszorg's own request page offers the closing message; the consulent's says it went out.
    const { cookie } = await webInloggen(server, THUISZORG);
    const pagina = await fetch(`${server.url}/aanbieder/hulpvragen/${tweede.id}`, { headers: { cookie: cookie! } });
    assert.match(await pagina.text(), /Download de afsluitende toewijzing/);
    const download = await fetch(`${server.url}/aanbieder/hulpvragen/${tweede.id}/wmo301`, {
      headers: { cookie: cookie! },
    });
    assert.equal(await download.text(), gesloten.xml);
    assert.equal((await stand(overstap.toewijzingId)).vorigeAanbieder.stand, "verstuurd");
  });

  it("zegt de consulent dat de backoffice een onbekende vorige toewijzing beëindigt, en maakt dan geen afsluitende 301", async () => {
    const zonder = await gegund(
      {},
      { huidigeZorg: { aanbiederId: THUISZORG_ID, hulpverlenerRol: "verzorgende IG", behouden: false } },
      begeleiding,
    );
    const { cookie } = await webInloggen(server, CONSULENT);
    const pagina = await fetch(`${server.url}/consulent/hulpvragen/${zonder.id}`, { headers: { cookie: cookie! } });
    assert.match(await pagina.text(), /de backoffice van de gemeente beëindigt die zelf/);
    const voor = (await sql`select count(*)::int as n from iwmo_berichten`)[0].n;
    const r = await post(CONSULENT, `/api/v1/toewijzingen/${zonder.toewijzingId}/wmo301`);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.afsluitend, null);
    assert.equal((await sql`select count(*)::int as n from iwmo_berichten`)[0].n, voor + 1);
  });

  it("verstuurt niets dat een iWmo-regel breekt of niet te bouwen is; er wordt niets opgeslagen", async () => {
    const oud = await gegund({}, { clientId: await maakClient(server, CONSULENT, { geboortedatum: "1900-01-01" }) });
    const r = await geweigerd(
      sql,
      () => post(CONSULENT, `/api/v1/toewijzingen/${oud.toewijzingId}/wmo301`),
      "iwmo_rules_broken",
      "TR002",
    );
    assert.equal(r.status, 422);
    const naamloos = await gegund(
      {},
      { clientId: await maakClient(server, CONSULENT, { achternaam: undefined, voorletters: undefined }) },
    );
    const n = await geweigerd(
      sql,
      () => post(CONSULENT, `/api/v1/toewijzingen/${naamloos.toewijzingId}/wmo301`),
      "invalid_input",
    );
    assert.match(JSON.stringify(n.body.error.details), /achternaam/);
    assert.equal((await stand(naamloos.toewijzingId)).iwmoStatus, "nieuw");
  });
});

async function alle301(toewijzingId: string) {
  return sql<{ bericht_identificatie: string; xml: string }[]>`
    select bericht_identificatie, xml from iwmo_berichten
    where toewijzing_id = ${toewijzingId} and soort = 'wmo301' order by created_at desc`;
}
async function laatste301(toewijzingId: string) {
  return (await alle301(toewijzingId))[0];
}

describe("één verzending, hoeveel klikken en processen er ook tegelijk versturen", () => {
  it("van acht gelijktijdige verzendingen via twee processen slaagt er één; de rest krijgt wmo301_already_sent", async () => {
    const t = await gegund({});
    const tweede = await startServer({ databaseUrl: server.databaseUrl });
    try {
      const token = await server.token(CONSULENT);
      const antwoorden = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? tweede : server).api("POST", `/api/v1/toewijzingen/${t.toewijzingId}/wmo301`, { token }),
        ),
      );
      const codes = antwoorden.map((a) => (a.status === 201 ? "verzonden" : a.body?.error?.code)).sort();
      assert.deepEqual(codes, [...Array(7).fill("wmo301_already_sent"), "verzonden"].sort());
      assert.equal((await alle301(t.toewijzingId)).length, 1, "precies één WMO301 opgeslagen");
    } finally {
      await tweede.stop();
    }
  });
});
