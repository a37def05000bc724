import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { CONSULENT, CONSULENT_AALTEN, hulpvraagInvoer, maakClient, pauze } from "../support/fabriek";
import { THUISZORG, TOEZICHT, aanbod, clientToken, wachtOpStatus } from "../support/ronde";
import { BEHEERDER_AALTEN } from "../support/demo";

/**
 * Results followed up (issue 16, item 5): months after the start of care the clock opens one
 * check per toewijzing with a fresh invite, the client answers, the consulent records her view,
 * and only aggregates over at least 5 clients reach providers and the comparison.
 */
const ADRES = "https://zorgveiling.test";
let server: TestServer;
let sql: ReturnType<typeof verbind>;
const RESULTATEN = [
  { code: "schoon_huis", toelichting: "Het huis is schoon; mevrouw doet zelf de afwas." },
  { code: "schone_kleding", toelichting: "De was wordt gedaan, ook de bedden." },
];

before(async () => {
  server = await startServer({ env: { PUBLIC_URL: ADRES } });
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql.end();
  await server.stop();
});

let adres = 0;

/** An awarded request of Winterswijk (the deadline leaves room for seven built side by side on a busy machine) (Thuiszorg Achterhoek, category 01), its client with an e-mail address or none. */
async function gegund(email: string | null): Promise<string> {
  const token = await server.token(CONSULENT);
  const clientId = await maakClient(server, CONSULENT, email ? { email } : {});
  const r = await server.api("POST", "/api/v1/requests", {
    token,
    body: hulpvraagInvoer(clientId, { resultaten: RESULTATEN, deadline: new Date(Date.now() + 10_000).toISOString() }),
  });
  assert.equal(r.status, 201, r.text);
  const id = r.body.id as string;
  assert.equal((await server.api("POST", `/api/v1/requests/${id}/publish`, { token })).status, 200);
  const o = await server.api("POST", `/api/v1/requests/${id}/offers`, {
    token: await server.token(THUISZORG),
    body: aanbod("ab_thuiszorg_achterhoek", "01"),
  });
  assert.equal(o.status, 201, o.text);
  await wachtOpStatus(server, id, "beoordeling", 40_000);
  for (const t of [await clientToken(server, id, `198.51.100.${++adres}`), token]) {
    const keuze = await server.api("POST", `/api/v1/requests/${id}/choice`, { token: t, body: { offerId: o.body.id } });
    assert.ok(keuze.status < 300, keuze.text);
  }
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: {} });
  assert.equal(g.status, 201, g.text);
  return id;
}

const antwoorden = (oordeel: string, cijfer: number, toelichting?: string) =>
  RESULTATEN.map((r) => ({ resultaat: r.code, oordeel, cijfer, ...(toelichting ? { toelichting } : {}) }));

