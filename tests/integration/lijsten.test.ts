import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT, CONSULENT_AALTEN, gepubliceerdeHulpvraag, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { BEHEERDER, THUISZORG, aanbod } from "../support/ronde";

/**
 * Sortable lists and the request-list CSV (issue 16 item 6): the sort is done by the server from the
 * query string (so it works without JavaScript), the CSV is the list as filtered and sorted.
 */
let server: TestServer;
let cookie: string;
const ids: Record<string, string> = {};

const pagina = async (pad: string, c = cookie) => {
  const r = await fetch(`${server.url}${pad}`, { headers: { cookie: c } });
  // Decoded keeping a BOM, to see it is there.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());
  return { status: r.status, text, headers: r.headers };
};
/** The request ids in the order the table shows them. */
const volgorde = (html: string) =>
  [...html.matchAll(/<tr class="utrecht-table__row"[^>]*>[\s\S]*?href="\/consulent\/hulpvragen\/([^"]+)"/g)]
    .map((m) => m[1])
    .filter((id) => Object.values(ids).includes(id));

before(async () => {
  server = await startServer();
  const token = await server.token(CONSULENT);
  // A concept, a published one with one offer, and a published urgent one without offers.
  const clientId = await maakClient(server);
  const concept = await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(clientId) });
  ids.concept = concept.body.id;
  ids.metAanbod = await gepubliceerdeHulpvraag(server);
  const r = await server.api("POST", `/api/v1/requests/${ids.metAanbod}/offers`, {
    token: await server.token(THUISZORG),
    body: aanbod("ab_thuiszorg_achterhoek", "01"),
  });
  assert.equal(r.status, 201, r.text);
  ids.spoed = await gepubliceerdeHulpvraag(server, { urgentie: "spoed" });
  cookie = (await webInloggen(server, CONSULENT)).cookie!;
});
after(() => server.stop());

describe("de lijst van de consulent sorteren", () => {
  it("sorteert op aanbiedingen en op status, beide richtingen, met aria-sort en een knop per kolomkop", async () => {
    const af = await pagina("/consulent?sorteer=aanbiedingen:af");
    assert.equal(volgorde(af.text)[0], ids.metAanbod);
    assert.match(af.text, /<th[^>]*aria-sort="descending"[^>]*><button[^>]*name="sorteer" value="aanbiedingen:op"/);
    // A concept has "geen" offers: after every count, in both directions.
    assert.deepEqual(volgorde((await pagina("/consulent?sorteer=aanbiedingen:op")).text), [
      ids.spoed,
      ids.metAanbod,
      ids.concept,
    ]);
    assert.equal(volgorde(af.text).at(-1), ids.concept);
    // Status in the order of the life cycle: concept before open.
    assert.equal(volgorde((await pagina("/consulent?sorteer=status:op")).text)[0], ids.concept);
    assert.equal(volgorde((await pagina("/consulent?sorteer=status:af")).text).at(-1), ids.concept);
    assert.equal(volgorde((await pagina("/consulent?sorteer=urgentie:op")).text)[0], ids.spoed);
  });

  it("houdt filter en zoekwoorden bij het sorteren, en negeert een onbekende kolom", async () => {
    const open = await pagina("/consulent?status=open&sorteer=aanbiedingen:op");
    assert.deepEqual(new Set(volgorde(open.text)), new Set([ids.spoed, ids.metAanbod]));
    assert.match(
      open.text,
      /<form[^>]*id="sorteer-formulier"[^>]*>\s*<input type="hidden" name="status" value="open"\/>/,
    );
    assert.equal((await pagina("/consulent?sorteer=bsn:op")).status, 200);
  });
});

describe("de lijst van de consulent als CSV", () => {
  it("levert de lijst zoals gefilterd en gesorteerd, met ; en BOM, en alleen de eigen gemeente", async () => {
    const r = await pagina("/consulent/hulpvragen.csv?status=open&sorteer=aanbiedingen:af");
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-disposition")!, /hulpvragen_open\.csv/);
    assert.ok(r.text.startsWith("\uFEFF"));
    const regels = r.text.slice(1).trimEnd().split("\r\n");
    assert.equal(
      regels[0],
      '"Hulpvraag";"Resultaten";"Cliënt";"Status";"Urgentie";"Regio";"Startdatum";"Reactietermijn";"Aanbiedingen"',
    );
    const eigen = regels.slice(1).filter((l) => Object.values(ids).some((id) => l.startsWith(`"${id}"`)));
    assert.equal(eigen.length, 2);
    assert.match(
      eigen[0],
      new RegExp(
        `^"${ids.metAanbod}";"Schoon en leefbaar huis";"Geertruida Hendrika Wolters";"Open voor aanbiedingen";"Regulier";"7101";"\\d{1,2} \\w+ 20\\d\\d";"[^"]+";1$`,
      ),
    );
    assert.match(eigen[1], new RegExp(`^"${ids.spoed}";.*;"Spoed";.*;0$`));

    const aalten = (await webInloggen(server, CONSULENT_AALTEN)).cookie!;
    const ander = await pagina("/consulent/hulpvragen.csv", aalten);
    for (const id of Object.values(ids)) assert.ok(!ander.text.includes(id));
  });
});

describe("beheerlijsten sorteren", () => {
  it("sorteert de gebruikers op naam, oplopend en aflopend", async () => {
    const beheer = (await webInloggen(server, BEHEERDER)).cookie!;
    const namen = (html: string) => [...html.matchAll(/<td[^>]*data-kop="Naam"[^>]*>([^<]+)<\/td>/g)].map((m) => m[1]);
    const op = namen((await pagina("/beheer/gebruikers?sorteer=naam:op", beheer)).text);
    const af = namen((await pagina("/beheer/gebruikers?sorteer=naam:af", beheer)).text);
    assert.ok(op.length > 2);
    assert.deepEqual(
      op,
      [...op].sort((a, b) => a.localeCompare(b, "nl")),
    );
    assert.deepEqual(af, [...op].reverse());
  });

  it("sorteert de contracten op aanbieder", async () => {
    const beheer = (await webInloggen(server, BEHEERDER)).cookie!;
    const namen = (html: string) =>
      [...html.matchAll(/<td[^>]*data-kop="Aanbieder"[^>]*>([^<]+)<\/td>/g)].map((m) => m[1]);
    const op = await pagina("/beheer/contracten?sorteer=aanbiederNaam:op", beheer);
    assert.match(op.text, /<th[^>]*aria-sort="ascending"[^>]*><button[^>]*value="aanbiederNaam:af"/);
    const eerst = namen(op.text);
    assert.ok(eerst.length > 2);
    assert.deepEqual(
      eerst,
      [...eerst].sort((a, b) => a.localeCompare(b, "nl")),
    );
    const af = namen((await pagina("/beheer/contracten?sorteer=aanbiederNaam:af", beheer)).text);
    assert.deepEqual(
      af,
      [...eerst].sort((a, b) => b.localeCompare(a, "nl")),
    );
  });
});
