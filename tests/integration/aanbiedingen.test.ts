import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd as geweigerdZonderWijziging, verbind } from "../support/database";
import { CONSULENT, CONSULENT_AALTEN, gepubliceerdeHulpvraag, luisteraar, pauze } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, WELZIJN, aanbod as gedeeldAanbod } from "../support/ronde";
import { CODE, tariefVan } from "../support/demo";

/** The reëel tarief per stuk of Winterswijk's monthly codes (one result a month: the monthly price). */
const T01 = tariefVan(CODE.huishoudenMaand);
const T02 = tariefVan(CODE.begeleidingMaand);

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

/** Thuiszorg Achterhoek's offer on category 01, € 10 above the reëel tarief unless `component` says otherwise. */
const aanbod = (over: Record<string, unknown> = {}, component: Record<string, unknown> = {}) =>
  gedeeldAanbod("ab_thuiszorg_achterhoek", "01", over, {
    prijsPerEenheidCent: T01 + 1000,
    ...component,
  });

async function dienIn(email: string, hulpvraagId: string, body: unknown) {
  return server.api("POST", `/api/v1/requests/${hulpvraagId}/offers`, { token: await server.token(email), body });
}

/** A refusal with its rule code and field, a 4xx status, and no change in any domain table. */
async function geweigerd(verzoek: () => Promise<{ status: number; body: any }>, code: string, veld?: string) {
  const r = await geweigerdZonderWijziging(sql, verzoek, code, veld);
  assert.ok(r.status >= 400 && r.status < 500);
  return r;
}

