import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag, luisteraar } from "../support/fabriek";
import { verbind } from "../support/database";
import { BEGELEIDING, THUISZORG, TOEZICHT, aanbod, rondeInBeoordeling, type Bieding } from "../support/ronde";
import { MAANDCODE } from "../support/demo";

/**
 * Toezicht that sees risks (issue 16 item 4): signals listed with the requests behind them, award
 * shares with consortium members credited, the figures as CSV, sortable tables, the yearly report,
 * and the figures moving live on the supervisor's own feed.
 */
let server: TestServer;
let cookie: string;
let sql: ReturnType<typeof verbind>;
const eigen: string[] = [];
let consortiumGunning: string;

const consortium = aanbod("ab_begeleiding_oost", "02", {
  consortiumId: "co_samen_thuis",
  samenvatting: "Samen zorgen wij voor een schoon huis en grip op uw post.",
  componenten: [
    {
      aanbiederId: "ab_thuiszorg_achterhoek",
      productcode: MAANDCODE["01"],
      omschrijving: "Schoonmaak van het huis.",
      resultaten: ["schoon_huis"],
      omvang: 1,
      prijsPerEenheidCent: 90000,
    },
    {
      aanbiederId: "ab_begeleiding_oost",
      productcode: MAANDCODE["02"],
      omschrijving: "Hulp bij post en geld.",
      resultaten: ["regie_financien"],
      omvang: 1,
      prijsPerEenheidCent: 120000,
    },
  ],
});

/** A round awarded to its only offer, the client unable to take part (rule 7's first exception). */
async function gegundZonderClient(bieding: Bieding) {
  const { id, offers } = await rondeInBeoordeling(server, [bieding]);
  const token = await server.token(CONSULENT);
  const keuze = await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token,
    body: { offerId: offers[0], motivation: "Past het best.", clientAbsentReason: "De cliënt is opgenomen." },
  });
  assert.equal(keuze.status, 200, keuze.text);
  const gunning = await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: {} });
  assert.equal(gunning.status, 201, gunning.text);
  return id;
}

const pagina = async (pad: string) => {
  const r = await fetch(`${server.url}${pad}`, { headers: { cookie } });
  return { status: r.status, html: await r.text(), headers: r.headers };
};
const signaal = (html: string, soort: string) =>
  [...html.matchAll(/<li[^>]*data-signaal="([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)]
    .filter((m) => m[1] === soort)
    .map((m) => m[2]);

before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
  const rondes = await Promise.all([
    ...[1, 2, 3, 4].map(() => gegundZonderClient({ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") })),
    gegundZonderClient({ email: BEGELEIDING, body: consortium }),
  ]);
  eigen.push(...rondes.slice(0, 4));
  consortiumGunning = rondes[4];
  cookie = (await webInloggen(server, TOEZICHT)).cookie!;
});

after(async () => {
  await sql.end();
  await server.stop();
});

describe("gunningsaandelen met consortiumleden naar hun deel", () => {
  it("verdeelt een consortiumgunning over de leden naar de prijs van hun onderdelen", async () => {
    const c = (await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) })).body;
    const per = Object.fromEntries(c.gunningenPerAanbieder.map((g: { naam: string }) => [g.naam, g]));
    // Thuiszorg: 4 own awards + 90 000 / 210 000 of the consortium's monthly price; Begeleiding Oost the rest.
    assert.equal(per["Thuiszorg Achterhoek"].gunningen, 4.43);
    assert.equal(per["Thuiszorg Achterhoek"].viaConsortium, 0.43);
    assert.equal(per["Begeleiding Oost"].gunningen, 0.57);
    assert.equal(per["Begeleiding Oost"].viaConsortium, 0.57);
    assert.equal(per["Thuiszorg Achterhoek"].aandeel, 88.6);
    assert.ok(per["Begeleiding Oost"].hulpvraagIds.includes(consortiumGunning));
    assert.ok(per["Thuiszorg Achterhoek"].hulpvraagIds.includes(consortiumGunning));

    const { html } = await pagina("/toezicht");
    assert.match(html, /Thuiszorg Achterhoek<\/td><td[^>]*>4,43<\/td><td[^>]*>0,43<\/td><td[^>]*>88,6 %<\/td>/);
    assert.match(html, /data-staaf="Begeleiding Oost: 0.57"/);
  });
});

