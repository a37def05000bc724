import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";
import { CONSULENT, CONSULENT_AALTEN } from "../support/fabriek";
import {
  BEGELEIDING,
  BEHEERDER,
  THUISZORG,
  TOEZICHT,
  aanbod,
  clientToken,
  rondeInBeoordeling,
  type Bieding,
} from "../support/ronde";
import { ocdsFouten, wmo301Fouten, xmlTekst } from "../support/schemas";
import { webInloggen } from "../support/server";
import { clientInvoer, maakClient } from "../support/fabriek";
import { controleerWmo301 } from "../../app/domain/iwmo/controle.server";

/** Every WMO301 the server hands out passes the XSD (xmllint) and our own rule checker. */
async function assertGeldig301(xml: string, agb: string) {
  assert.equal(wmo301Fouten(xml), null);
  assert.deepEqual(await controleerWmo301(xml, { aanbiederAgb: agb }), []);
}
import { CODE } from "../support/demo";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const huidigeZorg = { aanbiederId: "ab_thuiszorg_achterhoek", hulpverlenerRol: "verzorgende IG", behouden: true };

/** A round with the given offers, decided together on offer `winnaar` and awarded. */
async function gegund(biedingen: Bieding[], winnaar: number, hulpvraag: Record<string, unknown> = {}) {
  const { id, offers } = await rondeInBeoordeling(server, biedingen, { huidigeZorg, ...hulpvraag });
  const consulent = await server.token(CONSULENT);
  await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token: await clientToken(server, id),
    body: { offerId: offers[winnaar] },
  });
  await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: offers[winnaar] } });
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
  assert.equal(g.status, 201, g.text);
  return { id, toewijzingId: g.body.toewijzingId as string };
}

const lees = async (pad: string, email = CONSULENT) => server.api("GET", pad, { token: await server.token(email) });

