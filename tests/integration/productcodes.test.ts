/**
 * The gemeente's productcodelijst (issue 14, item 1) through the real server: the list per
 * gemeente and per contracted aanbieder, a new code and a new tariff as history, the variant's
 * eenheid and frequentie, and offers that must name a code of the request's gemeente that their
 * contract names, in that code's eenheid. Every refusal changes nothing.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { gepubliceerdeHulpvraag } from "../support/fabriek";
import {
  BEHEERDER,
  BEHEERDER_AALTEN,
  CODE,
  CONSULENT,
  THUISZORG,
  WELZIJN,
  ZONDER_CONTRACT,
  tariefVan,
} from "../support/demo";
import { aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

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

const vandaag = () => new Date().toISOString().slice(0, 10);
const lijst = async (email: string) => {
  const r = await server.api("GET", "/api/v1/productcodes", { token: await server.token(email) });
  assert.equal(r.status, 200, r.text);
  return r.body.items as {
    code: string;
    gemeenteId: string;
    productcategorie: string;
    uitvoeringsvariant: string;
    eenheid: string;
    frequentie: string;
    tariefPerEenheidCent: number | null;
    historie: { tariefPerEenheidCent: number; geldigVanaf: string; reden: string }[];
  }[];
};
const post = async (email: string, body: unknown) =>
  server.api("POST", "/api/v1/productcodes", { token: await server.token(email), body });

describe("de productcodelijst", () => {
  it("de gemeente leest haar eigen lijst; elke variant staat erop met de eenheid en frequentie die erbij horen", async () => {
    const codes = await lijst(CONSULENT);
    assert.ok(codes.length >= 20);
    assert.ok(codes.every((c) => c.gemeenteId === "winterswijk"));
    assert.deepEqual(
      new Set(codes.map((c) => c.uitvoeringsvariant)),
      new Set(["inspanningsgericht", "outputgericht", "taakgericht"]),
    );
    for (const c of codes) {
      if (c.uitvoeringsvariant === "outputgericht") assert.deepEqual([c.eenheid, c.frequentie], ["82", "4"], c.code);
      if (c.uitvoeringsvariant === "taakgericht") assert.deepEqual([c.eenheid, c.frequentie], ["83", "4"], c.code);
      if (c.uitvoeringsvariant === "inspanningsgericht")
        assert.ok(["01", "04", "14", "16", "84"].includes(c.eenheid), c.code);
    }
    const uur = codes.find((c) => c.code === CODE.begeleidingUur)!;
    assert.deepEqual([uur.eenheid, uur.frequentie, uur.tariefPerEenheidCent], ["04", "2", 6800]);
    // Several codes per category, for every category 01–10.
    for (const cat of ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"])
      assert.ok(codes.filter((c) => c.productcategorie === cat).length >= 2, cat);
  });

  it("een aanbieder leest de lijsten van de gemeenten waarmee hij een contract heeft; zonder contract geen", async () => {
    const codes = await lijst(THUISZORG);
    assert.deepEqual([...new Set(codes.map((c) => c.gemeenteId))].sort(), ["aalten", "winterswijk"]);
    assert.ok(codes.some((c) => c.code === CODE.huishoudenAalten));
    assert.deepEqual(await lijst(ZONDER_CONTRACT), []);
  });

  it("een nieuwe code en een nieuw tarief: historie met reden, in het audittrail; de lijst van een andere gemeente verandert niet", async () => {
    const nieuw = await post(BEHEERDER, {
      code: "06w09",
      productcategorie: "06",
      omschrijving: "Thuisadministratie per uur",
      uitvoeringsvariant: "inspanningsgericht",
      eenheid: "04",
      frequentie: "2",
      tariefPerEenheidCent: 5900,
      geldigVanaf: "2025-01-01",
      reden: "Kostprijsonderzoek 2024.",
    });
    assert.equal(nieuw.status, 201, nieuw.text);
    assert.equal(nieuw.body.code, "06W09", "codes in hoofdletters, zoals iWmo ze schrijft");
    const tarief = await post(BEHEERDER, {
      code: "06W09",
      tariefPerEenheidCent: 6100,
      geldigVanaf: vandaag(),
      reden: "Cao-verhoging per vandaag.",
    });
    assert.equal(tarief.status, 201, tarief.text);
    const code = (await lijst(BEHEERDER)).find((c) => c.code === "06W09")!;
    assert.equal(code.tariefPerEenheidCent, 6100);
    assert.deepEqual(
      code.historie.map((h) => [h.tariefPerEenheidCent, h.reden]),
      [
        [6100, "Cao-verhoging per vandaag."],
        [5900, "Kostprijsonderzoek 2024."],
      ],
    );
    const audit = await sql`select actie from audit_log where entiteit = 'productcode' order by at`;
    assert.deepEqual(
      audit.map((a) => a.actie),
      ["productcode.aangemaakt", "productcode.tarief"],
    );
    assert.equal(
      (await lijst(BEHEERDER_AALTEN)).some((c) => c.code === "06W09"),
      false,
    );
  });

  it("weigert een eenheid of frequentie die niet bij de variant past, een gewijzigde bestaande code, en onvolledige invoer", async () => {
    const basis = {
      code: "01W09",
      productcategorie: "01",
      omschrijving: "Huishouden als resultaat",
      uitvoeringsvariant: "outputgericht",
      eenheid: "04",
      frequentie: "2",
      tariefPerEenheidCent: 40000,
      geldigVanaf: "2025-01-01",
      reden: "Kostprijsonderzoek 2024.",
    };
    await geweigerd(sql, () => post(BEHEERDER, basis), "wrong_unit", "eenheid");
    await geweigerd(sql, () => post(BEHEERDER, { ...basis, eenheid: "82" }), "wrong_unit", "frequentie");
    await geweigerd(
      sql,
      () => post(BEHEERDER, { ...basis, uitvoeringsvariant: "taakgericht", eenheid: "82", frequentie: "4" }),
      "wrong_unit",
      "eenheid",
    );
    await geweigerd(
      sql,
      () =>
        post(BEHEERDER, {
          code: CODE.huishoudenMaand,
          uitvoeringsvariant: "inspanningsgericht",
          tariefPerEenheidCent: 42000,
          geldigVanaf: vandaag(),
          reden: "Andere variant.",
        }),
      "productcode_exists",
      "uitvoeringsvariant",
    );
    await geweigerd(
      sql,
      () =>
        post(BEHEERDER, { code: "07W09", tariefPerEenheidCent: 100, geldigVanaf: vandaag(), reden: "Geen kenmerken." }),
      "invalid_input",
      "productcategorie",
    );
    await geweigerd(sql, () => post(BEHEERDER, { ...basis, code: "TE-LANG" }), "invalid_input", "code");
    await geweigerd(
      sql,
      () => post(BEHEERDER, { ...basis, eenheid: "82", frequentie: "4", reden: "" }),
      "invalid_input",
      "reden",
    );
  });

  it("alleen de beheerder van de eigen gemeente: aanbieders en consulenten niet; Aalten wijzigt niets van Winterswijk", async () => {
    const tarief = {
      code: CODE.huishoudenMaand,
      tariefPerEenheidCent: 1,
      geldigVanaf: vandaag(),
      reden: "Poging van buiten.",
    };
    await geweigerd(sql, () => post(THUISZORG, tarief), "forbidden");
    await geweigerd(sql, () => post(CONSULENT, tarief), "forbidden");
    // Aalten's beheerder names Winterswijk's code: that is a new code on Aalten's own list, never Winterswijk's tariff.
    const r = await post(BEHEERDER_AALTEN, {
      ...tarief,
      productcategorie: "01",
      omschrijving: "Eigen code van Aalten",
      uitvoeringsvariant: "outputgericht",
      eenheid: "82",
      frequentie: "4",
      tariefPerEenheidCent: 40000,
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.gemeenteId, "aalten");
    const winterswijk = (await lijst(BEHEERDER)).find((c) => c.code === CODE.huishoudenMaand)!;
    assert.equal(winterswijk.tariefPerEenheidCent, tariefVan(CODE.huishoudenMaand));
    assert.equal(winterswijk.historie.length, 1);
  });
});

describe("aanbod met een productcode", () => {
  it("weigert een code van een andere gemeente, een code die het contract niet noemt, en een andere eenheid; niets opgeslagen", async () => {
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "Een schoon huis." },
        { code: "regie_financien", toelichting: "Grip op post en geld." },
      ],
    });
    const dien = async (email: string, body: unknown) =>
      server.api("POST", `/api/v1/requests/${id}/offers`, { token: await server.token(email), body });
    const r1 = await geweigerd(
      sql,
      () => dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { productcode: CODE.huishoudenAalten })),
      "unknown_productcode",
      "componenten.0.productcode",
    );
    assert.match(r1.body.error.details[0].message, /niet op de productcodelijst van de gemeente van deze hulpvraag/);
    await geweigerd(
      sql,
      () => dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { productcode: "99X99" })),
      "unknown_productcode",
      "componenten.0.productcode",
    );
    // Welzijn Winterswijk is contracted for 02, but its contract does not name the specialist code.
    const r2 = await geweigerd(
      sql,
      () =>
        dien(
          WELZIJN,
          aanbod(
            "ab_welzijn_winterswijk",
            "02",
            {},
            {
              productcode: CODE.begeleidingSpecialistisch,
              omvang: 2,
              prijsPerEenheidCent: 9000,
            },
          ),
        ),
      "product_not_contracted",
      "componenten.0.productcode",
    );
    assert.match(r2.body.error.details[0].message, /noemt productcode 02W03 niet/);
    // The monthly code is counted in stuks per maand, not in hours per week.
    await geweigerd(
      sql,
      () => dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { eenheid: "04" })),
      "wrong_unit",
      "componenten.0.eenheid",
    );
    await geweigerd(
      sql,
      () => dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { frequentie: "2" })),
      "wrong_unit",
      "componenten.0.frequentie",
    );
    await geweigerd(
      sql,
      () => dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { omvang: 1.5 })),
      "invalid_input",
      "componenten.0.omvang",
    );
    // The same offer with its own code and unit is accepted.
    const goed = await dien(THUISZORG, aanbod("ab_thuiszorg_achterhoek", "01", {}, { eenheid: "82", frequentie: "4" }));
    assert.equal(goed.status, 201, goed.text);
  });

  it("een code die niet meer actief is kan geen aanbod meer dragen; weer actief kan het wel", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const dien = async () =>
      server.api("POST", `/api/v1/requests/${id}/offers`, {
        token: await server.token(THUISZORG),
        body: aanbod("ab_thuiszorg_achterhoek", "01"),
      });
    const uit = await post(BEHEERDER, { code: CODE.huishoudenMaand, actief: false });
    assert.equal(uit.status, 201, uit.text);
    assert.equal(uit.body.tarief, null, "alleen de stand verandert, geen nieuw tarief");
    const r = await geweigerd(sql, dien, "unknown_productcode", "componenten.0.productcode");
    assert.match(r.body.error.details[0].message, /niet meer actief/);
    // Only a tariff or a state change counts: a post that changes nothing needs a tariff.
    await geweigerd(
      sql,
      () => post(BEHEERDER, { code: CODE.huishoudenMaand }),
      "invalid_input",
      "tariefPerEenheidCent",
    );
    assert.equal((await post(BEHEERDER, { code: CODE.huishoudenMaand, actief: true })).status, 201);
    assert.equal((await dien()).status, 201);
    const [audit] = await sql`select count(*)::int as n from audit_log where actie = 'productcode.actief'`;
    assert.equal(audit.n, 2);
  });

  it("de toewijzing draagt de code, de variant, het tarief per eenheid en omvang of budget zoals de variant vraagt", async () => {
    // Begeleiding Oost (02) offers hours; Thuiszorg the monthly result (01) in a consortium offer.
    const body = aanbod("ab_thuiszorg_achterhoek", "01", { consortiumId: "co_samen_thuis", cao: "vvt" }, {});
    (body.componenten as unknown[]).push({
      aanbiederId: "ab_begeleiding_oost",
      productcode: CODE.begeleidingUur,
      omschrijving: "Twee uur per week begeleiding thuis.",
      resultaten: ["regie_financien"],
      omvang: 2,
      prijsPerEenheidCent: 7000,
    });
    const { id, offers } = await rondeInBeoordeling(server, [{ email: "planning@begeleiding-oost.demo", body }]);
    const consulent = await server.token(CONSULENT);
    for (const token of [await clientToken(server, id), consulent]) {
      const keuze = await server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId: offers[0] } });
      assert.ok(keuze.status < 300, keuze.text);
    }
    const gunning = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
    assert.ok(gunning.status < 300, gunning.text);
    const [t] = await sql`select inhoud from toewijzingen where hulpvraag_id = ${id}`;
    const [maand, uur] = t.inhoud.componenten;
    assert.deepEqual(
      {
        code: maand.productcode,
        variant: maand.uitvoeringsvariant,
        tarief: maand.tariefPerEenheidCent,
        volume: maand.volume,
        budget: maand.budgetCent,
      },
      {
        code: CODE.huishoudenMaand,
        variant: "outputgericht",
        tarief: tariefVan(CODE.huishoudenMaand) + 2500,
        volume: { omvang: 1, eenheid: "82", frequentie: "4" },
        budget: null,
      },
    );
    assert.deepEqual(
      {
        code: uur.productcode,
        variant: uur.uitvoeringsvariant,
        tarief: uur.tariefPerEenheidCent,
        volume: uur.volume,
        budget: uur.budgetCent,
      },
      {
        code: CODE.begeleidingUur,
        variant: "inspanningsgericht",
        tarief: 7000,
        volume: { omvang: 2, eenheid: "04", frequentie: "2" },
        budget: null,
      },
    );
    // Volume × tariff reconciles with the monthly total: 1 × tarief + 2 × 52 ÷ 12 × € 70,00.
    assert.equal(
      t.inhoud.totaalPerMaandCent,
      tariefVan(CODE.huishoudenMaand) + 2500 + Math.round((2 * 7000 * 52) / 12),
    );
  });
});