describe("signalen met de hulpvragen erachter", () => {
  it("meldt één aanbieder met de meeste gunningen, met een link naar elke hulpvraag", async () => {
    const { html } = await pagina("/toezicht");
    const [markt] = signaal(html, "marktaandeel");
    assert.ok(markt, "signaal marktaandeel");
    assert.match(markt, /Thuiszorg Achterhoek kreeg 88,6 % van de gunningen \(drempel 50 %\)/);
    for (const id of [...eigen, consortiumGunning])
      assert.ok(markt.includes(`href="/toezicht/audit?requestId=${id}"`), id);
    assert.equal(signaal(html, "marktaandeel").length, 1, "Begeleiding Oost blijft onder de drempel");
  });

  it("meldt gunningen zonder de cliënt", async () => {
    const [zonder] = signaal((await pagina("/toezicht")).html, "zonder-client");
    assert.match(zonder, /5 gunningen zonder de cliënt: de cliënt kon niet meebeslissen/);
    for (const id of [...eigen, consortiumGunning]) assert.ok(zonder.includes(`requestId=${id}"`), id);
  });

  it("meldt een stijgend aantal weigeringen op een regel, met de hulpvraag waarover geweigerd werd", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const token = await server.token(CONSULENT);
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const r = await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: {} });
      assert.equal(r.status >= 400 && r.status < 500, true, r.text);
      codes.add(r.body.error.code);
    }
    assert.equal(codes.size, 1);
    const [code] = codes;
    const { html } = await pagina("/toezicht");
    const stijgend = signaal(html, "weigeringen").find((s) => s.includes(`regel ${code} stijgen`));
    assert.ok(stijgend, `signaal voor ${code} in ${signaal(html, "weigeringen").join(" | ")}`);
    assert.match(stijgend, /3 in de laatste 30 dagen, 0 in de 30 dagen daarvoor/);
    assert.ok(stijgend.includes(`requestId=${id}"`));

    // The same three refusals a month earlier: no longer rising (3 is not more than 1.5 × 3).
    await sql`insert into weigeringen (id, gemeente_id, hulpvraag_id, code, created_at)
              select 'wg_oud_' || g, 'winterswijk', ${id}, ${code}, now() - interval '40 days' from generate_series(1, 3) g`;
    assert.equal(
      signaal((await pagina("/toezicht")).html, "weigeringen").some((s) => s.includes(`regel ${code} stijgen`)),
      false,
    );
  });

  it("meldt een toewijzing zonder startbericht vijf werkdagen na de startdatum, tot de start gemeld is", async () => {
    const [laat] = eigen;
    // Time passes: the care should have started three weeks ago.
    await sql`update aanbiedingen set startdatum = current_date - 21
              where id = (select aanbieding_id from toewijzingen where hulpvraag_id = ${laat})`;
    const [start] = signaal((await pagina("/toezicht")).html, "startmelding");
    assert.match(start, /1 toewijzing zonder melding van de start van de zorg, 5 werkdagen na de startdatum/);
    assert.ok(start.includes(`requestId=${laat}"`));
    for (const id of eigen.slice(1)) assert.ok(!start.includes(id), "startdatum nog niet bereikt");

    await sql`update toewijzingen set zorg_gestart_op = current_date - 20 where hulpvraag_id = ${laat}`;
    assert.deepEqual(signaal((await pagina("/toezicht")).html, "startmelding"), []);
  });

  it("meldt een bijna gebruikt personeelsplafond, geteld op personeelsbestand zoals /toezicht/personeel", async () => {
    const jaar = new Date().getUTCFullYear();
    // 20 staff at 10 % lets 2 leave without a job offer; the old hand-typed client count no longer counts.
    await sql`update personeelsbestanden set koppen = 20 where aanbieder_id = 'ab_begeleiding_oost' and jaar = ${jaar}`;
    await sql`update aanbieders set clientenaantal = 1000 where id = 'ab_begeleiding_oost'`;
    await sql`insert into personeelsovernames (id, hulpvraag_id, gemeente_id, van_aanbieder_id, naar_aanbieder_id, hulpverlener_rol, cao, datum, toegezegd, aantal_medewerkers)
              values ('po_test', ${eigen[1]}, 'winterswijk', 'ab_begeleiding_oost', 'ab_thuiszorg_achterhoek', 'wijkverpleegkundige', 'vvt', ${`${jaar}-06-01`}, false, 2)`;
    const { html } = await pagina("/toezicht");
    const [plafond] = signaal(html, "personeelsplafond");
    assert.match(
      plafond,
      new RegExp(
        `Het personeelsplafond ${jaar} van Begeleiding Oost is bijna of helemaal gebruikt: 2 van 2 medewerkers \\(10 % van 20\\) gingen zonder baanaanbod mee`,
      ),
    );
    assert.ok(plafond.includes(`requestId=${eigen[1]}"`));
    // The chart's table on the figures page and /toezicht/personeel show the same numbers, staff not transfers.
    const rij = (tekst: string, testId: string) =>
      tekst.match(
        new RegExp(`data-testid="${testId}"[\\s\\S]*?<tr[^>]*>(?:(?!</tr>)[\\s\\S])*Begeleiding Oost[\\s\\S]*?</tr>`),
      )?.[0] ?? "";
    const cellen = (tr: string) => [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cellen(rij(html, "tabel-personeelsplafond")), ["Begeleiding Oost", "20", "2 (10%)", "2", "0"]);
    assert.match(rij(html, "tabel-overnames"), /<td[^>]*>2<\/td>\s*<\/tr>/);
    const personeel = (await pagina(`/toezicht/personeel?jaar=${jaar}`)).html;
    assert.deepEqual(cellen(rij(personeel, "kapgebruik")).slice(-3), ["2 (10%)", "2", "0"]);
    // The API gives both: transfers (as before) and staff, and the same cap row.
    const f = (await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) })).body;
    const o = f.personeelsovernames.find(
      (x: { naam: string; jaar: number }) => x.naam === "Begeleiding Oost" && x.jaar === jaar,
    );
    assert.deepEqual([o.zonderToezegging, o.medewerkersZonderToezegging], [1, 2]);
    const k = f.personeelsplafond.items.find((x: { aanbiederNaam: string }) => x.aanbiederNaam === "Begeleiding Oost");
    assert.deepEqual([f.personeelsplafond.jaar, k.koppen, k.toegestaan, k.gebruikt, k.ruimte], [jaar, 20, 2, 2, 0]);
    // Room left: no signal.
    await sql`update personeelsbestanden set koppen = 40 where aanbieder_id = 'ab_begeleiding_oost' and jaar = ${jaar}`;
    assert.deepEqual(signaal((await pagina("/toezicht")).html, "personeelsplafond"), []);
  });
});