async function clientSessie(code: string) {
  const s = await server.api("POST", "/api/v1/client/session", {
    body: { code },
    headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200) + 1}` },
  });
  assert.equal(s.status, 201, s.text);
  return s.body.token as string;
}

async function mailVoor(hulpvraagId: string) {
  const rijen = await sql`select * from berichten where soort = 'resultaatcheck' and hulpvraag_id = ${hulpvraagId}`;
  return rijen;
}

describe("resultaatchecks", { timeout: 120_000 }, () => {
  const ids: string[] = [];
  let zonderAdres: string;
  let oud: string;
  const codes = new Map<string, string>();

  before(async () => {
    for (const wie of [CONSULENT, THUISZORG]) await server.token(wie);
    // Five clients with an address, one without: built side by side, each waits for its own deadline.
    const gemaakt = await Promise.all([
      ...[1, 2, 3, 4, 5].map((n) => gegund(`helper${n}@voorbeeld.test`)),
      gegund(null),
      gegund(null),
    ]);
    ids.push(...gemaakt.slice(0, 5));
    zonderAdres = gemaakt[5];
    oud = gemaakt[6];
    // Care started four months ago for six of them (as a WMO305 would report it): the 12-month check is not due.
    await sql`update toewijzingen set zorg_gestart_op = (current_date - interval '4 months')::date
              where hulpvraag_id in ${sql(gemaakt.slice(0, 6))}`;
    // And fourteen months ago for one: its 3-month moment is long past and skipped, the 12-month one is open.
    await sql`update toewijzingen set zorg_gestart_op = (current_date - interval '14 months')::date
              where hulpvraag_id = ${oud}`;
    assert.equal((await sql`select count(*)::int as n from resultaatchecks`)[0].n, 0, "nog niets voor de start");
  });

  it("twee processen die tegelijk starten openen precies één check met één uitnodiging en één e-mail per toewijzing", async () => {
    const [b, c] = await Promise.all([
      startServer({ databaseUrl: server.databaseUrl, env: { PUBLIC_URL: ADRES } }),
      startServer({ databaseUrl: server.databaseUrl, env: { PUBLIC_URL: ADRES } }),
    ]);
    try {
      const einde = Date.now() + 15_000;
      while ((await sql`select count(*)::int as n from resultaatchecks`)[0].n < 7 && Date.now() < einde)
        await pauze(200);
      await pauze(1500); // time for a late second writer to do damage, if it could
    } finally {
      await Promise.all([b.stop(), c.stop()]);
    }
    const alle = await sql`select * from resultaatchecks order by hulpvraag_id`;
    assert.equal(alle.length, 7, "één check per toewijzing");
    assert.deepEqual(
      alle.filter((c) => c.hulpvraag_id === oud).map((c) => c.maanden),
      [12],
      "na 14 maanden alleen de check van 12; die van 3 is te lang geleden",
    );
    const checks = alle.filter((c) => c.hulpvraag_id !== oud);
    assert.ok(
      checks.every((c) => c.maanden === 3),
      "na 4 maanden alleen het moment van 3 maanden",
    );
    const uitnodigingen = await sql`select u.* from uitnodigingen u join resultaatchecks c on c.uitnodiging_id = u.id`;
    assert.equal(uitnodigingen.length, 7, "één nieuwe uitnodiging per check");
    for (const id of ids) {
      const mails = await mailVoor(id);
      assert.equal(mails.length, 1, `één e-mail voor ${id}`);
      const m = mails[0];
      assert.match(m.aan, /^helper\d@voorbeeld\.test$/);
      const inhoud = `${m.onderwerp}\n${m.tekst}\n${m.html}`;
      // No health data: not the results asked for, their words, the provider, the category, the client.
      for (const w of [/schoon/i, /kleding/i, /afwas/i, /was wordt/i, /Thuiszorg/i, /verzorging/i, /Wolters/, /75-84/])
        assert.doesNotMatch(inhoud, w);
      assert.match(m.tekst, /hoe gaat het|helpt/i);
      const code = /Uw code is: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(m.tekst)?.[1];
      assert.ok(code, "de code staat in de e-mail");
      assert.ok(m.tekst.includes(`${ADRES}/uitnodiging?code=`), "met de link");
      codes.set(id, code);
    }
    assert.equal((await mailVoor(zonderAdres)).length, 0, "zonder adres geen e-mail aan de cliënt");
    // The consulent hears that a code waits to be handed over: the number and a link, nothing else.
    const [aanConsulent] =
      await sql`select * from berichten where soort = 'resultaatcheck_code' and hulpvraag_id = ${zonderAdres}`;
    assert.equal(aanConsulent.aan, CONSULENT);
    assert.ok(aanConsulent.tekst.includes(`${ADRES}/consulent/hulpvragen/${zonderAdres}/resultaten`));
    assert.doesNotMatch(`${aanConsulent.onderwerp}${aanConsulent.tekst}`, /[A-Z0-9]{4}-[A-Z0-9]{4}|schoon|kleding/);
    const zonder = checks.find((c) => c.hulpvraag_id === zonderAdres)!;
    assert.equal(zonder.per_email, false);
    assert.ok(zonder.code_versleuteld && !/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(zonder.code_versleuteld), "versleuteld");
  });

  it("zonder e-mailadres ziet de consulent de code om te overhandigen, en alleen zij", async () => {
    const r = await server.api("GET", `/api/v1/requests/${zonderAdres}/result-checks`, {
      token: await server.token(CONSULENT),
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.checks.length, 1);
    const code = r.body.checks[0].code as string;
    assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const token = await clientSessie(code);
    const check = await server.api("GET", "/api/v1/client/result-check", { token });
    assert.equal(check.status, 200, check.text);
    assert.deepEqual(check.body.resultaten, ["schoon_huis", "schone_kleding"]);
    const html = await (
      await fetch(`${server.url}/consulent/hulpvragen/${zonderAdres}/resultaten`, {
        headers: { cookie: (await webInloggen(server, CONSULENT)).cookie! },
      })
    ).text();
    assert.ok(html.includes(code), "de code op de pagina, met de brief om af te drukken");
    assert.ok(html.includes("zv-brief"));
    const ander = await server.api("GET", `/api/v1/requests/${zonderAdres}/result-checks`, {
      token: await server.token(CONSULENT_AALTEN),
    });
    assert.equal(ander.status, 404, "gemeente Aalten leest de checks van Winterswijk niet");
    assert.ok(!ander.text.includes(code));
  });

  it("de cliënt beantwoordt elk resultaat één keer; onvolledig of dubbel wordt geweigerd zonder iets te veranderen", async () => {
    const token = await clientSessie(codes.get(ids[0])!);
    const half = [{ resultaat: "schoon_huis", oordeel: "bereikt", cijfer: 8 }];
    await geweigerd(
      sql,
      () => server.api("POST", "/api/v1/client/result-check", { token, body: { antwoorden: half } }),
      "invalid_input",
      "antwoorden.1.oordeel",
    );
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/client/result-check", {
          token,
          body: { antwoorden: [...half, { resultaat: "dagbesteding", oordeel: "niet", cijfer: 3 }] },
        }),
      "invalid_input",
      "antwoorden.1.resultaat",
    );
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/client/result-check", {
          token,
          body: { antwoorden: antwoorden("bereikt", 11) },
        }),
      "invalid_input",
      "antwoorden.0.cijfer",
    );
    const goed = await server.api("POST", "/api/v1/client/result-check", {
      token,
      body: { antwoorden: antwoorden("bereikt", 8, "Heel fijn, het huis blinkt.") },
    });
    assert.equal(goed.status, 201, goed.text);
    await geweigerd(
      sql,
      () => server.api("POST", "/api/v1/client/result-check", { token, body: { antwoorden: antwoorden("niet", 2) } }),
      "check_answered",
    );
    const opgeslagen = await sql`select o.* from resultaatoordelen o join resultaatchecks c on c.id = o.check_id
                                 where c.hulpvraag_id = ${ids[0]} order by o.resultaat_code`;
    assert.deepEqual(
      opgeslagen.map((o) => [o.partij, o.resultaat_code, o.oordeel, o.cijfer]),
      [
        ["client", "schone_kleding", "bereikt", 8],
        ["client", "schoon_huis", "bereikt", 8],
      ],
    );
    // The client's access request (AVG) holds the check and the answers, never the code.
    const h = await server.api("GET", `/api/v1/requests/${ids[0]}`, { token: await server.token(CONSULENT) });
    const inzage = await server.api("GET", `/api/v1/clients/${h.body.clientId}/export`, {
      token: await server.token(CONSULENT),
    });
    assert.equal(inzage.status, 200, inzage.text);
    const document = JSON.parse(inzage.text);
    assert.equal(document.resultaatchecks.length, 1);
    assert.equal("codeVersleuteld" in document.resultaatchecks[0], false);
    assert.equal(document.resultaatoordelen.length, 2);
    assert.ok(!inzage.text.includes(codes.get(ids[0])!));
    // The trail says it was answered, not what.
    const [audit] = await sql`select * from audit_log where actie = 'resultaatcheck.client_beantwoord'`;
    assert.ok(audit);
    assert.doesNotMatch(JSON.stringify(audit), /blinkt/);
  });

  it("de consulent ziet de antwoorden en legt haar oordeel vast; een check die er nog niet is, wordt geweigerd", async () => {
    const token = await server.token(CONSULENT);
    await geweigerd(
      sql,
      () =>
        server.api("POST", `/api/v1/requests/${ids[0]}/result-checks`, {
          token,
          body: { maanden: 12, antwoorden: antwoorden("deels", 6) },
        }),
      "check_not_open",
      "maanden",
    );
    const v = await server.api("POST", `/api/v1/requests/${ids[0]}/result-checks`, {
      token,
      body: { maanden: 3, antwoorden: antwoorden("deels", 7, "Kleding gaat goed, het huis kan beter.") },
    });
    assert.equal(v.status, 201, v.text);
    const r = await server.api("GET", `/api/v1/requests/${ids[0]}/result-checks`, { token });
    const [c] = r.body.checks;
    assert.equal(c.code, null, "na het antwoord is de code weg");
    assert.equal(c.client[0].toelichting, "Heel fijn, het huis blinkt.");
    assert.deepEqual(
      c.consulent.map((a: { oordeel: string; cijfer: number }) => [a.oordeel, a.cijfer]),
      [
        ["deels", 7],
        ["deels", 7],
      ],
    );
  });

  it("aanbieder, toezicht en de vergelijking zien alleen totalen, pas vanaf 5 cliënten", async () => {
    const aanbieder = await server.token(THUISZORG);
    const eigen = async () => {
      const r = await server.api("GET", "/api/v1/results/aggregates", { token: aanbieder });
      assert.equal(r.status, 200, r.text);
      assert.doesNotMatch(r.text, /blinkt|toelichting/);
      return r.body.items.find((i: { aanbiederId: string }) => i.aanbiederId === "ab_thuiszorg_achterhoek");
    };
    // 1 of 5: nothing to see, not even one client's mark.
    let a = await eigen();
    assert.equal(a.clienten, 1);
    assert.equal(a.getoond, false);
    assert.equal(a.client, null);
    for (const [i, id] of ids.slice(1).entries()) {
      const token = await clientSessie(codes.get(id)!);
      const r = await server.api("POST", "/api/v1/client/result-check", {
        token,
        body: { antwoorden: antwoorden(i === 3 ? "niet" : "bereikt", 6) },
      });
      assert.equal(r.status, 201, r.text);
      if (i === 2) assert.equal((await eigen()).getoond, false, "bij 4 cliënten nog niets");
    }
    a = await eigen();
    assert.equal(a.clienten, 5);
    assert.equal(a.getoond, true);
    // 4 clients said reached on both results, one said not; marks (8 + 8 + 8 × 6) / 10 = 6.4
    assert.deepEqual(a.client, { bereikt: 8, deels: 0, niet: 2, gemiddeldCijfer: 6.4 });
    assert.equal(a.consulent, null, "één oordeel van een consulent is nog te weinig");

    const toezicht = await server.api("GET", "/api/v1/results/aggregates", { token: await server.token(TOEZICHT) });
    assert.equal(toezicht.status, 200);
    assert.equal(toezicht.body.items[0].client.bereikt, 8, "toezicht ziet alle aanbieders van de gemeente");
    const aalten = await server.api("GET", "/api/v1/results/aggregates", {
      token: await server.token(CONSULENT_AALTEN),
    });
    assert.deepEqual(aalten.body.items, [], "gemeente Aalten ziet niets van de checks van Winterswijk");

    // Beside Thuiszorg's offer on a new request, in the consulent's comparison.
    const token = await server.token(CONSULENT);
    const clientId = await maakClient(server);
    const nieuw = await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(clientId) });
    await server.api("POST", `/api/v1/requests/${nieuw.body.id}/publish`, { token });
    const o = await server.api("POST", `/api/v1/requests/${nieuw.body.id}/offers`, {
      token: aanbieder,
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    assert.equal(o.status, 201, o.text);
    const pagina = await (
      await fetch(`${server.url}/consulent/hulpvragen/${nieuw.body.id}`, {
        headers: { cookie: (await webInloggen(server, CONSULENT)).cookie! },
      })
    ).text();
    assert.match(pagina, /Eerdere resultaten/);
    assert.match(pagina, /5 cliënten: 8 van 10 doelen bereikt, 0 deels, 2 niet; gemiddeld cijfer 6,4/);
    const eigenPagina = await (
      await fetch(`${server.url}/aanbieder/resultaten`, {
        headers: { cookie: (await webInloggen(server, THUISZORG)).cookie! },
      })
    ).text();
    assert.match(eigenPagina, /8 van 10 doelen bereikt/);
    assert.doesNotMatch(eigenPagina, /blinkt/);

    // The trail in Dutch for toezicht: that checks opened and were answered, never the answers.
    const trail = await (
      await fetch(`${server.url}/toezicht/audit`, {
        headers: { cookie: (await webInloggen(server, TOEZICHT)).cookie! },
      })
    ).text();
    assert.match(
      trail,
      /Het was tijd voor de resultaatcheck na 3 maanden bij hulpvraag hv_\w+; de cliënt kreeg een nieuwe uitnodiging per e-mail/,
    );
    assert.match(
      trail,
      /De cliënt \(met een uitnodiging\) beantwoordde de resultaatcheck na 3 maanden bij hulpvraag hv_\w+\./,
    );
    assert.match(trail, /legde het professionele oordeel vast bij de resultaatcheck na 3 maanden/);
    assert.doesNotMatch(trail, /blinkt|handdoeken/);
  });

  it("na de bewaartermijn verdwijnen de woorden van de cliënt; antwoord en cijfer blijven voor de totalen", async () => {
    await sql`update hulpvragen set updated_at = now() - interval '25 months' where id = ${ids[0]}`;
    const r = spawnSync("npm", ["run", "--silent", "privacy:opschonen"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const rijen = await sql`select o.* from resultaatoordelen o join resultaatchecks c on c.id = o.check_id
                            where c.hulpvraag_id = ${ids[0]} and o.partij = 'client'`;
    assert.equal(rijen.length, 2);
    assert.ok(rijen.every((o) => o.toelichting === null && o.oordeel === "bereikt" && o.cijfer === 8));
  });

  it("de beheerder kiest de momenten in het regelboek; dubbele of onzinnige maanden worden bij het veld geweigerd", async () => {
    const token = await server.token(BEHEERDER_AALTEN);
    for (const [maanden, veld] of [
      [[3, 3], "resultaatcheckMaanden"],
      [[0], "resultaatcheckMaanden.0"],
      [[6, "twaalf"], "resultaatcheckMaanden.1"],
    ] as const)
      await geweigerd(
        sql,
        () => server.api("POST", "/api/v1/rulebook", { token, body: { resultaatcheckMaanden: maanden } }),
        "invalid_input",
        veld,
      );
    const r = await server.api("POST", "/api/v1/rulebook", { token, body: { resultaatcheckMaanden: [24, 6] } });
    assert.equal(r.status, 200, r.text);
    const regels = await server.api("GET", "/api/v1/rulebook", { token });
    assert.deepEqual(regels.body.resultaatcheckMaanden, [6, 24]);
  });
});