describe("toewijzing na een overstap naar een andere aanbieder", () => {
  let id: string;
  let toewijzingId: string;
  before(async () => {
    ({ id, toewijzingId } = await gegund(
      [
        { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
        {
          email: BEGELEIDING,
          body: aanbod("ab_begeleiding_oost", "02", {
            overnameHulpverlener: true,
            componenten: [
              {
                aanbiederId: "ab_begeleiding_oost",
                productcode: CODE.begeleidingUur,
                omschrijving: "Begeleiding thuis bij post en geld.",
                resultaten: ["regie_financien"],
                omvang: 3,
                prijsPerEenheidCent: 6800,
              },
            ],
          }),
        },
      ],
      1,
    ));
  });

  it("geeft als JSON de cliënt uit het beschermde register, de aanbieder met AGB en KvK, reden 09 en de omvang", async () => {
    const r = await lees(`/api/v1/requests/${id}/toewijzing`);
    assert.equal(r.status, 200, r.text);
    const t = r.body;
    assert.equal(t.toewijzingId, toewijzingId);
    assert.equal(t.gemeente.code, "0294");
    assert.equal(t.client.bsn, "111222333");
    assert.equal(t.client.naam, "Geertruida Hendrika Wolters");
    assert.deepEqual(
      { achternaam: t.client.achternaam, voorletters: t.client.voorletters, geslacht: t.client.geslacht },
      { achternaam: "Wolters", voorletters: "GH", geslacht: "2" },
    );
    assert.deepEqual({ agb: t.aanbieder.agb, kvk: t.aanbieder.kvk }, { agb: "98000002", kvk: "08234567" });
    assert.equal(t.redenWijziging, "09");
    assert.equal(t.componenten.length, 1);
    const c = t.componenten[0];
    assert.equal(c.productcategorie, "02");
    // The code's iWmo variant, its eenheid and frequentie and the agreed price per eenheid; `vorm` is omvang or budget.
    assert.deepEqual(
      [c.uitvoeringsvariant, c.vorm, c.eenheid, c.eenheidNaam, c.frequentie, c.frequentieNaam, c.tariefPerEenheidCent],
      ["inspanningsgericht", "volume", "04", "uur", "2", "per week", 6800],
    );
    assert.equal(c.productcode, CODE.begeleidingUur, "de code van de productcodelijst van de gemeente");
    assert.deepEqual(
      { omvang: c.volume.omvang, eenheid: c.volume.eenheid, frequentie: c.volume.frequentie },
      { omvang: 3, eenheid: "04", frequentie: "2" },
    );
    assert.ok(c.toewijzingNummer >= 900_000_000 && c.toewijzingNummer <= 999_999_999, "from the gemeente's range");
    // 3 hours a week at € 68,00: 3 × 68 × 52 ÷ 12.
    assert.equal(t.totaalPerMaandCent, 88400);
    assert.match(t.resultaatomschrijving, /Regie over het eigen leven/);
  });

  it("geeft een CSV met een rij per onderdeel", async () => {
    const r = await lees(`/api/v1/requests/${id}/toewijzing?format=csv`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /text\/csv/);
    // Dutch Excel: `;`-separated, text quoted (the BOM, which fetch's text() strips, is checked in the unit test).
    const regels = r.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert.equal(regels.length, 2);
    assert.ok(regels[0].startsWith('"toewijzingId";"gemeenteCode";"bsn"'), regels[0]);
    assert.ok(regels[1].includes("111222333") && regels[1].includes("98000002"));
    const cellen = (regel: string) =>
      [...regel.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"'));
    const [kop, rij] = [cellen(regels[0]), cellen(regels[1])];
    const cel = (k: string) => rij[kop.indexOf(k)];
    assert.deepEqual(["uitvoeringsvariant", "vorm", "eenheid", "frequentie", "tariefPerEenheidCent"].map(cel), [
      "inspanningsgericht",
      "volume",
      "04",
      "2",
      "6800",
    ]);
  });

  it("geeft een iWmo 3.2 WMO301-bericht dat voldoet aan de XSD en de regels, elke keer een nieuw bericht", async () => {
    const r = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(r.status, 200, r.text);
    assert.match(r.headers.get("content-type") ?? "", /xml/);
    await assertGeldig301(r.text, "98000002");
    assert.notEqual(
      wmo301Fouten(r.text.replace("<wmo301:Bsn>", "<wmo301:Bsn>x")),
      null,
      "de XSD-controle keurt echt af",
    );
    assert.match(r.text, /<wmo301:Afzender>0294<\/wmo301:Afzender>/);
    assert.match(r.text, /<wmo301:Ontvanger>98000002<\/wmo301:Ontvanger>/);
    // Reden 09 would end the toewijzing at the provider it is sent to: not on the new provider's message.
    assert.equal(r.text.includes("RedenWijziging"), false);
    // The code's own eenheid: whole hours per week.
    assert.match(r.text, /<iwmo:Volume>3<\/iwmo:Volume>/);
    // Name, sex and address from the client record's own fields, no free text.
    assert.equal(xmlTekst(r.text, "Achternaam"), "Wolters");
    assert.equal(xmlTekst(r.text, "Voorletters"), "GH");
    assert.equal(xmlTekst(r.text, "Geslacht"), "2");
    assert.equal(xmlTekst(r.text, "Huisnummer"), "14");
    assert.equal(r.text.includes("Commentaar"), false);
    assert.ok(r.text.includes("\r\n") && !/[^\r]\n/.test(r.text), "CR/LF");
    const vandaag = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
    assert.equal(xmlTekst(r.text, "Dagtekening"), vandaag, "de dag van verstrekken, niet van gunnen");

    const nogmaals = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    await assertGeldig301(nogmaals.text, "98000002");
    assert.notEqual(
      xmlTekst(nogmaals.text, "Identificatie"),
      xmlTekst(r.text, "Identificatie"),
      "een nieuwe BerichtIdentificatie voor elk bericht (TR056)",
    );
    assert.equal(xmlTekst(nogmaals.text, "ToewijzingNummer"), xmlTekst(r.text, "ToewijzingNummer"));
  });

  it("geeft een OCDS 1.1-release die voldoet aan het schema en niets van de cliënt bevat", async () => {
    const r = await lees(`/api/v1/requests/${id}/ocds`);
    assert.equal(r.status, 200, r.text);
    assert.equal(ocdsFouten(r.body), null);
    assert.notEqual(
      ocdsFouten({ ...r.body, awards: [{ ...r.body.awards[0], value: { amount: "veel" } }] }),
      null,
      "het schema keurt echt af",
    );
    assert.equal(r.body.buyer.id, "winterswijk");
    assert.deepEqual(
      r.body.awards[0].suppliers.map((s: { id: string }) => s.id),
      ["ab_begeleiding_oost"],
    );
    const tekst = JSON.stringify(r.body).toLowerCase();
    for (const persoonlijk of ["111222333", "wolters", "geertruida", "meddosestraat", "7101ab", "1941"])
      assert.equal(tekst.includes(persoonlijk), false, persoonlijk);
    const aanbieder = await lees(`/api/v1/requests/${id}/ocds`, THUISZORG);
    assert.equal(aanbieder.status, 200, "een openbaar record, ook voor aanbieders");
  });

  it("is alleen voor consulenten en beheerders van de eigen gemeente", async () => {
    assert.equal((await lees(`/api/v1/requests/${id}/toewijzing`, BEHEERDER)).status, 200);
    for (const email of [TOEZICHT, BEGELEIDING, THUISZORG])
      assert.equal((await lees(`/api/v1/requests/${id}/toewijzing`, email)).status, 403, email);
    assert.equal((await lees(`/api/v1/requests/${id}/toewijzing`, CONSULENT_AALTEN)).status, 404);
    assert.equal((await lees(`/api/v1/requests/${id}/ocds`, CONSULENT_AALTEN)).status, 404);
    const uitnodiging = await server.api("POST", `/api/v1/requests/${id}/invites`, {
      token: await server.token(CONSULENT),
      body: {},
    });
    assert.equal(uitnodiging.body.error.code, "request_not_open", "na de gunning geen nieuwe uitnodigingen");
  });
});

describe("toewijzing aan een consortium", () => {
  it("noemt de penvoerder als aanbieder, de leden als uitvoerders, en blijft geldig tegen beide schema's", async () => {
    const consortium = aanbod("ab_begeleiding_oost", "02", {
      consortiumId: "co_samen_thuis",
      samenvatting: "Samen zorgen wij voor een schoon huis en grip op uw post.",
      componenten: [
        {
          aanbiederId: "ab_thuiszorg_achterhoek",
          productcode: CODE.huishoudenMaand,
          omschrijving: "Schoonmaak van het huis.",
          resultaten: ["schoon_huis"],
          omvang: 1,
          prijsPerEenheidCent: 45000,
        },
        {
          aanbiederId: "ab_begeleiding_oost",
          productcode: CODE.begeleidingTaak,
          omschrijving: "Hulp bij post en geld.",
          resultaten: ["regie_financien"],
          omvang: 1,
          prijsPerEenheidCent: 60000,
        },
      ],
    });
    const { id } = await gegund([{ email: BEGELEIDING, body: consortium }], 0);
    const t = (await lees(`/api/v1/requests/${id}/toewijzing`)).body;
    assert.equal(t.aanbieder.id, "ab_begeleiding_oost");
    assert.equal(t.consortium.id, "co_samen_thuis");
    assert.deepEqual(t.consortium.leden.map((l: { id: string }) => l.id).sort(), [
      "ab_begeleiding_oost",
      "ab_thuiszorg_achterhoek",
    ]);
    assert.equal(t.redenWijziging, null, "de huidige aanbieder is lid van het consortium: geen overstap");
    assert.deepEqual(
      t.componenten.map(
        (c: {
          productcode: string;
          uitvoeringsvariant: string;
          vorm: string;
          eenheid: string;
          tariefPerEenheidCent: number;
          budgetPerMaandCent: number;
        }) => [c.productcode, c.uitvoeringsvariant, c.vorm, c.eenheid, c.tariefPerEenheidCent, c.budgetPerMaandCent],
      ),
      [
        // Outputgericht: Omvang 1 stuks per maand; taakgericht: a budget in euro's per maand (CD041/CD077).
        [CODE.huishoudenMaand, "outputgericht", "volume", "82", 45000, null],
        [CODE.begeleidingTaak, "taakgericht", "budget", "83", 60000, 60000],
      ],
    );
    const nummers = t.componenten.map((c: { toewijzingNummer: number }) => c.toewijzingNummer);
    assert.equal(new Set(nummers).size, 2);

    const xml = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    await assertGeldig301(xml.text, "98000002");
    assert.equal(xml.text.split("<wmo301:ToegewezenProduct>").length - 1, 2);
    assert.equal(xml.text.includes("Commentaar"), false);
    const ocds = (await lees(`/api/v1/requests/${id}/ocds`)).body;
    assert.equal(ocdsFouten(ocds), null);
    assert.deepEqual(ocds.awards[0].suppliers.map((s: { id: string }) => s.id).sort(), [
      "ab_begeleiding_oost",
      "ab_thuiszorg_achterhoek",
    ]);
  });

  it("geeft 404 voor een hulpvraag die nog niet gegund is", async () => {
    const { id } = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    ]);
    assert.equal((await lees(`/api/v1/requests/${id}/toewijzing`)).status, 404);
    assert.equal((await lees(`/api/v1/requests/${id}/ocds`)).status, 404);
  });
});