describe("regels bij indienen", () => {
  it("accepteert een aanbod dat aan alle regels voldoet, met totaalprijs over de periode", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const r = await dienIn(THUISZORG, id, aanbod());
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.status, "ingediend");
    assert.equal(r.body.prijsPerMaandCent, T01 + 1000);
    assert.equal(r.body.totaalCent, (T01 + 1000) * 12);
    assert.deepEqual(
      (({ productcode, productcategorie, uitvoeringsvariant, omvang, eenheid, frequentie, prijsPerEenheidCent }) => ({
        productcode,
        productcategorie,
        uitvoeringsvariant,
        omvang,
        eenheid,
        frequentie,
        prijsPerEenheidCent,
      }))(r.body.componenten[0]),
      {
        productcode: CODE.huishoudenMaand,
        productcategorie: "01",
        uitvoeringsvariant: "outputgericht",
        omvang: 1,
        eenheid: "82",
        frequentie: "4",
        prijsPerEenheidCent: T01 + 1000,
      },
      "het onderdeel draagt de code, haar variant en eenheid, en de prijs per eenheid",
    );
    const dubbel = await geweigerd(() => dienIn(THUISZORG, id, aanbod()), "invalid_input", "hulpvraagId");
    assert.match(dubbel.body.error.details[0].message, /al een aanbod/);
  });

  it("not_contracted: een onderdeel in een categorie zonder contract", async () => {
    const id = await gepubliceerdeHulpvraag(server, { productcategorieen: ["01", "02"] });
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({}, { productcode: CODE.begeleidingMaand, prijsPerEenheidCent: T02 })),
      "not_contracted",
      "componenten.0.aanbiederId",
    );
  });

  it("outside_contract_period: een arrangement dat na het contract doorloopt", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({ einddatum: "2029-06-30" })),
      "outside_contract_period",
      "einddatum",
    );
  });

  it("below_floor_tariff: onder het reële tarief per eenheid van de productcode, per stuk en per uur", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const r = await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({}, { prijsPerEenheidCent: T01 - 1 })),
      "below_floor_tariff",
      "componenten.0.prijsPerEenheidCent",
    );
    assert.match(r.body.error.details[0].message, /minimaal €\s415,00 per stuk/);
    // The hourly code: the floor is its tariff per hour, however many hours (a high monthly total does not help).
    const perUur = await geweigerd(
      () =>
        dienIn(
          THUISZORG,
          id,
          aanbod(
            {},
            { productcode: CODE.huishoudenUur, omvang: 10, prijsPerEenheidCent: tariefVan(CODE.huishoudenUur) - 1 },
          ),
        ),
      "below_floor_tariff",
      "componenten.0.prijsPerEenheidCent",
    );
    assert.match(perUur.body.error.details[0].message, /minimaal €\s33,50 per uur/);
  });

  it("below_floor_tariff: de pagina toont precies het tarief per eenheid dat de server afdwingt", async () => {
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["02"],
      resultaten: [{ code: "regie_financien", toelichting: "Grip op post en geld." }],
    });
    const { cookie } = await webInloggen(server, WELZIJN);
    // As a reader sees it: without React's text separators, non-breaking spaces as spaces.
    const gewoon = (t: string) => t.replaceAll("<!-- -->", "").replaceAll("\u00a0", " ");
    const tekst = async (r: Response) => gewoon(await r.text());
    // Before anything is typed: every code of the asked category with its unit and floor.
    const leeg = await tekst(await fetch(`${server.url}/aanbieder/hulpvragen/${id}`, { headers: { cookie: cookie! } }));
    assert.match(
      leeg,
      /02W02 Begeleiding individueel per uur \(inspanningsgericht\): omvang in uur per week, minimaal € 68,00 per uur/,
    );
    assert.doesNotMatch(leeg, /01W01/, "alleen codes van de gevraagde categorieën");

    // 2 hours a week at € 67,99 an hour: one cent under the code's tariff.
    const start = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
    const eind = new Date(Date.parse(start) + 364 * 86400_000).toISOString().slice(0, 10);
    const velden = {
      _actie: "indienen",
      aantalComponenten: "1",
      "componenten.0.aanbiederId": "ab_welzijn_winterswijk",
      "componenten.0.productcode": CODE.begeleidingUur,
      "componenten.0.omschrijving": "Elke week samen de post doornemen.",
      "componenten.0.resultaten": "regie_financien",
      "componenten.0.omvang": "2",
      "componenten.0.prijsPerEenheidCent": "67,99",
      startdatum: start,
      einddatum: eind,
      cao: "sociaal_werk",
      dienstverband: "loondienst",
      samenvatting: "Een vaste begeleider helpt u met post en geld.",
    };
    const pagina = await geweigerdZonderWijziging(
      sql,
      async () => {
        const r = await formulier(server, `/aanbieder/hulpvragen/${id}`, velden, { cookie: cookie! });
        const html = await tekst(r);
        assert.equal(r.status, 422, html.slice(0, 300));
        assert.match(html, /onder het reële tarief/);
        return { status: r.status, body: { error: { code: "below_floor_tariff", message: "", details: [] }, html } };
      },
      "below_floor_tariff",
    );
    const opPagina = /data-testid="vloer-02W02">[^<]*: minimaal (€ [\d.,]+ per uur)/.exec(pagina.body.html)?.[1];
    assert.equal(opPagina, "€ 68,00 per uur");

    const api = await geweigerd(
      async () =>
        server.api("POST", `/api/v1/requests/${id}/offers`, {
          token: await server.token(WELZIJN),
          body: gedeeldAanbod(
            "ab_welzijn_winterswijk",
            "02",
            {},
            { productcode: CODE.begeleidingUur, omvang: 2, prijsPerEenheidCent: 6799 },
          ),
        }),
      "below_floor_tariff",
      "componenten.0.prijsPerEenheidCent",
    );
    const melding = gewoon(api.body.error.details[0].message);
    const inWeigering = /is minimaal (€ [\d.,]+ per uur)/.exec(melding)?.[1];
    assert.equal(inWeigering, opPagina, "de pagina en de weigering noemen hetzelfde getal");
    // At exactly that number the offer is accepted; the monthly price is derived: 2 × € 68,00 × 52 ÷ 12.
    const precies = await server.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await server.token(WELZIJN),
      body: gedeeldAanbod(
        "ab_welzijn_winterswijk",
        "02",
        {},
        { productcode: CODE.begeleidingUur, omvang: 2, prijsPerEenheidCent: 6800 },
      ),
    });
    assert.equal(precies.status, 201, precies.text);
    assert.equal(precies.body.prijsPerMaandCent, 58_933);
  });

  it("above_budget: duurder dan het plafond van de hulpvraag", async () => {
    const id = await gepubliceerdeHulpvraag(server, { budgetPerMaandCent: T01 + 500 });
    await geweigerd(() => dienIn(THUISZORG, id, aanbod()), "above_budget", "componenten");
    const binnen = await dienIn(THUISZORG, id, aanbod({}, { prijsPerEenheidCent: T01 + 500 }));
    assert.equal(binnen.status, 201);
  });

  it("staffing_not_allowed: nooit alfahulp, zzp alleen als het regelboek het toestaat", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({ dienstverband: "alfahulp" })),
      "staffing_not_allowed",
      "dienstverband",
    );
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({ dienstverband: "zzp" })),
      "staffing_not_allowed",
      "dienstverband",
    );
    const beheerder = await server.token("beheerder@winterswijk.demo");
    assert.equal(
      (await server.api("POST", "/api/v1/rulebook", { token: beheerder, body: { zzpToegestaan: true } })).status,
      200,
    );
    try {
      assert.equal((await dienIn(THUISZORG, id, aanbod({ dienstverband: "zzp" }))).status, 201);
    } finally {
      await server.api("POST", "/api/v1/rulebook", { token: beheerder, body: { zzpToegestaan: false } });
    }
  });

  it("staff_transfer_required: de cliënt wil de huidige hulpverlener houden", async () => {
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["02"],
      resultaten: [{ code: "regie_financien", toelichting: "Overzicht over post en rekeningen." }],
      huidigeZorg: { aanbiederId: "ab_welzijn_winterswijk", hulpverlenerRol: "Persoonlijk begeleider", behouden: true },
    });
    const begeleiding = aanbod(
      { cao: "sociaal_werk" },
      {
        aanbiederId: "ab_begeleiding_oost",
        productcode: CODE.begeleidingMaand,
        resultaten: ["regie_financien"],
        prijsPerEenheidCent: T02,
      },
    );
    await geweigerd(() => dienIn(BEGELEIDING, id, begeleiding), "staff_transfer_required", "overnameHulpverlener");
    assert.equal((await dienIn(BEGELEIDING, id, { ...begeleiding, overnameHulpverlener: true })).status, 201);
    // The current provider itself needs no takeover commitment.
    const eigen = aanbod(
      { cao: "sociaal_werk" },
      {
        aanbiederId: "ab_welzijn_winterswijk",
        productcode: CODE.begeleidingMaand,
        resultaten: ["regie_financien"],
        prijsPerEenheidCent: T02,
      },
    );
    assert.equal((await dienIn(WELZIJN, id, eigen)).status, 201);
  });

  it("invalid_input: ontbrekende en verkeerde velden, met het veld erbij", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({}, { prijsPerEenheidCent: "veel" })),
      "invalid_input",
      "componenten.0.prijsPerEenheidCent",
    );
    await geweigerd(() => dienIn(THUISZORG, id, aanbod({ einddatum: "2020-01-01" })), "invalid_input", "einddatum");
    await geweigerd(
      () => dienIn(THUISZORG, id, aanbod({}, { resultaten: ["dagbesteding"] })),
      "invalid_input",
      "componenten.0.resultaten.0",
    );
    await geweigerd(() => dienIn(THUISZORG, id, { ...aanbod(), geheim: true }), "invalid_input");
  });
});

