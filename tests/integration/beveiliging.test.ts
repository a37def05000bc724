import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

describe("headers en webveiligheid", () => {
  it("elke pagina heeft een strikte CSP met een nonce die alleen Remix' eigen scripts dragen", async () => {
    const res = await fetch(`${server.url}/inloggen`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.ok(scripts.length > 0);
    for (const s of scripts) assert.ok(s.includes(`nonce="${nonce}"`) || /\bsrc=/.test(s), `script zonder nonce: ${s}`);
    const tweede = (await fetch(`${server.url}/inloggen`)).headers.get("content-security-policy");
    assert.notEqual(tweede, csp, "elke response een nieuwe nonce");
    assert.equal(res.headers.get("x-frame-options"), "DENY");
    assert.equal(res.headers.get("cache-control"), "no-store");
  });

  it("weigert een formulier dat van een andere site komt (CSRF), ook met geldige gegevens", async () => {
    const res = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://kwaadaardig.example" },
      body: new URLSearchParams({ email: "consulent@winterswijk.demo", password: "zorgveiling-demo" }),
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("set-cookie"), null);
  });
});
