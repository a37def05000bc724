import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEMO_WACHTWOORD, formulier, startServer, type TestServer } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";

/**
 * Issue 12, item 2: limits that hold when the requests come all at once, and that do not lock
 * out an office. An attempt is reserved before the password or code is checked (one atomic
 * statement in PostgreSQL), so a burst cannot be checked more often than the limit.
 */
let server: TestServer;
/** The same app with the default TRUST_PROXY: nothing is trusted, X-Forwarded-For is ignored. */
let zonderProxy: TestServer;
before(async () => {
  [server, zonderProxy] = await Promise.all([startServer(), startServer({ env: { TRUST_PROXY: "" } })]);
});
after(async () => {
  await Promise.all([server?.stop(), zonderProxy?.stop()]);
});

const token = (s: TestServer, email: string, password: string, adres: string) =>
  s.api("POST", "/api/v1/auth/token", { body: { email, password }, headers: { "x-forwarded-for": adres } });
const sessie = (s: TestServer, code: string, adres: string) =>
  s.api("POST", "/api/v1/client/session", { body: { code }, headers: { "x-forwarded-for": adres } });
const tel = (rs: { status: number }[]) =>
  rs.reduce<Record<number, number>>((t, r) => ({ ...t, [r.status]: (t[r.status] ?? 0) + 1 }), {});

describe("pogingen tegelijk", () => {
  it("40 foute wachtwoorden voor één account tegelijk, van 40 adressen: er worden er hoogstens 5 gecontroleerd", async () => {
    const email = "consulent@aalten.demo";
    const antwoorden = await Promise.all(
      Array.from({ length: 40 }, (_, i) => token(server, email, `fout-${i}`, `10.20.${i}.1`)),
    );
    const telling = tel(antwoorden);
    assert.equal(telling[401], 5, JSON.stringify(telling));
    assert.equal(telling[429], 35, JSON.stringify(telling));
    for (const r of antwoorden.filter((a) => a.status === 429)) assert.ok(Number(r.headers.get("retry-after")) > 0);
    // The account waits, from any address, even with the right password.
    assert.equal((await token(server, email, DEMO_WACHTWOORD, "10.21.0.1")).status, 429);
  });

  it("over twee processen op één database tegelijk: samen hoogstens 5 gecontroleerd, en na kill -9 blijft de teller staan", async () => {
    const tweede = await startServer({ databaseUrl: server.databaseUrl, env: { SEED_DEMO: "false" } });
    try {
      const email = "beheerder@aalten.demo";
      const antwoorden = await Promise.all(
        Array.from({ length: 40 }, (_, i) => token(i % 2 ? tweede : server, email, `fout-${i}`, `10.25.${i}.1`)),
      );
      const telling = tel(antwoorden);
      assert.equal(telling[401], 5, JSON.stringify(telling));
      assert.equal(telling[429], 35, JSON.stringify(telling));
      // The reservations live in PostgreSQL, not in the process that took them.
      await tweede.stop("SIGKILL");
      assert.equal((await token(server, email, DEMO_WACHTWOORD, "10.25.99.1")).status, 429);
    } finally {
      await tweede.stop();
    }
  });

  it("ook via het inlogformulier: 20 tegelijk, hoogstens 5 gecontroleerd", async () => {
    const antwoorden = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        formulier(
          server,
          "/inloggen",
          { email: "toezicht@winterswijk.demo", password: `fout-${i}` },
          { adres: `10.22.${i}.1` },
        ),
      ),
    );
    const telling = tel(antwoorden);
    assert.equal(telling[401], 5, JSON.stringify(telling));
    assert.equal(telling[429], 15, JSON.stringify(telling));
  });

  it("30 gokken naar één uitnodigingscode tegelijk, elk van een ander adres: hoogstens 5 gecontroleerd", async () => {
    const antwoorden = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sessie(
          server,
          `MNPQ-${"ACDEFGHJKMNPQRTWXY346799"[i % 23]}${"ACDEFGHJKMNPQRTWXY34679"[Math.floor(i / 23)]}RT`,
          `10.23.${i}.1`,
        ),
      ),
    );
    const telling = tel(antwoorden);
    assert.equal(telling[401], 5, JSON.stringify(telling));
    assert.equal(telling[429], 25, JSON.stringify(telling));
  });

  it("een adres: 120 pogingen op verschillende accounts tegelijk, hoogstens 100 gecontroleerd", async () => {
    const antwoorden = await Promise.all(
      Array.from({ length: 120 }, (_, i) => token(server, `iemand-${i}@voorbeeld.nl`, "wachtwoord", "10.24.0.1")),
    );
    const telling = tel(antwoorden);
    assert.equal(telling[401], 100, JSON.stringify(telling));
    assert.equal(telling[429], 20, JSON.stringify(telling));
  });
});