describe("termijn en status (regel 6)", () => {
  it("deadline_passed na de deadline, request_not_open na intrekken; herzien en intrekken ook", async () => {
    const id = await gepubliceerdeHulpvraag(server, { deadline: new Date(Date.now() + 2000).toISOString() });
    const a = await dienIn(THUISZORG, id, aanbod());
    assert.equal(a.status, 201);
    const token = await server.token(THUISZORG);
    // Past the deadline the server clock closes the request; wait for that so nothing moves during the checks.
    for (
      let i = 0;
      i < 50 && (await server.api("GET", `/api/v1/requests/${id}`, { token })).body.status !== "beoordeling";
      i++
    )
      await pauze(100);
    await geweigerd(
      () =>
        server.api("PUT", `/api/v1/offers/${a.body.id}`, { token, body: aanbod({}, { prijsPerEenheidCent: 50000 }) }),
      "deadline_passed",
    );
    await geweigerd(() => server.api("POST", `/api/v1/offers/${a.body.id}/withdraw`, { token }), "deadline_passed");
    await geweigerd(() => dienIn(BEGELEIDING, id, aanbod({ consortiumId: "co_samen_thuis" })), "deadline_passed");

    const ander = await gepubliceerdeHulpvraag(server);
    await server.api("POST", `/api/v1/requests/${ander}/withdraw`, {
      token: await server.token(CONSULENT),
      body: { reden: "Cliënt is verhuisd." },
    });
    await geweigerd(() => dienIn(THUISZORG, ander, aanbod()), "request_not_open");
  });
});