describe("sorteerbare tabellen van het toezicht", () => {
  const volgorde = (html: string) =>
    [...html.matchAll(/<td[^>]*data-kop="Aanbieder"[^>]*>([^<]+)<\/td>/g)].map((m) => m[1]).slice(0, 2);

  it("sorteert op de server via de querystring, met aria-sort op de gesorteerde kolom", async () => {
    assert.deepEqual(volgorde((await pagina("/toezicht")).html), ["Thuiszorg Achterhoek", "Begeleiding Oost"]);
    const op = (await pagina("/toezicht?sorteer-gunningen=naam:op")).html;
    assert.deepEqual(volgorde(op), ["Begeleiding Oost", "Thuiszorg Achterhoek"]);
    assert.match(op, /<th[^>]*aria-sort="ascending"[^>]*><button[^>]*name="sorteer-gunningen" value="naam:af"/);
    assert.match(op, /<th[^>]*aria-sort="none"[^>]*><button[^>]*name="sorteer-gunningen" value="gunningen:op"/);
    const af = (await pagina("/toezicht?sorteer-gunningen=gunningen:op")).html;
    assert.deepEqual(volgorde(af), ["Begeleiding Oost", "Thuiszorg Achterhoek"]);
    // Another table's sort is kept as a hidden field of this table's form.
    const beide = (await pagina("/toezicht?sorteer-gunningen=naam:op&sorteer-weigeringen=aantal:af")).html;
    assert.match(
      beide,
      /<form[^>]*id="sorteer-gunningen-formulier"[\s\S]*?name="sorteer-weigeringen" value="aantal:af"/,
    );
    // Anything not on offer is the table's own order, not an error.
    assert.equal((await pagina("/toezicht?sorteer-gunningen=wachtwoord:op")).status, 200);
  });
});

