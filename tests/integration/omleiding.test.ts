import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEMO_WACHTWOORD, formulier, startServer, type TestServer } from "../support/server";

/**
 * Issue 12, item 3: after signing in, `terug` leads only to a page of our own site. The browser's
 * reading of the Location header is the WHATWG URL parser, the same `new URL` used here.
 */
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

async function naInloggen(terug: string) {
  const res = await formulier(server, "/inloggen", {
    email: "consulent@winterswijk.demo",
    password: DEMO_WACHTWOORD,
    terug,
  });
  assert.equal(res.status, 302, await res.text());
  return new URL(res.headers.get("location")!, server.url);
}

describe("terug na inloggen", () => {
  for (const kwaad of [
    "/\\evil.example",
    "/\\/evil.example",
    "//evil.example",
    "https://evil.example/",
    "%2F%2Fevil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "\\\\evil.example",
    "http:evil.example",
  ]) {
    it(`stuurt ${JSON.stringify(kwaad)} naar de eigen startpagina`, async () => {
      const doel = await naInloggen(kwaad);
      assert.equal(doel.origin, server.url);
      assert.equal(doel.pathname, "/consulent");
    });
  }

  it("een pagina van de eigen site blijft, met zoekvraag", async () => {
    const doel = await naInloggen("/consulent/clienten?zoek=a%2Fb");
    assert.equal(doel.origin, server.url);
    assert.equal(`${doel.pathname}${doel.search}`, "/consulent/clienten?zoek=a%2Fb");
  });

  it("een gecodeerde dubbele schuine streep blijft een pad op de eigen site", async () => {
    const doel = await naInloggen("/%2F%2Fevil.example");
    assert.equal(doel.origin, server.url);
  });
});