describe("consortium (regel 1 per lid)", () => {
  it("toetst elk onderdeel aan het contract van het lid dat het levert; alle leden zien het aanbod", async () => {
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "" },
        { code: "regie_financien", toelichting: "" },
      ],
    });
    const samen = (leverancierVan01: string) =>
      aanbod({ consortiumId: "co_samen_thuis", cao: "vvt" }, { aanbiederId: leverancierVan01 });
    const tweede = {
      aanbiederId: "ab_begeleiding_oost",
      productcode: CODE.begeleidingMaand,
      omschrijving: "Wekelijks gesprek over post en geld.",
      resultaten: ["regie_financien"],
      omvang: 1,
      prijsPerEenheidCent: T02,
    };

    // Begeleiding Oost has no contract for 01; the member Thuiszorg Achterhoek has.
    await geweigerd(
      () =>
        dienIn(BEGELEIDING, id, {
          ...samen("ab_begeleiding_oost"),
          componenten: [samen("ab_begeleiding_oost").componenten[0], tweede],
        }),
      "not_contracted",
      "componenten.0.aanbiederId",
    );
    // Only the penvoerder submits for the consortium.
    await geweigerd(() => dienIn(THUISZORG, id, samen("ab_thuiszorg_achterhoek")), "invalid_input", "consortiumId");
    // A non-member cannot deliver a component.
    await geweigerd(
      () => dienIn(BEGELEIDING, id, { ...samen("ab_welzijn_winterswijk") }),
      "invalid_input",
      "componenten.0.aanbiederId",
    );

    const goed = await dienIn(BEGELEIDING, id, {
      ...samen("ab_thuiszorg_achterhoek"),
      componenten: [samen("ab_thuiszorg_achterhoek").componenten[0], tweede],
    });
    assert.equal(goed.status, 201, goed.text);
    assert.equal(goed.body.consortiumNaam, "Samen Thuis Achterhoek");

    const lid = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(THUISZORG) });
    assert.deepEqual(
      lid.body.items.map((a: { id: string }) => a.id),
      [goed.body.id],
      "het lid ziet het consortiumaanbod",
    );
    const herzienDoorLid = await server.api("PUT", `/api/v1/offers/${goed.body.id}`, {
      token: await server.token(THUISZORG),
      body: samen("ab_thuiszorg_achterhoek"),
    });
    assert.equal(herzienDoorLid.status, 404, "alleen de penvoerder herziet");
  });
});

