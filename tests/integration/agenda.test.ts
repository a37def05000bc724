import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { THUISZORG, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

/** The calendar feed behind a secret address, parsed as a calendar app would (ical.js). */
const ADRES = "https://zorgveiling.test";
let server: TestServer;
before(async () => {
  server = await startServer({ env: { PUBLIC_URL: ADRES } });
});
after(async () => {
  await server.stop();
});

async function maakAdres(email: string, pad: string) {
  const { cookie } = await webInloggen(server, email);
  const res = await formulier(server, pad, { intent: "agenda" }, { cookie });
  assert.equal(res.status, 200);
  const m = /data-testid="agenda-url">([^<]+)</.exec(await res.text());
  assert.ok(m, "het adres staat op de pagina");
  assert.ok(m[1].startsWith(`${ADRES}/agenda/`));
  return m[1].replace(ADRES, server.url);
}

async function lees(url: string) {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^text\/calendar/);
  const kalender = new ICAL.Component(ICAL.parse(await res.text()));
  return kalender.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("agenda via een geheim adres", () => {
  it("de aanbieder ziet de reactietermijnen van open hulpvragen; een nieuw adres zet het oude uit", async () => {
    const deadline = new Date(Date.now() + 3 * 86400_000);
    deadline.setUTCSeconds(0, 0);
    const id = await gepubliceerdeHulpvraag(server, { deadline: deadline.toISOString() });
    const url = await maakAdres(THUISZORG, "/aanbieder/meldingen");
    const events = await lees(url);
    const e = events.find((x) => x.summary.includes(id));
    assert.ok(e, events.map((x) => x.summary).join(" | "));
    assert.equal(e.summary, `Reactietermijn hulpvraag ${id} (gemeente Winterswijk) sluit`);
    assert.equal(e.startDate.toJSDate().getTime(), deadline.getTime());
    assert.equal(e.description, `${ADRES}/aanbieder/hulpvragen/${id}`);
    assert.doesNotMatch(
      JSON.stringify(events.map((x) => [x.summary, x.description])),
      /zelfstandig|schoon|Woont/i,
      "geen zorginhoud",
    );

    const nieuw = await maakAdres(THUISZORG, "/aanbieder/meldingen");
    assert.notEqual(nieuw, url);
    assert.equal((await fetch(url)).status, 404, "het oude adres werkt niet meer");
    assert.equal((await fetch(`${server.url}/agenda/verzonnen.ics`)).status, 404);
    assert.ok((await lees(nieuw)).some((x) => x.summary.includes(id)));
  });

  it("de consulent ziet de reactietermijnen en de gunningsdata van de eigen hulpvragen", async () => {
    const { id, offers } = await rondeInBeoordeling(server, [
      { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    ]);
    const client = await clientToken(server, id, "198.51.100.51");
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/choice`, { token: client, body: { offerId: offers[0] } }))
        .status,
      200,
    );
    const token = await server.token(CONSULENT);
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId: offers[0] } })).status,
      200,
    );
    const g = await server.api("POST", `/api/v1/requests/${id}/award`, { token, body: {} });
    assert.equal(g.status, 201);
    const open = await gepubliceerdeHulpvraag(server);

    const events = await lees(await maakAdres(CONSULENT, "/consulent/agenda"));
    const gunning = events.find((x) => x.summary === `Hulpvraag ${id} gegund`);
    assert.ok(gunning, events.map((x) => x.summary).join(" | "));
    assert.equal(gunning.description, `${ADRES}/consulent/hulpvragen/${id}`);
    assert.ok(events.some((x) => x.summary === `Reactietermijn hulpvraag ${open} sluit`));
    const andere = await lees(await maakAdres("consulent@aalten.demo", "/consulent/agenda"));
    assert.equal(
      andere.some((x) => x.summary.includes(id) || x.summary.includes(open)),
      false,
      "een andere consulent ziet ze niet",
    );
  });
});
