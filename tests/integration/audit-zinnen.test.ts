import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT } from "../support/fabriek";
import { THUISZORG, TOEZICHT, WELZIJN, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

/** The audit trail as a toezichthouder reads it: Dutch sentences, local time, the raw entry behind a disclosure, a CSV export. */
let server: TestServer;
let cookie: string;
let id: string;
const MOTIVATIE = "Dit aanbod past het best bij de wens om thuis te blijven wonen.";

before(async () => {
  server = await startServer();
  const r = await rondeInBeoordeling(server, [
    { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    { email: WELZIJN, body: aanbod("ab_welzijn_winterswijk", "02") },
  ]);
  id = r.id;
  const client = await clientToken(server, id, "198.51.100.31");
  assert.equal(
    (await server.api("POST", `/api/v1/requests/${id}/choice`, { token: client, body: { offerId: r.offers[0] } }))
      .status,
    200,
  );
  const token = await server.token(CONSULENT);
  assert.equal(
    (
      await server.api("POST", `/api/v1/requests/${id}/choice`, {
        token,
        body: { offerId: r.offers[0], motivation: MOTIVATIE },
      })
    ).status,
    200,
  );
  assert.equal(
    (await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: { motivation: MOTIVATIE } })).status,
    201,
  );
  cookie = (await webInloggen(server, TOEZICHT)).cookie!;
  assert.ok(cookie);
});
after(async () => {
  await server.stop();
});

const tekstVan = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
const zinnen = (html: string) => [...tekstVan(html).matchAll(/data-testid="audit-zin">([^<]*)</g)].map((m) => m[1]);

describe("de audittrail in het Nederlands", () => {
  it("toont elke regel als zin, met lokale tijd, een link naar de hulpvraag en de ruwe regel achter een uitklapper", async () => {
    const res = await fetch(`${server.url}/toezicht/audit?requestId=${id}`, { headers: { cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    const z = zinnen(html);
    assert.ok(
      z.includes(`Cees Consulent koos het aanbod van Thuiszorg Achterhoek (versie 1) en motiveerde: ${MOTIVATIE}.`),
      z.join("\n"),
    );
    assert.ok(
      z.includes(
        `Cees Consulent gunde hulpvraag ${id} aan Thuiszorg Achterhoek (versie 1) en motiveerde: ${MOTIVATIE}.`,
      ),
      z.join("\n"),
    );
    assert.ok(
      z.includes(
        "De cliënt (met een uitnodiging) gaf een voorkeur door voor het aanbod van Thuiszorg Achterhoek (versie 1).",
      ),
      z.join("\n"),
    );
    assert.ok(
      z.some((s) =>
        s.startsWith(
          `Planning Welzijn Winterswijk diende het aanbod van Welzijn Winterswijk (versie 1) in op hulpvraag ${id}`,
        ),
      ) || z.some((s) => /diende het aanbod van Welzijn Winterswijk \(versie 1\) in/.test(s)),
      z.join("\n"),
    );
    assert.ok(
      z.some((s) => s.startsWith(`Cees Consulent publiceerde hulpvraag ${id}; aanbieders konden reageren tot `)),
      z.join("\n"),
    );
    assert.ok(z.includes(`De reactietermijn van hulpvraag ${id} liep af; de gemeente beoordeelt nu de aanbiedingen.`));
    for (const s of z) {
      assert.doesNotMatch(s, /\b(ao|ab|us|ui)_[0-9a-z]{10,}/, `geen interne ids in: ${s}`);
      assert.doesNotMatch(s, /\d{4}-\d{2}-\d{2}T/, `geen UTC-tijd in: ${s}`);
    }
    const t = tekstVan(html);
    assert.match(
      t,
      /<time dateTime="[^"]+">\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d (om )?\d{2}:\d{2}<\/time>/,
    );
    assert.ok(t.includes(`href="/toezicht/audit?requestId=${id}"`), "link naar alles over de hulpvraag");
    assert.match(t, /<details><summary>Ruwe regel<\/summary>/);
    assert.ok(t.includes("keuze.consulent | keuze "), "de ruwe regel blijft leesbaar achter de uitklapper");
    assert.match(t, /De auditketen is intact \(\d+ regels\)/);
  });

  it("exporteert een gefilterde periode als CSV met ; en BOM; een periode zonder regels geeft alleen de kop", async () => {
    const vandaag = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
    const res = await fetch(`${server.url}/toezicht/audit.csv?requestId=${id}&van=${vandaag}&tot=${vandaag}`, {
      headers: { cookie },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/csv/);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(`attachment; filename="audittrail_${vandaag}_tot_${vandaag}.csv"`),
    );
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    assert.ok(body.startsWith("\uFEFF"), "BOM");
    const regels = body.slice(1).trim().split("\r\n");
    assert.equal(
      regels[0],
      '"Regel";"Tijd";"Wat er gebeurde";"Hulpvraag";"Door";"Handeling";"Onderdeel";"Id";"Voor";"Na";"Hash"',
    );
    assert.ok(
      regels.some((r) =>
        r.includes(
          `"Cees Consulent gunde hulpvraag ${id} aan Thuiszorg Achterhoek (versie 1) en motiveerde: ${MOTIVATIE}."`,
        ),
      ),
      regels.slice(0, 3).join("\n"),
    );
    assert.ok(regels.length >= 8);

    const morgen = new Date(Date.now() + 2 * 86400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
    const leeg = await (
      await fetch(`${server.url}/toezicht/audit.csv?requestId=${id}&van=${morgen}`, { headers: { cookie } })
    ).text();
    assert.equal(
      leeg
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n").length,
      1,
    );

    const fout = await fetch(`${server.url}/toezicht/audit.csv?van=gisteren`, { headers: { cookie } });
    assert.equal(fout.status, 422);
    assert.equal((await fout.json()).error.details[0].field, "van");
    const consulent = (await webInloggen(server, CONSULENT)).cookie!;
    assert.equal((await fetch(`${server.url}/toezicht/audit.csv`, { headers: { cookie: consulent } })).status, 403);
  });
});

describe("de marktcijfers als grafiek", () => {
  it("toont server-side een staafdiagram met de tabel ernaast, ook zonder JavaScript", async () => {
    const html = tekstVan(await (await fetch(`${server.url}/toezicht`, { headers: { cookie } })).text());
    const grafiek = /<svg[^>]*data-testid="grafiek-gunningen"[\s\S]*?<\/svg>/.exec(html)?.[0];
    assert.ok(grafiek, "staafdiagram van de gunningen");
    assert.match(grafiek, /role="img"/);
    assert.match(grafiek, /<title id="gunningen-grafiek">Staafdiagram: Gunningen per aanbieder<\/title>/);
    assert.match(grafiek, /data-staaf="Thuiszorg Achterhoek: 1"/);
    // The table beside it says the same in words.
    const tabel = html.slice(html.indexOf(grafiek) + grafiek.length, html.indexOf("</section>", html.indexOf(grafiek)));
    assert.match(tabel, /<caption[^>]*>Gunningen per aanbieder<\/caption>/);
    assert.match(tabel, /Thuiszorg Achterhoek<\/td><td[^>]*>1<\/td><td[^>]*>0<\/td><td[^>]*>100 %<\/td>/);
    assert.match(html, /data-testid="grafiek-status"/);
  });
});
