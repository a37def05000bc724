import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { gepubliceerdeHulpvraag } from "../support/fabriek";
import { AANBIEDER_BEHEERDER, BEGELEIDING, BEHEERDER, THUISZORG, TOEZICHT } from "../support/demo";
import { aanbod } from "../support/ronde";

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

const TEKST =
  "Wij concurreren op kwaliteit, niet op arbeidsvoorwaarden. Wij melden belangenverstrengeling en werven geen personeel weg tijdens een lopende overdracht.";

describe("de gedragscode verantwoord marktgedrag (code_not_accepted)", () => {
  it("een aanbieder biedt pas als zijn beheerder de geldende versie accepteerde; via API en formulier geweigerd zonder iets vast te leggen", async () => {
    const beheerder = await server.token(BEHEERDER);
    const v1 = await server.api("POST", "/api/v1/conduct-code", { token: beheerder, body: { tekst: TEKST } });
    assert.equal(v1.status, 201, v1.text);
    assert.equal(v1.body.versie, 1);
    const gemeenteId = v1.body.gemeenteId as string;

    const id = await gepubliceerdeHulpvraag(server);
    const planner = await server.token(THUISZORG);
    const api = await geweigerd(
      sql,
      () =>
        server.api("POST", `/api/v1/requests/${id}/offers`, {
          token: planner,
          body: aanbod("ab_thuiszorg_achterhoek", "01"),
        }),
      "code_not_accepted",
      "aanbiederId",
    );
    assert.equal(api.status, 422);
    assert.match(api.body.error.details[0].message, /versie 1/);

    // The offer form says the same, and stores nothing either.
    const { cookie } = await webInloggen(server, THUISZORG);
    const start = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
    const eind = new Date(Date.parse(start) + 364 * 86400_000).toISOString().slice(0, 10);
    await geweigerd(
      sql,
      async () => {
        const r = await formulier(
          server,
          `/aanbieder/hulpvragen/${id}`,
          {
            _actie: "indienen",
            aantalComponenten: "1",
            "componenten.0.aanbiederId": "ab_thuiszorg_achterhoek",
            "componenten.0.productcode": "01W01",
            "componenten.0.omschrijving": "Wekelijkse schoonmaak.",
            "componenten.0.resultaten": "schoon_huis",
            "componenten.0.omvang": "1",
            "componenten.0.prijsPerEenheidCent": "450,00",
            startdatum: start,
            einddatum: eind,
            cao: "vvt",
            dienstverband: "loondienst",
            samenvatting: "Elke week een schoon huis.",
          },
          { cookie: cookie! },
        );
        const html = (await r.text()).replaceAll("<!-- -->", "");
        assert.equal(r.status, 422);
        assert.match(html, /gedragscode verantwoord marktgedrag van deze gemeente/);
        return { status: r.status, body: { error: { code: "code_not_accepted", message: "" } } };
      },
      "code_not_accepted",
    );

    // A planner cannot accept for the organisation; its beheerder reads the code and accepts the version in force.
    await geweigerd(
      sql,
      () => server.api("POST", `/api/v1/conduct-code/${gemeenteId}/accept`, { token: planner, body: { versie: 1 } }),
      "forbidden",
    );
    const eigen = await server.token(AANBIEDER_BEHEERDER);
    const gelezen = await server.api("GET", "/api/v1/conduct-code", { token: eigen });
    const code = gelezen.body.items.find((c: { gemeenteId: string }) => c.gemeenteId === gemeenteId);
    assert.equal(code.tekst, TEKST);
    assert.equal(code.geaccepteerd, false);
    await geweigerd(
      sql,
      () => server.api("POST", `/api/v1/conduct-code/${gemeenteId}/accept`, { token: eigen, body: { versie: 2 } }),
      "invalid_input",
      "versie",
    );
    const ok = await server.api("POST", `/api/v1/conduct-code/${gemeenteId}/accept`, {
      token: eigen,
      body: { versie: 1 },
    });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(
      (await server.api("GET", "/api/v1/conduct-code", { token: eigen })).body.items.find(
        (c: { gemeenteId: string }) => c.gemeenteId === gemeenteId,
      ).geaccepteerd,
      true,
    );

    const geboden = await server.api("POST", `/api/v1/requests/${id}/offers`, {
      token: planner,
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    assert.equal(geboden.status, 201, geboden.text);

    // A new version asks again: revising the offer is refused until version 2 is accepted.
    const v2 = await server.api("POST", "/api/v1/conduct-code", {
      token: beheerder,
      body: { tekst: `${TEKST} Versie twee: ook bij onderaanneming.` },
    });
    assert.equal(v2.body.versie, 2);
    await geweigerd(
      sql,
      () =>
        server.api("PUT", `/api/v1/offers/${geboden.body.id}`, {
          token: planner,
          body: aanbod("ab_thuiszorg_achterhoek", "01", {
            samenvatting: "Wij maken elke week het huis schoon, nu ook de ramen.",
          }),
        }),
      "code_not_accepted",
    );
    assert.equal(
      (await server.api("POST", `/api/v1/conduct-code/${gemeenteId}/accept`, { token: eigen, body: { versie: 2 } }))
        .status,
      200,
    );
    assert.equal(
      (
        await server.api("PUT", `/api/v1/offers/${geboden.body.id}`, {
          token: planner,
          body: aanbod("ab_thuiszorg_achterhoek", "01", {
            samenvatting: "Wij maken elke week het huis schoon, nu ook de ramen.",
          }),
        })
      ).status,
      200,
    );

    const [audit] =
      await sql`select count(*)::int as n from audit_log where actie in ('gedragscode.gepubliceerd', 'gedragscode.geaccepteerd')`;
    assert.equal(audit.n, 4);
  });

  it("toezicht houdt een register van gemelde schendingen bij; de aanbieder ziet de eigen meldingen en reageert één keer", async () => {
    const toezicht = await server.token(TOEZICHT);
    // Winterswijk published its code in the test above.
    const m = await server.api("POST", "/api/v1/conduct-code/breaches", {
      token: toezicht,
      body: {
        aanbiederId: "ab_thuiszorg_achterhoek",
        omschrijving: "Medewerkers van een andere aanbieder benaderd tijdens een lopende overdracht.",
      },
    });
    assert.equal(m.status, 201, m.text);
    await geweigerd(
      sql,
      async () =>
        server.api("POST", "/api/v1/conduct-code/breaches", {
          token: await server.token(BEHEERDER),
          body: { aanbiederId: "ab_thuiszorg_achterhoek", omschrijving: "Niet aan de beheerder." },
        }),
      "forbidden",
    );
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/conduct-code/breaches", {
          token: toezicht,
          body: { aanbiederId: "ab_zorgbureau_nieuw", omschrijving: "Zonder contract geen melding hier." },
        }),
      "invalid_input",
      "aanbiederId",
    );

    const eigen = await server.token(AANBIEDER_BEHEERDER);
    const gezien = await server.api("GET", "/api/v1/conduct-code/breaches", { token: eigen });
    assert.deepEqual(
      gezien.body.items.map((x: { id: string }) => x.id),
      [m.body.id],
    );
    const ander = await server.api("GET", "/api/v1/conduct-code/breaches", { token: await server.token(BEGELEIDING) });
    assert.equal(ander.body.items.length, 0, "een andere aanbieder ziet de melding niet");
    await geweigerd(
      sql,
      async () =>
        server.api("POST", `/api/v1/conduct-code/breaches/${m.body.id}/response`, {
          token: await server.token("beheer@begeleiding-oost.demo"),
          body: { reactie: "Niet van ons." },
        }),
      "not_found",
    );

    const r = await server.api("POST", `/api/v1/conduct-code/breaches/${m.body.id}/response`, {
      token: eigen,
      body: { reactie: "Besproken met het team; het benaderen is gestopt." },
    });
    assert.equal(r.status, 200, r.text);
    await geweigerd(
      sql,
      () =>
        server.api("POST", `/api/v1/conduct-code/breaches/${m.body.id}/response`, {
          token: eigen,
          body: { reactie: "Nog een keer." },
        }),
      "invalid_input",
      "reactie",
    );
    const register = await server.api("GET", "/api/v1/conduct-code/breaches", { token: toezicht });
    assert.equal(register.body.items[0].reactie, "Besproken met het team; het benaderen is gestopt.");
    assert.equal(register.body.items[0].aanbiederNaam, "Thuiszorg Achterhoek");

    // The same register on the pages: toezicht reads it with the answer, the provider reads its report and answer.
    const { cookie } = await webInloggen(server, TOEZICHT);
    const pagina = (
      await (await fetch(`${server.url}/toezicht/gedragscode`, { headers: { cookie: cookie! } })).text()
    ).replaceAll("<!-- -->", "");
    assert.match(pagina, /Besproken met het team; het benaderen is gestopt\./);
    await geweigerd(
      sql,
      async () => {
        const r = await formulier(
          server,
          "/toezicht/gedragscode",
          { aanbiederId: "ab_thuiszorg_achterhoek", omschrijving: "" },
          { cookie: cookie! },
        );
        assert.equal(r.status, 422);
        assert.match(await r.text(), /Beschrijf wat er gebeurde/);
        return { status: 422, body: { error: { code: "invalid_input", message: "" } } };
      },
      "invalid_input",
    );
    const aanbieder = await webInloggen(server, AANBIEDER_BEHEERDER);
    const eigenPagina = (
      await (await fetch(`${server.url}/organisatie/gedragscodes`, { headers: { cookie: aanbieder.cookie! } })).text()
    ).replaceAll("<!-- -->", "");
    assert.match(eigenPagina, /Medewerkers van een andere aanbieder benaderd/);
    assert.match(eigenPagina, /Uw reactie \(/);
  });
});
