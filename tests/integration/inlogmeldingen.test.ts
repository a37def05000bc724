import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { CONSULENT } from "../support/fabriek";
import { BEHEERDER } from "../support/demo";

/** What the sign-in page tells a browser that arrives there: why it was signed out, or that its account exists. */
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

/** The page without the form's own address (which repeats the query string), i.e. what the page itself says. */
const zelf = async (pad: string) => (await (await pagina(pad)).text()).replace(/action="[^"]*"/g, "");
const pagina = async (pad: string, cookie?: string) =>
  fetch(server.url + pad, { redirect: "manual", headers: cookie ? { cookie } : {} });

describe("de inlogpagina zegt waarom u er bent", () => {
  it("een browser waarvan de sessie elders is beëindigd, hoort dat bij het inloggen", async () => {
    const hier = (await webInloggen(server, CONSULENT)).cookie!;
    const elders = (await webInloggen(server, CONSULENT)).cookie!;
    assert.equal((await pagina("/consulent", hier)).status, 200);
    const af = await formulier(server, "/uitloggen", { overal: "ja" }, { cookie: elders });
    assert.equal(af.headers.get("location"), "/inloggen?afgemeld=overal");

    const terug = await pagina("/consulent", hier);
    assert.equal(terug.status, 302);
    assert.equal(terug.headers.get("location"), "/inloggen?terug=%2Fconsulent&afgemeld=sessie");
    const tekst = await (await pagina(terug.headers.get("location")!)).text();
    assert.match(tekst, /Uw sessie is beëindigd/);
    assert.match(tekst, /Overal afmelden/);

    // Without a cookie nobody was signed out: no such notice.
    const nieuw = await pagina("/consulent");
    assert.equal(nieuw.headers.get("location"), "/inloggen?terug=%2Fconsulent");
    assert.doesNotMatch(await zelf("/inloggen?afgemeld=vreemd"), /afgemeld|beëindigd|vreemd/i);
  });

  it("na het aanvaarden van een uitnodiging meldt de inlogpagina het nieuwe account, met het e-mailadres ingevuld", async () => {
    const u = await server.api("POST", "/api/v1/aanbieders/ab_welzijn_winterswijk/invites", {
      token: await server.token(BEHEERDER),
    });
    assert.equal(u.status, 201, u.text);
    const email = `nieuw-${Date.now()}@welzijn-winterswijk.demo`;
    const res = await formulier(server, "/aanbieder-uitnodiging", {
      code: u.body.code,
      email,
      naam: "Wim Welzijn",
      password: "een-eigen-lang-wachtwoord",
    });
    assert.equal(res.status, 302);
    const naar = res.headers.get("location")!;
    assert.equal(naar, `/inloggen?email=${encodeURIComponent(email)}&aangemaakt=ja`);
    const tekst = await (await pagina(naar)).text();
    assert.match(tekst, /Uw account is aangemaakt/);
    assert.ok(tekst.includes(`value="${email}"`), "het e-mailadres staat al ingevuld");
    // Only the page's own words: a text in the address is never shown.
    assert.doesNotMatch(await zelf("/inloggen?melding=Bel%20ons%20op%20090012345"), /090012345/);
  });
});