describe("een bericht dat een iWmo-regel breekt", () => {
  it("wordt niet verstrekt: 422 met de regelcode, in de API en bij de download in de browser", async () => {
    // A typing error in the birth year: more than 120 years before today breaks TR002.
    const clientId = await maakClient(server, CONSULENT, { geboortedatum: "1900-01-01" });
    const { id } = await gegund([{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }], 0, { clientId });
    const r = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, "iwmo_rules_broken");
    assert.deepEqual(
      r.body.error.details.map((d: { field: string }) => d.field),
      ["TR002"],
    );
    assert.match(r.body.error.details[0].message, /^TR002: Geboortedatum 1900-01-01 ligt meer dan 120 jaar/);
    assert.match(r.body.error.message, /iWmo 3\.2/);
    // JSON and CSV stay available: the gemeente can see and correct the data.
    assert.equal((await lees(`/api/v1/requests/${id}/toewijzing`)).status, 200);

    const { cookie } = await webInloggen(server, CONSULENT);
    const pagina = await fetch(`${server.url}/consulent/hulpvragen/${id}/toewijzing/xml`, {
      headers: { cookie: cookie! },
    });
    assert.equal(pagina.status, 422);
    assert.match(await pagina.text(), /TR002: Geboortedatum/);
  });

  it("zonder achternaam in het dossier: geweigerd met het veld, niet geraden uit de naam", async () => {
    const clientId = await maakClient(server, CONSULENT, { achternaam: undefined, voorletters: undefined });
    const { id } = await gegund([{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }], 0, { clientId });
    const r = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(r.status, 422, r.text);
    assert.equal(r.body.error.code, "invalid_input");
    assert.match(r.body.error.details[0].message, /achternaam/);
  });

  it("een huisnummer met letter in het huisnummerveld wordt bij registratie al geweigerd", async () => {
    const r = await server.api("POST", "/api/v1/clients", {
      token: await server.token(CONSULENT),
      body: { ...clientInvoer(), huisnummer: "14a" },
    });
    assert.equal(r.status, 422);
    assert.deepEqual(
      r.body.error.details.map((d: { field: string }) => d.field),
      ["huisnummer"],
    );
  });
});