describe("verzegeld en live", () => {
  it("een aanbieder ziet alleen het eigen aanbod, nergens het aantal of de inhoud van een ander", async () => {
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "" },
        { code: "regie_financien", toelichting: "" },
      ],
    });
    const thuiszorgLuistert = await luisteraar(server, THUISZORG);
    const welzijnLuistert = await luisteraar(server, WELZIJN);
    const consulentLuistert = await luisteraar(server, CONSULENT);

    const eerste = await dienIn(THUISZORG, id, aanbod());
    const tweede = await dienIn(
      WELZIJN,
      id,
      aanbod(
        { cao: "sociaal_werk" },
        {
          aanbiederId: "ab_welzijn_winterswijk",
          productcode: CODE.begeleidingMaand,
          resultaten: ["regie_financien"],
          prijsPerEenheidCent: T02,
        },
      ),
    );
    assert.equal(eerste.status, 201);
    assert.equal(tweede.status, 201);

    await consulentLuistert.wacht("offer:created", (p) => p.aanbieding.id === tweede.body.id);
    await thuiszorgLuistert.wacht("offer:created", (p) => p.aanbieding.id === eerste.body.id);
    await pauze(300);
    assert.equal(
      thuiszorgLuistert.events.some((e) => JSON.stringify(e).includes(tweede.body.id)),
      false,
      "geen live bericht over het aanbod van een concurrent",
    );
    assert.equal(
      welzijnLuistert.events.some((e) => JSON.stringify(e).includes(eerste.body.id)),
      false,
    );

    const eigen = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(THUISZORG) });
    assert.deepEqual(
      eigen.body.items.map((a: { id: string }) => a.id),
      [eerste.body.id],
    );
    assert.equal(
      (await server.api("GET", `/api/v1/offers/${tweede.body.id}`, { token: await server.token(THUISZORG) })).status,
      404,
    );
    const gemeente = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(CONSULENT) });
    assert.equal(gemeente.body.items.length, 2);
    assert.equal(
      (await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(CONSULENT_AALTEN) }))
        .status,
      404,
    );
    for (const l of [thuiszorgLuistert, welzijnLuistert, consulentLuistert]) l.sluit();
  });

  it("een herziening vervangt het aanbod, bewaart de vorige versie en gaat live naar de consulent", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const consulent = await luisteraar(server, CONSULENT);
    const a = await dienIn(THUISZORG, id, aanbod());
    const token = await server.token(THUISZORG);
    const herzien = await server.api("PUT", `/api/v1/offers/${a.body.id}`, {
      token,
      body: aanbod({}, { prijsPerEenheidCent: 45000 }),
    });
    assert.equal(herzien.status, 200, herzien.text);
    assert.equal(herzien.body.versie, 2);
    const event = await consulent.wacht("offer:revised", (p) => p.aanbieding.id === a.body.id);
    const herzieneAanbieding = event.payload.aanbieding;
    assert.ok("prijsPerMaandCent" in herzieneAanbieding, "de consulent hoort de prijs");
    assert.equal(herzieneAanbieding.prijsPerMaandCent, 45000);
    const versies = await server.api("GET", `/api/v1/offers/${a.body.id}/versions`, { token });
    assert.deepEqual(
      versies.body.items.map((v: { versie: number; inhoud: { prijsPerMaandCent: number } }) => [
        v.versie,
        v.inhoud.prijsPerMaandCent,
      ]),
      [
        [1, T01 + 1000],
        [2, 45000],
      ],
    );

    const ingetrokken = await server.api("POST", `/api/v1/offers/${a.body.id}/withdraw`, { token });
    assert.equal(ingetrokken.body.status, "ingetrokken");
    await consulent.wacht("offer:withdrawn", (p) => p.aanbieding.id === a.body.id);
    consulent.sluit();
  });
});