describe("de cijfers als CSV en het jaarverslag", () => {
  it("exporteert de cijfers met ; en BOM, consortiumdeel en signalen inbegrepen", async () => {
    const r = await fetch(`${server.url}/toezicht/cijfers.csv`, { headers: { cookie } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type")!, /text\/csv/);
    assert.match(r.headers.get("content-disposition")!, /marktcijfers_winterswijk_alles\.csv/);
    const tekst = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());
    assert.ok(tekst.startsWith("\uFEFF"), "BOM");
    const regels = tekst.slice(1).split("\r\n");
    assert.equal(regels[0], '"Onderdeel";"Onderwerp";"Cijfer";"Waarde"');
    assert.ok(regels.includes('"Gunningen per aanbieder";"Thuiszorg Achterhoek";"Gunningen";4.43'), tekst);
    assert.ok(regels.includes('"Gunningen per aanbieder";"Begeleiding Oost";"Waarvan als consortiumlid";0.57'));
    assert.ok(
      regels.some(
        (l) => l.startsWith('"Signalen";"Thuiszorg Achterhoek kreeg 88,6 %') && l.includes(consortiumGunning),
      ),
    );
    const jaar = new Date().getUTCFullYear();
    const ditJaar = await fetch(`${server.url}/toezicht/cijfers.csv?jaar=${jaar}`, { headers: { cookie } });
    assert.match(ditJaar.headers.get("content-disposition")!, new RegExp(`marktcijfers_winterswijk_${jaar}\\.csv`));
    const fout = await fetch(`${server.url}/toezicht/cijfers.csv?jaar=vorig`, { headers: { cookie } });
    assert.equal(fout.status, 422);
    assert.equal((await fout.json()).error.details[0].field, "jaar");
  });

  it("toont het jaarverslag van dit jaar met cijfers, grafieken, signalen en weigeringen; een ander jaar is leeg", async () => {
    const jaar = new Date().getUTCFullYear();
    const { status, html } = await pagina("/toezicht/jaarverslag");
    assert.equal(status, 200);
    assert.match(html, new RegExp(`<h1[^>]*>Jaarverslag toezicht <!-- -->${jaar}</h1>`));
    assert.match(html, /data-testid="grafiek-gunningen"/);
    assert.match(html, /<caption[^>]*>Weigeringen per regel<\/caption>/);
    assert.match(html, /data-signaal="marktaandeel"/);
    const vorig = (await pagina(`/toezicht/jaarverslag?jaar=${jaar - 1}`)).html;
    assert.match(vorig, /Dit jaar is er niets gegund\./);
    const fout = await pagina("/toezicht/jaarverslag?jaar=1800");
    assert.equal(fout.status, 422);
    assert.match(fout.html, /Vul een jaar vanaf 2000 in\./);
  });
});

describe("live cijfers voor het toezicht", () => {
  it("meldt op de toezichtfeed dat de cijfers veranderden, na publicatie en na een getelde weigering; een consulent hoort die feed niet", async () => {
    const toezicht = await luisteraar(server, TOEZICHT);
    const consulent = await luisteraar(server, CONSULENT);
    try {
      const id = await gepubliceerdeHulpvraag(server);
      const e = await toezicht.wacht(
        "figures:changed",
        (p) => p.hulpvraagId === id && p.aanleiding === "request:published",
      );
      assert.equal(e.feed, "toezicht:winterswijk");
      assert.deepEqual(
        Object.keys(e.payload).sort(),
        ["aanleiding", "hulpvraagId"],
        "alleen welke hulpvraag, geen inhoud",
      );
      await server.api("POST", `/api/v1/requests/${id}/award`, { token: await server.token(CONSULENT), body: {} });
      const w = await toezicht.wacht(
        "figures:changed",
        (p) => p.hulpvraagId === id && p.aanleiding === "refusal:counted",
      );
      assert.equal(typeof w.payload.code, "string");
      assert.ok(w.seq > e.seq, "één feed, oplopend genummerd");
      assert.equal(
        consulent.events.some((x) => x.type === "figures:changed"),
        false,
      );
    } finally {
      toezicht.sluit();
      consulent.sluit();
    }
  });
});
