import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, startZonderSucces, type TestServer } from "../support/server";
import { verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag, pauze } from "../support/fabriek";
import { Postbus } from "../support/postbus";
import { THUISZORG, WELZIJN, aanbod } from "../support/ronde";

/**
 * The consulent hears by e-mail of an offer that arrives outside office hours (KANTOORUREN,
 * app/domain/kantooruren.ts), through the real queue and a real SMTP server; not during them.
 */
const ADRES = "https://zorgveiling.test";
const postbus = new Postbus();
let buiten: TestServer;
let binnen: TestServer;
let sql: ReturnType<typeof verbind>;

/** An hour of office time that is certainly not now in Amsterdam, so the test runs "after hours" at any moment. */
function urenZonderNu(): string {
  const [uur] = new Date()
    .toLocaleTimeString("nl-NL", { timeZone: "Europe/Amsterdam", hour12: false })
    .split(":")
    .map(Number);
  return uur >= 12 ? "ma-zo 01:00-02:00" : "ma-zo 20:00-21:00";
}

before(async () => {
  await postbus.start();
  const env = { SMTP_URL: `smtp://127.0.0.1:${postbus.port}`, PUBLIC_URL: ADRES };
  buiten = await startServer({ env: { ...env, KANTOORUREN: urenZonderNu() } });
  // Office hours around the clock, on its own database: never after hours.
  binnen = await startServer({ env: { ...env, KANTOORUREN: "ma-zo 00:00-24:00" } });
  sql = verbind(buiten.databaseUrl);
});
after(
  async () => {
    await sql.end();
    await binnen.stop();
    await buiten.stop();
    await postbus.stop();
  },
  { timeout: 20_000 },
);

const dienIn = async (server: TestServer, email: string, id: string, body: unknown) => {
  const r = await server.api("POST", `/api/v1/requests/${id}/offers`, { token: await server.token(email), body });
  assert.equal(r.status, 201, r.text);
};

describe("e-mail aan de consulent bij een aanbieding buiten kantoortijd", () => {
  it("komt aan met tekst en HTML en een link, één per hulpvraag tot de volgende kantoordag", async () => {
    const id = await gepubliceerdeHulpvraag(buiten, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "Een schoon huis." },
        { code: "regie_financien", toelichting: "Grip op post en geld." },
      ],
    });
    await dienIn(buiten, THUISZORG, id, aanbod("ab_thuiszorg_achterhoek", "01"));
    const m = await postbus.wacht(CONSULENT, `buiten kantoortijd bij hulpvraag ${id}`);
    assert.equal(m.subject, `Nieuwe aanbieding buiten kantoortijd bij hulpvraag ${id}`);
    assert.match(m.text!, /^Beste consulent,/);
    assert.match(m.text!, /kwam er een aanbieding binnen bij hulpvraag .*, buiten kantoortijd/);
    assert.ok(m.text!.includes(`${ADRES}/consulent/hulpvragen/${id}`), m.text);
    assert.ok(String(m.html).includes(`href="${ADRES}/consulent/hulpvragen/${id}"`));
    // No health data and nothing of the offer itself: only that one arrived.
    for (const w of [/schoon/i, /zelfstandig/i, /Thuiszorg Achterhoek/, /€/]) {
      assert.doesNotMatch(m.text!, w);
      assert.doesNotMatch(String(m.html), w);
    }
    const [rij] = await sql`select soort, status from berichten where hulpvraag_id = ${id} and aan = ${CONSULENT}`;
    assert.equal(rij.soort, "aanbod_na_kantoortijd");

    // A second offer the same night: no second message.
    await dienIn(buiten, WELZIJN, id, aanbod("ab_welzijn_winterswijk", "02"));
    await pauze(2500);
    assert.equal(postbus.aan(CONSULENT, `hulpvraag ${id}`).length, 1);
    const [{ n }] =
      await sql`select count(*)::int as n from berichten where hulpvraag_id = ${id} and aan = ${CONSULENT}`;
    assert.equal(n, 1);
  });

  it("blijft weg tijdens kantooruren", async () => {
    const id = await gepubliceerdeHulpvraag(binnen);
    await dienIn(binnen, THUISZORG, id, aanbod("ab_thuiszorg_achterhoek", "01"));
    // The publication mail to the planner proves the queue runs; the consulent gets nothing.
    await postbus.wacht(THUISZORG, id);
    await pauze(1500);
    assert.deepEqual(postbus.aan(CONSULENT, `hulpvraag ${id}`), []);
  });

  it("een ongeldige KANTOORUREN stopt de server met een duidelijke melding", async () => {
    // Generous: under a loaded machine starting tsx alone can take a while.
    const r = await startZonderSucces({ databaseUrl: buiten.databaseUrl, env: { KANTOORUREN: "8-17" } }, 90_000);
    assert.notEqual(r.code, 0);
    assert.match(r.uitvoer, /KANTOORUREN: "8-17" is geen geldige tijd, gebruik bijvoorbeeld "ma-vr 08:00-17:00"/);
  });
});