describe("markt en contracten (regel 2, tariefhistorie)", () => {
  it("weigert te korte contracten en te late gunning; een geldig contract wordt opgeslagen", async () => {
    const token = await server.token("beheerder@winterswijk.demo");
    // Dates from today: the server measures the lead time from the day of registration too.
    const dag = (dagen: number) => new Date(Date.now() + dagen * 86400_000).toISOString().slice(0, 10);
    const contract = (over: Record<string, unknown>) => ({
      aanbiederId: "ab_zorgbureau_nieuw",
      productcategorieen: ["01"],
      startdatum: dag(200),
      einddatum: dag(200 + 4 * 365),
      gegundOp: dag(-30),
      ...over,
    });
    await geweigerd(
      () => server.api("POST", "/api/v1/contracts", { token, body: contract({ einddatum: dag(200 + 365) }) }),
      "contract_too_short",
      "einddatum",
    );
    await geweigerd(
      () => server.api("POST", "/api/v1/contracts", { token, body: contract({ gegundOp: dag(150) }) }),
      "invalid_input",
      "gegundOp",
    );
    await geweigerd(
      () =>
        server.api("POST", "/api/v1/contracts", { token, body: contract({ startdatum: dag(30), gegundOp: dag(-30) }) }),
      "award_lead_time",
      "gegundOp",
    );
    const consulent = await server.token(CONSULENT);
    await geweigerd(
      () => server.api("POST", "/api/v1/contracts", { token: consulent, body: contract({}) }),
      "forbidden",
    );
    const r = await server.api("POST", "/api/v1/contracts", { token, body: contract({}) });
    assert.equal(r.status, 201, r.text);
    assert.equal(
      r.body.geregistreerdOp,
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date()),
    );
  });

  it("award_lead_time: een teruggedateerde gunningsdatum verkort de voorbereidingstijd niet; corrigeren kan alleen met een reden, in het audittrail", async () => {
    const token = await server.token("beheerder@winterswijk.demo");
    const dag = (dagen: number) => new Date(Date.now() + dagen * 86400_000).toISOString().slice(0, 10);
    // Awarded "a year ago" on paper, starting in a month: the old check (gegundOp + 3 months) passed this.
    const terug = await geweigerd(
      () =>
        server.api("POST", "/api/v1/contracts", {
          token,
          body: {
            aanbiederId: "ab_zorgbureau_nieuw",
            productcategorieen: ["04"],
            startdatum: dag(30),
            einddatum: dag(30 + 4 * 365),
            gegundOp: dag(-365),
          },
        }),
      "award_lead_time",
      "startdatum",
    );
    assert.match(terug.body.error.details[0].message, /geregistreerd/);

    const c = await server.api("POST", "/api/v1/contracts", {
      token,
      body: {
        aanbiederId: "ab_zorgbureau_nieuw",
        productcategorieen: ["04"],
        startdatum: dag(200),
        einddatum: dag(200 + 4 * 365),
        gegundOp: dag(-10),
      },
    });
    assert.equal(c.status, 201, c.text);
    const pad = `/api/v1/contracts/${c.body.id}`;
    await geweigerd(
      () => server.api("PATCH", pad, { token, body: { einddatum: dag(200 + 5 * 365) } }),
      "invalid_input",
      "reden",
    );
    await geweigerd(
      () =>
        server.api("PATCH", pad, {
          token,
          body: { startdatum: dag(40), gegundOp: dag(-200), reden: "Start naar voren, gunning teruggedateerd." },
        }),
      "award_lead_time",
      "startdatum",
    );
    await geweigerd(
      async () =>
        server.api("PATCH", pad, {
          token: await server.token(CONSULENT),
          body: { einddatum: dag(200 + 5 * 365), reden: "Verlengd." },
        }),
      "forbidden",
    );
    await geweigerd(
      async () =>
        server.api("PATCH", pad, {
          token: await server.token("beheerder@aalten.demo"),
          body: { einddatum: dag(200 + 5 * 365), reden: "Verlengd." },
        }),
      "not_found",
    );
    const goed = await server.api("PATCH", pad, {
      token,
      body: { einddatum: dag(200 + 5 * 365), reden: "Verlengd met een jaar na de evaluatie." },
    });
    assert.equal(goed.status, 200, goed.text);
    assert.equal(goed.body.einddatum, dag(200 + 5 * 365));
    assert.equal(goed.body.geregistreerdOp, c.body.geregistreerdOp, "de dag van registratie verandert nooit");
    const [audit] =
      await sql`select voor, na from audit_log where entiteit_id = ${c.body.id} and actie = 'contract.gecorrigeerd'`;
    assert.equal(audit.na.reden, "Verlengd met een jaar na de evaluatie.");
    assert.equal(audit.voor.einddatum, c.body.einddatum);
  });

  it("een nieuw tarief verandert niet waartegen een eerder aanbod is getoetst", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const a = await dienIn(THUISZORG, id, aanbod());
    const beheerder = await server.token("beheerder@winterswijk.demo");
    const vandaag = new Date().toISOString().slice(0, 10);
    const t = await server.api("POST", "/api/v1/productcodes", {
      token: beheerder,
      body: {
        code: CODE.huishoudenMaand,
        tariefPerEenheidCent: 60000,
        geldigVanaf: vandaag,
        reden: "Nieuwe cao Huishoudelijke Hulp per vandaag.",
      },
    });
    assert.equal(t.status, 201, t.text);
    const [rij] = await sql`select componenten from aanbiedingen where id = ${a.body.id}`;
    assert.equal(rij.componenten[0].reeelTariefCent, T01, "het aanbod bewaart het tarief waartegen het is getoetst");
    const lijst = await server.api("GET", "/api/v1/productcodes", { token: beheerder });
    const code = lijst.body.items.find((x: { code: string }) => x.code === CODE.huishoudenMaand);
    assert.equal(code.tariefPerEenheidCent, 60000, "het nieuwe tarief geldt vandaag");
    assert.deepEqual(
      code.historie.map((h: { tariefPerEenheidCent: number }) => h.tariefPerEenheidCent),
      [60000, T01],
      "het oude tarief blijft in de historie",
    );
    // From now on the new floor applies to new offers.
    const id2 = await gepubliceerdeHulpvraag(server);
    await geweigerd(() => dienIn(THUISZORG, id2, aanbod()), "below_floor_tariff");
  });

  it("role_conflict: dezelfde persoon niet toezichthouder én beheerder van één gemeente", async () => {
    const token = await server.token("beheerder@winterswijk.demo");
    const persoon = { email: "j.jansen@winterswijk.demo", naam: "Jan Jansen", password: "een-lang-wachtwoord" };
    assert.equal(
      (await server.api("POST", "/api/v1/users", { token, body: { ...persoon, rol: "toezichthouder" } })).status,
      201,
    );
    await geweigerd(
      () => server.api("POST", "/api/v1/users", { token, body: { ...persoon, rol: "beheerder" } }),
      "role_conflict",
      "rol",
    );
  });

  it("role_conflict per persoon: hetzelfde personeelsnummer met een ander e-mailadres, ook bij een rolwijziging", async () => {
    const token = await server.token("beheerder@winterswijk.demo");
    const wachtwoord = "een-lang-wachtwoord";
    const t = await server.api("POST", "/api/v1/users", {
      token,
      body: {
        email: "p.pieters@winterswijk.demo",
        naam: "Piet Pieters",
        rol: "toezichthouder",
        personeelsnummer: "WW-1001",
        password: wachtwoord,
      },
    });
    assert.equal(t.status, 201, t.text);
    assert.equal(t.body.personeelsnummer, "WW-1001");
    // Another address of the same person: refused as beheerder, by the personnel number.
    const r = await geweigerd(
      () =>
        server.api("POST", "/api/v1/users", {
          token,
          body: {
            email: "piet.prive@winterswijk.demo",
            naam: "Piet Pieters",
            rol: "beheerder",
            personeelsnummer: "WW-1001",
            password: wachtwoord,
          },
        }),
      "role_conflict",
      "rol",
    );
    assert.match(r.body.error.details[0].message, /WW-1001/);
    // As consulent the second account is fine; making it beheerder later is refused the same way.
    const c = await server.api("POST", "/api/v1/users", {
      token,
      body: {
        email: "piet.prive@winterswijk.demo",
        naam: "Piet Pieters",
        rol: "consulent",
        personeelsnummer: "WW-1001",
        password: wachtwoord,
      },
    });
    assert.equal(c.status, 201, c.text);
    await geweigerd(
      () => server.api("PATCH", `/api/v1/users/${c.body.id}`, { token, body: { rol: "beheerder" } }),
      "role_conflict",
      "rol",
    );
    // The same number in another gemeente is another person.
    const aalten = await server.api("POST", "/api/v1/users", {
      token: await server.token("beheerder@aalten.demo"),
      body: {
        email: "beheer2@aalten.demo",
        naam: "Bert Beheer",
        rol: "beheerder",
        personeelsnummer: "WW-1001",
        password: wachtwoord,
      },
    });
    assert.equal(aalten.status, 201, aalten.text);
  });
});
