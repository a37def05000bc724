import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind, vingerafdruk } from "../support/database";

/**
 * Issue 12, item 1: the logins of an aanbieder belong to the aanbieder. A gemeente beheerder
 * cannot make, change or use one; it can only invite a contracted provider, who then makes its
 * own first account (aanbieder-beheerder) and manages its own planners.
 */
let server: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql?.end();
  await server?.stop();
});

const WACHTWOORD = "een-eigen-lang-wachtwoord";
const AALTEN = "beheerder@aalten.demo";
const WINTERSWIJK = "beheerder@winterswijk.demo";
let n = 0;
const uniek = (domein: string) => `test-${++n}-${Date.now()}@${domein}`;

async function kanInloggen(email: string, password = WACHTWOORD) {
  return (await server.api("POST", "/api/v1/auth/token", { body: { email, password } })).status === 200;
}

describe("accounts van een aanbieder", () => {
  it("een gemeentebeheerder kan via de API geen account maken dat voor een aanbieder handelt", async () => {
    const token = await server.token(AALTEN);
    for (const body of [
      { rol: "aanbieder", aanbiederId: "ab_thuiszorg_achterhoek" },
      { rol: "aanbieder-beheerder", aanbiederId: "ab_thuiszorg_achterhoek" },
      { rol: "aanbieder" },
      { rol: "consulent", aanbiederId: "ab_thuiszorg_achterhoek" },
    ]) {
      const email = uniek("aalten.demo");
      await geweigerd(
        sql,
        () =>
          server.api("POST", "/api/v1/users", {
            token,
            body: { email, naam: "Stiekem Account", password: WACHTWOORD, ...body },
          }),
        "forbidden",
        body.rol === "consulent" ? "aanbiederId" : "rol",
      );
      assert.equal((await sql`select 1 from gebruikers where email = ${email}`).length, 0);
    }
  });

  it("ook niet via het formulier op /beheer/gebruikers", async () => {
    const { cookie } = await webInloggen(server, AALTEN);
    const email = uniek("aalten.demo");
    const voor = await vingerafdruk(sql);
    const res = await formulier(
      server,
      "/beheer/gebruikers",
      {
        naam: "Stiekem Account",
        email,
        rol: "aanbieder",
        aanbiederId: "ab_thuiszorg_achterhoek",
        password: WACHTWOORD,
      },
      { cookie: cookie! },
    );
    assert.equal(res.status, 403);
    assert.match(await res.text(), /Accounts van een aanbieder beheert de aanbieder zelf/);
    assert.deepEqual(await vingerafdruk(sql), voor);
  });

  it("een bestaand account verandert niet van organisatie, en een gemeente maakt er geen planner van", async () => {
    const token = await server.token(WINTERSWIJK);
    const [consulent] = await sql`select id from gebruikers where email = 'consulent@winterswijk.demo'`;
    const [planner] = await sql`select id from gebruikers where email = 'planning@thuiszorg-achterhoek.demo'`;
    await geweigerd(
      sql,
      () => server.api("PATCH", `/api/v1/users/${consulent.id}`, { token, body: { rol: "aanbieder" } }),
      "forbidden",
      "rol",
    );
    await geweigerd(
      sql,
      () =>
        server.api("PATCH", `/api/v1/users/${consulent.id}`, {
          token,
          body: { rol: "aanbieder", aanbiederId: "ab_thuiszorg_achterhoek" },
        }),
      "invalid_input",
      "aanbiederId",
    );
    await geweigerd(
      sql,
      () =>
        server.api("PATCH", `/api/v1/users/${consulent.id}`, {
          token,
          body: { rol: "consulent", gemeenteId: "aalten" },
        }),
      "invalid_input",
      "gemeenteId",
    );
    // A provider's planner is not one of the gemeente's users: it does not exist for the gemeente.
    await geweigerd(
      sql,
      () => server.api("PATCH", `/api/v1/users/${planner.id}`, { token, body: { rol: "beheerder" } }),
      "not_found",
    );
    const lijst = (await server.api("GET", "/api/v1/users", { token })).body.items as { email: string; rol: string }[];
    assert.ok(
      lijst.every((g) => ["beheerder", "consulent", "toezichthouder"].includes(g.rol)),
      JSON.stringify(lijst),
    );
  });

  it("een uitnodiging alleen voor een gecontracteerde aanbieder; de aanbieder kiest zelf het wachtwoord; eenmalig; in de audittrail", async () => {
    const token = await server.token(WINTERSWIJK);
    await geweigerd(
      sql,
      () => server.api("POST", "/api/v1/aanbieders/ab_zorgbureau_nieuw/invites", { token }),
      "not_contracted",
      "aanbiederId",
    );
    const u = await server.api("POST", "/api/v1/aanbieders/ab_de_klaproos/invites", { token });
    assert.equal(u.status, 201, u.text);
    assert.match(u.body.url, /\/aanbieder-uitnodiging\?code=/);
    // Only the HMAC is stored.
    const [opgeslagen] = await sql`select * from aanbieder_uitnodigingen where id = ${u.body.id}`;
    assert.ok(!JSON.stringify(opgeslagen).includes(u.body.code));

    const email = uniek("de-klaproos.demo");
    const gelijktijdig = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        server.api("POST", "/api/v1/aanbieder-invites/accept", {
          body: {
            code: u.body.code,
            email: i === 0 ? email : uniek("de-klaproos.demo"),
            naam: "Karin Klaproos",
            password: WACHTWOORD,
          },
        }),
      ),
    );
    const gelukt = gelijktijdig.filter((r) => r.status === 201);
    assert.equal(gelukt.length, 1, gelijktijdig.map((r) => `${r.status} ${r.text}`).join("\n"));
    assert.ok(gelijktijdig.filter((r) => r.status !== 201).every((r) => r.body.error.code === "invalid_input"));
    const nieuw = gelukt[0].body;
    assert.equal(nieuw.rol, "aanbieder-beheerder");
    assert.equal(nieuw.aanbiederId, "ab_de_klaproos");
    assert.equal(nieuw.gemeenteId, null);
    assert.equal("passwordHash" in nieuw, false);

    // Recorded for every gemeente the provider works for (both demo gemeenten contract De Klaproos).
    const audit =
      await sql`select gemeente_id from audit_log where actie = 'aanbieder.uitnodiging_aanvaard' and entiteit_id = ${nieuw.id} order by gemeente_id`;
    assert.deepEqual(
      audit.map((r) => r.gemeente_id),
      ["aalten", "winterswijk"],
    );

    // The provider manages its own planners, and only those.
    const pToken = (
      await server.api("POST", "/api/v1/auth/token", { body: { email: nieuw.email, password: WACHTWOORD } })
    ).body.token;
    assert.ok(pToken);
    const plannerEmail = uniek("de-klaproos.demo");
    const p = await server.api("POST", "/api/v1/users", {
      token: pToken,
      body: { email: plannerEmail, naam: "Piet Planner", rol: "aanbieder", password: WACHTWOORD },
    });
    assert.equal(p.status, 201, p.text);
    assert.equal(p.body.aanbiederId, "ab_de_klaproos");
    const me = (
      await server.api("GET", "/api/v1/me", {
        token: (await server.api("POST", "/api/v1/auth/token", { body: { email: plannerEmail, password: WACHTWOORD } }))
          .body.token,
      })
    ).body;
    assert.equal(me.aanbiederId, "ab_de_klaproos");
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/users", {
          token: pToken,
          body: {
            email: uniek("x.demo"),
            naam: "Andermans Planner",
            rol: "aanbieder",
            aanbiederId: "ab_thuiszorg_achterhoek",
            password: WACHTWOORD,
          },
        }),
      "forbidden",
      "aanbiederId",
    );
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/users", {
          token: pToken,
          body: { email: uniek("x.demo"), naam: "Gemeente Consulent", rol: "consulent", password: WACHTWOORD },
        }),
      "forbidden",
      "rol",
    );
    const eigen = (await server.api("GET", "/api/v1/users", { token: pToken })).body.items as { aanbiederId: string }[];
    assert.ok(eigen.length >= 3 && eigen.every((g) => g.aanbiederId === "ab_de_klaproos"), JSON.stringify(eigen));
    // The gemeente's list never shows them.
    const gemeente = (await server.api("GET", "/api/v1/users", { token })).body.items as { email: string }[];
    assert.ok(!gemeente.some((g) => g.email === plannerEmail));
    // A used code opens nothing.
    await geweigerd(
      sql,
      () =>
        server.api("POST", "/api/v1/aanbieder-invites/accept", {
          body: { code: u.body.code, email: uniek("de-klaproos.demo"), naam: "Nog Eens", password: WACHTWOORD },
        }),
      "invalid_input",
      "code",
    );
  });

  it("de uitnodigingspagina maakt het account met een eigen wachtwoord", async () => {
    const u = await server.api("POST", "/api/v1/aanbieders/ab_welzijn_winterswijk/invites", {
      token: await server.token(WINTERSWIJK),
    });
    const pagina = await fetch(`${server.url}/aanbieder-uitnodiging?code=${encodeURIComponent(u.body.code)}`);
    assert.equal(pagina.status, 200);
    assert.ok((await pagina.text()).includes(u.body.code));
    const email = uniek("welzijn-winterswijk.demo");
    const res = await formulier(server, "/aanbieder-uitnodiging", {
      code: u.body.code,
      email,
      naam: "Wim Welzijn",
      password: WACHTWOORD,
    });
    assert.equal(res.status, 302);
    assert.equal(await kanInloggen(email), true);
    const inlog = await formulier(server, "/inloggen", { email, password: WACHTWOORD });
    assert.equal(inlog.headers.get("location"), "/organisatie");
    const cookie = inlog.headers
      .getSetCookie()
      .find((c) => c.startsWith("zv_sessie="))!
      .split(";")[0];
    const org = await fetch(`${server.url}/organisatie`, { headers: { cookie } });
    assert.equal(org.status, 200);
    assert.match(await org.text(), /Planning Welzijn Winterswijk/);
  });
});