describe("ToewijzingNummers uit de reeks van de gemeente", () => {
  it("komen uit de reeks in het regelboek; een reeks over uitgegeven nummers heen wordt geweigerd", async () => {
    const beheerder = await server.token(BEHEERDER);
    const regelboek = await server.api("GET", "/api/v1/rulebook", { token: beheerder });
    assert.equal(regelboek.body.toewijzingnummerVan, 900_000_000);
    assert.equal(regelboek.body.toewijzingnummerTot, 999_999_999);
    const uitgegeven = regelboek.body.toewijzingnummerLaatste as number;
    assert.ok(uitgegeven >= 900_000_000, "earlier awards in this file took numbers from the range");

    const botsend = await server.api("POST", "/api/v1/rulebook", {
      token: beheerder,
      // Below the last number given out, over numbers given out before it: the counter would start again on them.
      body: { toewijzingnummerVan: 899_999_000, toewijzingnummerTot: uitgegeven - 1 },
    });
    assert.equal(botsend.status, 422, botsend.text);
    assert.equal(botsend.body.error.details[0].field, "toewijzingnummerVan");
    assert.equal(
      (await server.api("GET", "/api/v1/rulebook", { token: beheerder })).body.toewijzingnummerVan,
      900_000_000,
    );

    const nieuw = await server.api("POST", "/api/v1/rulebook", {
      token: beheerder,
      body: { toewijzingnummerVan: 500_000_000, toewijzingnummerTot: 500_000_000 },
    });
    assert.equal(nieuw.status, 200, nieuw.text);
    const { id } = await gegund([{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }], 0);
    const t = (await lees(`/api/v1/requests/${id}/toewijzing`)).body;
    assert.deepEqual(
      t.componenten.map((c: { toewijzingNummer: number }) => c.toewijzingNummer),
      [500_000_000],
    );

    // The range of one number is used up: the next award is refused, and nothing is awarded.
    const { id: tweede, offers } = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    ]);
    const consulent = await server.token(CONSULENT);
    await server.api("POST", `/api/v1/requests/${tweede}/choice`, {
      token: await clientToken(server, tweede),
      body: { offerId: offers[0] },
    });
    await server.api("POST", `/api/v1/requests/${tweede}/choice`, { token: consulent, body: { offerId: offers[0] } });
    const g = await server.api("POST", `/api/v1/requests/${tweede}/award`, { token: consulent, body: {} });
    assert.equal(g.status, 409, g.text);
    assert.equal(g.body.error.code, "toewijzingnummers_op");
    assert.equal((await lees(`/api/v1/requests/${tweede}/toewijzing`)).status, 404);
    await server.api("POST", "/api/v1/rulebook", {
      token: beheerder,
      body: { toewijzingnummerVan: 500_000_001, toewijzingnummerTot: 599_999_999 },
    });
  });
});
