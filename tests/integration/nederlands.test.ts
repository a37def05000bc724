import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { BEHEERDER } from "../support/demo";

/** nl-NL on the screen: Dutch plurals from one helper, dates written out, and a Dutch hint on every date field. */
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

const html = async (pad: string, email: string) => {
  const { cookie } = await webInloggen(server, email);
  const r = await fetch(server.url + pad, { headers: { cookie: cookie! } });
  assert.equal(r.status, 200, pad);
  return r.text();
};
const dagVanaf = (dagen: number) => new Date(Date.now() + dagen * 86400_000).toISOString().slice(0, 10);

describe("Nederlands op het scherm", () => {
  it("zegt 1 maand en 2 maanden", async () => {
    const een = await gepubliceerdeHulpvraag(server, { duurMaanden: 1 });
    const twee = await gepubliceerdeHulpvraag(server, { duurMaanden: 2 });
    const bij1 = await html(`/consulent/hulpvragen/${een}`, CONSULENT);
    assert.match(bij1, /\b1 maand</);
    assert.doesNotMatch(bij1, /1 maanden/);
    assert.match(await html(`/consulent/hulpvragen/${twee}`, CONSULENT), /\b2 maanden</);
  });

  it("geeft bij elk datumveld het verwachte formaat in het Nederlands, zonder ISO-datum", async () => {
    const pagina = await html("/beheer/contracten", BEHEERDER);
    const velden = pagina.match(/type="date"/g)?.length ?? 0;
    assert.ok(velden >= 3, `datumvelden: ${velden}`);
    const hints = pagina.match(/Dag, maand en jaar, bijvoorbeeld 1 januari 2027\. Staat er mm\/dd\/jjjj in het veld/g);
    assert.equal(hints?.length, velden, "elk datumveld heeft de hint");
    const zichtbaar = pagina.replace(/<script[\s\S]*?<\/script>/g, "").replace(/(value|href|action)="[^"]*"/g, "");
    assert.doesNotMatch(zichtbaar, />[^<]*\b\d{4}-\d{2}-\d{2}\b[^<]*</, "geen ISO-datum in de tekst");
  });

  it("noemt de dag van registratie voluit in een weigering, niet als ISO-datum", async () => {
    const r = await server.api("POST", "/api/v1/contracts", {
      token: await server.token(BEHEERDER),
      body: {
        aanbiederId: "ab_zorgbureau_nieuw",
        productcategorieen: ["05"],
        startdatum: dagVanaf(10),
        einddatum: dagVanaf(10 + 4 * 365),
        gegundOp: dagVanaf(-200),
      },
    });
    assert.equal(r.status, 422, r.text);
    const bericht = r.body.error.details.find((d: { field: string }) => d.field === "startdatum").message;
    assert.match(bericht, /Het contract is op \d{1,2} [a-z]+ \d{4} geregistreerd/);
    assert.match(bericht, /minstens 3 maanden/);
  });
});
