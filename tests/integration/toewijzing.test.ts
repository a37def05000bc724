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
import { ocdsFouten, wmo301Fouten } from "../support/schemas";
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
async function gegund(biedingen: Bieding[], winnaar: number) {
  const { id, offers } = await rondeInBeoordeling(server, biedingen, { huidigeZorg });
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
    assert.deepEqual({ agb: t.aanbieder.agb, kvk: t.aanbieder.kvk }, { agb: "98000002", kvk: "08234567" });
    assert.equal(t.redenWijziging, "09");
    assert.equal(t.componenten.length, 1);
    const c = t.componenten[0];
    assert.equal(c.productcategorie, "02");
    assert.equal(c.uitvoeringsvariant, "volume");
    assert.equal(c.productcode, CODE.begeleidingUur, "de code van de productcodelijst van de gemeente");
    assert.deepEqual(
      { omvang: c.volume.omvang, eenheid: c.volume.eenheid, frequentie: c.volume.frequentie },
      { omvang: 3, eenheid: "04", frequentie: "2" },
    );
    assert.ok(Number.isInteger(c.toewijzingNummer));
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
  });

  it("geeft een iWmo 3.2 WMO301-bericht dat voldoet aan de XSD", async () => {
    const r = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /xml/);
    assert.equal(wmo301Fouten(r.text), null);
    assert.notEqual(
      wmo301Fouten(r.text.replace("<wmo301:Bsn>", "<wmo301:Bsn>x")),
      null,
      "de XSD-controle keurt echt af",
    );
    assert.match(r.text, /<wmo301:Afzender>0294<\/wmo301:Afzender>/);
    assert.match(r.text, /<wmo301:Ontvanger>98000002<\/wmo301:Ontvanger>/);
    assert.match(r.text, /<wmo301:RedenWijziging>09<\/wmo301:RedenWijziging>/);
    // The code's own eenheid: whole hours per week.
    assert.match(r.text, /<iwmo:Volume>3<\/iwmo:Volume>/);
    const nogmaals = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(nogmaals.text, r.text, "het bericht is elke keer hetzelfde");
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
      t.componenten.map((c: { uitvoeringsvariant: string; budgetPerMaandCent: number; productcode: string }) => [
        c.productcode,
        c.uitvoeringsvariant,
        c.budgetPerMaandCent,
      ]),
      [
        // Outputgericht: Omvang 1 stuks per maand; taakgericht: a budget (CD041/CD077).
        [CODE.huishoudenMaand, "volume", null],
        [CODE.begeleidingTaak, "budget", 60000],
      ],
    );
    const nummers = t.componenten.map((c: { toewijzingNummer: number }) => c.toewijzingNummer);
    assert.equal(new Set(nummers).size, 2);

    const xml = await lees(`/api/v1/requests/${id}/toewijzing?format=xml`);
    assert.equal(wmo301Fouten(xml.text), null);
    assert.match(xml.text, /Uitvoerder: Thuiszorg Achterhoek \(AGB 98000001\)/);
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
