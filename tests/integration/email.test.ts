import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { ParsedMail } from "mailparser";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag, maakClient, pauze } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, WELZIJN, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";
import { Postbus } from "../support/postbus";

const ADRES = "https://zorgveiling.test";
const AFZENDER = "Gemeente Winterswijk via Zorgveiling <zorgveiling@winterswijk.test>";
const postbus = new Postbus();
let server: TestServer;
let tweede: TestServer;
let sql: ReturnType<typeof verbind>;

before(async () => {
  await postbus.start();
  // Office hours around the clock: the after-hours offer mail (email-kantooruren.test.ts) stays out of these counts.
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${postbus.port}`,
    MAIL_FROM: AFZENDER,
    PUBLIC_URL: ADRES,
    KANTOORUREN: "ma-zo 00:00-24:00",
  };
  server = await startServer({ env });
  // A second process on the same database: each message must still leave once.
  tweede = await startServer({ databaseUrl: server.databaseUrl, env });
  sql = verbind(server.databaseUrl);
});
after(
  async () => {
    await sql.end();
    await tweede.stop();
    await server.stop();
    await postbus.stop();
  },
  { timeout: 20_000 },
);

// Words of the request's health details (fabriek.ts): never in any mail.
const ZORGINHOUD = [/zelfstandig/i, /schoon/i, /afwas/i, /75-84/, /alleenstaand/i];
function zonderZorginhoud(m: ParsedMail) {
  for (const w of ZORGINHOUD) {
    assert.doesNotMatch(m.text ?? "", w);
    assert.doesNotMatch(String(m.html), w);
  }
}

describe("e-mail aan aanbieders", () => {
  it("een planner van een gecontracteerde aanbieder hoort per e-mail van een nieuwe hulpvraag: tekst en HTML, link, afmelden", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const m = await postbus.wacht(THUISZORG, id);
    assert.deepEqual(
      m.from?.value.map((v) => [v.name, v.address]),
      [["Gemeente Winterswijk via Zorgveiling", "zorgveiling@winterswijk.test"]],
    );
    assert.equal(m.subject, `Nieuwe hulpvraag van gemeente Winterswijk (${id})`);
    assert.match(m.text!, /^Beste planner,/);
    assert.match(m.text!, /U kunt een aanbod doen tot \w+dag \d{1,2} \w+ 20\d\d/);
    assert.ok(m.text!.includes(`${ADRES}/aanbieder/hulpvragen/${id}`), m.text);
    assert.ok(String(m.html).includes(`href="${ADRES}/aanbieder/hulpvragen/${id}"`));
    assert.ok(String(m.html).startsWith("<!doctype html>"));
    assert.ok(m.text!.includes(`${ADRES}/aanbieder/meldingen`), "afmelden in de tekst");
    const afmelden = m.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    assert.ok(afmelden.includes(`<${ADRES}/aanbieder/meldingen>`), afmelden);
    zonderZorginhoud(m);
    // The consortium partner of Thuiszorg may bid too; a provider without a 01 contract hears nothing.
    await postbus.wacht(BEGELEIDING, id);
    await pauze(1500);
    assert.equal(postbus.aan("planning@de-klaproos.demo", id).length, 0);
    assert.equal(postbus.aan("planning@zorgbureau-nieuw.demo", id).length, 0);
    assert.equal(postbus.aan(WELZIJN, id).length, 0);
  });

  it("de aanbieder kiest zelf: geen e-mail, of één overzicht per dag in plaats van elke hulpvraag", async () => {
    const { cookie } = await webInloggen(server, THUISZORG);
    assert.ok(cookie);
    const fout = await formulier(server, "/aanbieder/meldingen", { mailvoorkeur: "soms" }, { cookie });
    assert.ok(fout.status >= 400 && fout.status < 500, `status ${fout.status}`);
    assert.match(await fout.text(), /Kies hoe u over nieuwe hulpvragen wilt horen/);
    const [{ mailvoorkeur: ongewijzigd }] =
      await sql`select mailvoorkeur from aanbieders where id = 'ab_thuiszorg_achterhoek'`;
    assert.equal(ongewijzigd, "elk");

    const goed = await formulier(server, "/aanbieder/meldingen", { mailvoorkeur: "geen" }, { cookie });
    assert.equal(goed.status, 302);
    const pagina = await (await fetch(`${server.url}/aanbieder/meldingen`, { headers: { cookie } })).text();
    assert.match(pagina, /id="voorkeur-geen"[^>]*checked=""/);
    const id = await gepubliceerdeHulpvraag(server);
    await postbus.wacht(BEGELEIDING, id);
    await pauze(1500);
    assert.equal(postbus.aan(THUISZORG, id).length, 0, "wie geen e-mail wil, krijgt er geen");

    assert.equal(
      (await formulier(server, "/aanbieder/meldingen", { mailvoorkeur: "dagelijks" }, { cookie })).status,
      302,
    );
    const id2 = await gepubliceerdeHulpvraag(server);
    await postbus.wacht(BEGELEIDING, id2);
    await pauze(1500);
    assert.equal(postbus.aan(THUISZORG, id2).length, 0, "het dagoverzicht komt om 7 uur, niet per hulpvraag");
    assert.equal((await formulier(server, "/aanbieder/meldingen", { mailvoorkeur: "elk" }, { cookie })).status, 302);
  });

  it("de uitkomst met de motivatie van de gemeente gaat naar elke bieder; de consulent hoort dat de cliënt koos", async () => {
    const { id, offers } = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
      { email: WELZIJN, body: aanbod("ab_welzijn_winterswijk", "02") },
    ]);
    const client = await clientToken(server, id, "198.51.100.77");
    const k = await server.api("POST", `/api/v1/requests/${id}/choice`, {
      token: client,
      body: { offerId: offers[0], motivation: "Mijn dochter woont dichtbij." },
    });
    assert.equal(k.status, 200, k.text);
    const melding = await postbus.wacht(CONSULENT, id);
    assert.equal(melding.subject, `De cliënt heeft gekozen bij hulpvraag ${id}`);
    assert.ok(melding.text!.includes(`${ADRES}/consulent/hulpvragen/${id}`));
    assert.doesNotMatch(melding.text!, /dochter/, "de opmerking van de cliënt staat niet in de e-mail");

    const token = await server.token(CONSULENT);
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId: offers[0] } })).status,
      200,
    );
    const motivatie = "Dit aanbod sluit het best aan bij de gevraagde resultaten.";
    const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: { motivation: motivatie } });
    assert.equal(g.status, 201, g.text);
    const gegund = await postbus.wacht(THUISZORG, `Uw aanbod op hulpvraag ${id} is gegund`);
    assert.ok(gegund.text!.includes(`De gemeente schrijft waarom: ${motivatie}`));
    assert.ok(String(gegund.html).includes(motivatie));
    const afgewezen = await postbus.wacht(WELZIJN, `Uitkomst van hulpvraag ${id}`);
    assert.match(afgewezen.text!, /niet gekozen/);
    assert.ok(afgewezen.text!.includes(motivatie));
    for (const m of [melding, gegund, afgewezen]) zonderZorginhoud(m);
  });
});

describe("de uitnodiging per e-mail", () => {
  it("gaat alleen naar een opgegeven adres, met code en link en zonder zorginhoud; de code staat daarna niet in de database", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const token = await server.token(CONSULENT);
    await geweigerd(
      sql,
      () => server.api("POST", `/api/v1/requests/${id}/invites`, { token, body: { email: "geen-adres" } }),
      "invalid_input",
      "email",
    );

    const zonder = await server.api("POST", `/api/v1/requests/${id}/invites`, {
      token,
      body: { vertegenwoordiger: "zoon" },
    });
    assert.equal(zonder.status, 201);
    const u = await server.api("POST", `/api/v1/requests/${id}/invites`, {
      token,
      body: { vertegenwoordiger: "Anna", email: "anna@voorbeeld.test" },
    });
    assert.equal(u.status, 201, u.text);
    const m = await postbus.wacht("anna@voorbeeld.test", "Uitnodiging van gemeente Winterswijk");
    assert.match(m.text!, /^Beste Anna,/);
    assert.ok(m.text!.includes(`Uw code is: ${u.body.code}`));
    assert.ok(String(m.html).includes(`${ADRES}/uitnodiging?code=${u.body.code}`));
    zonderZorginhoud(m);
    const s = await server.api("POST", "/api/v1/client/session", {
      body: { code: u.body.code },
      headers: { "x-forwarded-for": "198.51.100.90" },
    });
    assert.equal(s.status, 201, "de code uit de e-mail opent de hulpvraag");

    const rijen = await sql`select * from berichten where hulpvraag_id = ${id} and soort = 'uitnodiging'`;
    assert.equal(rijen.length, 1, "zonder adres geen e-mail");
    assert.equal(rijen[0].status, "verzonden");
    assert.equal(JSON.stringify(rijen).includes(u.body.code.replace("-", "")), false);
    assert.equal(JSON.stringify(rijen).includes(u.body.code), false);
  });
});

describe("versturen na de commit, met herhaling, één keer", () => {
  it("een tijdelijk weigerende mailserver krijgt het bericht later alsnog", async () => {
    postbus.weigerNog = 1;
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["02"],
      resultaten: [{ code: "regie_financien", toelichting: "Grip op post." }],
    });
    const einde = Date.now() + 8000;
    let rij;
    for (;;) {
      [rij] = await sql`select * from berichten where hulpvraag_id = ${id} and laatste_fout is not null`;
      if (rij || Date.now() > einde) break;
      await pauze(100);
    }
    assert.equal(rij?.status, "wachtend");
    assert.match(rij!.laatste_fout, /451|Tijdelijk/);
    assert.ok(new Date(rij!.volgende_poging_op).getTime() > Date.now() + 30_000, "de volgende poging wacht");
    // Time passes (the first wait is a minute): the clock tries again and the message arrives.
    await sql`update berichten set volgende_poging_op = now() where id = ${rij!.id}`;
    await postbus.wacht(rij!.aan, id);
    const [na] = await sql`select * from berichten where id = ${rij!.id}`;
    assert.equal(na.status, "verzonden");
    assert.equal(na.pogingen, 2);
  });

  it("twee processen op één database: elk bericht komt precies één keer aan", async () => {
    const voor = postbus.ontvangen.length;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await gepubliceerdeHulpvraag(i % 2 ? tweede : server));
    for (const id of ids) {
      await postbus.wacht(THUISZORG, id);
      await postbus.wacht(BEGELEIDING, id);
    }
    await pauze(2500);
    const nieuw = postbus.ontvangen.slice(voor);
    const berichtIds = nieuw.map((m) => String(m.headers.get("x-zorgveiling-bericht")));
    assert.equal(new Set(berichtIds).size, berichtIds.length, "geen bericht twee keer");
    for (const id of ids) {
      assert.equal(postbus.aan(THUISZORG, id).length, 1);
      assert.equal(postbus.aan(BEGELEIDING, id).length, 1);
    }
  });

  it("een teruggedraaide wijziging verstuurt niets", async () => {
    // Publication refused (identifying data): no message may exist for it.
    const token = await server.token(CONSULENT);
    const clientId = await maakClient(server);
    const [c] = await sql`select naam from clienten where id = ${clientId}`;
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: {
        clientId,
        regio: "7101",
        leeftijdsklasse: "75-84",
        huishouden: "alleenstaand",
        toelichting: `Mevrouw ${c.naam} wil thuis blijven wonen.`,
        resultaten: [{ code: "schoon_huis", toelichting: "Een schoon huis." }],
        productcategorieen: ["01"],
        startdatum: new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10),
        duurMaanden: 12,
      },
    });
    assert.equal(r.status, 201, r.text);
    const p = await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token });
    assert.equal(p.status, 422);
    await pauze(1500);
    assert.equal((await sql`select count(*)::int as n from berichten where hulpvraag_id = ${r.body.id}`)[0].n, 0);
  });
});