describe("eerlijk voor een kantoor achter één adres", () => {
  it("vijf tikfouten van één persoon sluiten de collega's achter hetzelfde adres niet buiten", async () => {
    const kantoor = "10.30.0.1";
    for (let i = 0; i < 5; i++)
      assert.equal((await token(server, "beheerder@winterswijk.demo", `tikfout-${i}`, kantoor)).status, 401);
    assert.equal(
      (await token(server, "beheerder@winterswijk.demo", DEMO_WACHTWOORD, kantoor)).status,
      429,
      "het account zelf wacht",
    );
    for (const collega of [
      "consulent@winterswijk.demo",
      "planning@de-klaproos.demo",
      "planning@begeleiding-oost.demo",
    ]) {
      const r = await token(server, collega, DEMO_WACHTWOORD, kantoor);
      assert.equal(r.status, 200, `${collega}: ${r.text}`);
    }
  });

  it("een geslaagde inlog geeft de poging terug: 4 fouten, goed, 4 fouten blokkeert niet", async () => {
    const email = "planning@welzijn-winterswijk.demo";
    for (let i = 0; i < 4; i++) assert.equal((await token(server, email, `fout-${i}`, "10.31.0.1")).status, 401);
    assert.equal((await token(server, email, DEMO_WACHTWOORD, "10.31.0.1")).status, 200);
    for (let i = 0; i < 4; i++) assert.equal((await token(server, email, `fout-${i}`, "10.31.0.1")).status, 401);
    assert.equal((await token(server, email, DEMO_WACHTWOORD, "10.31.0.1")).status, 200);
  });
});

describe("TRUST_PROXY", () => {
  it("standaard telt X-Forwarded-For niet: wisselende adressen in de kop zijn één adres", async () => {
    // 30 code guesses per address: each with another X-Forwarded-For and another code, still one address.
    const tekens = "3467ACDEFGHJKMNPQRTWXY9";
    const antwoorden = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        sessie(zonderProxy, `${tekens[i % 23]}${tekens[Math.floor(i / 23)]}QQ-9ACD`, `198.51.100.${i + 1}`),
      ),
    );
    const telling = tel(antwoorden);
    assert.equal(telling[401], 30, JSON.stringify(telling));
    assert.equal(telling[429], 10, JSON.stringify(telling));
  });

  it("met TRUST_PROXY=loopback geldt het adres dat de proxy op deze machine doorgeeft", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await server.api("POST", `/api/v1/requests/${id}/invites`, {
      token: await server.token(CONSULENT),
      body: {},
    });
    const tekens = "3467ACDEFGHJKMNPQRTWXY9";
    for (let i = 0; i < 30; i++)
      assert.equal(
        (await sessie(server, `${tekens[i % 23]}${tekens[Math.floor(i / 23)]}WW-9ACD`, "10.40.0.1")).status,
        401,
      );
    assert.equal((await sessie(server, u.body.code, "10.40.0.1")).status, 429);
    assert.equal((await sessie(server, u.body.code, "10.40.0.2")).status, 201);
  });

  it("weigert een onzinnige TRUST_PROXY bij de start", async () => {
    await assert.rejects(startServer({ env: { TRUST_PROXY: "iedereen" } }), /TRUST_PROXY/);
  });
});
