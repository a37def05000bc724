import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import { startServer, DEMO_WACHTWOORD, type TestServer } from "../support/server";

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

describe("API-token", () => {
  it("geeft een token met rol en vervaldatum voor geldige gegevens", async () => {
    const r = await server.api("POST", "/api/v1/auth/token", {
      body: { email: "consulent@winterswijk.demo", password: DEMO_WACHTWOORD },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.role, "consulent");
    assert.match(r.body.token, /^[a-z0-9]{20,}$/);
    assert.ok(new Date(r.body.expiresAt).getTime() > Date.now() + 3600_000);
    const wie = await server.api("GET", "/api/v1/me", { token: r.body.token });
    assert.equal(wie.status, 200);
    assert.equal(wie.body.email, "consulent@winterswijk.demo");
    assert.equal(wie.body.gemeenteId, "winterswijk");
  });

  it("weigert verkeerde gegevens met 401 en de vaste foutvorm", async () => {
    const r = await server.api("POST", "/api/v1/auth/token", {
      body: { email: "consulent@aalten.demo", password: "nee" },
    });
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.body.error).sort(), ["code", "details", "message"]);
    assert.equal(r.body.error.code, "unauthorized");
    assert.match(r.body.error.message, /klopt niet/);
  });

  it("noemt het foute veld bij ongeldige invoer, zonder stacktrace", async () => {
    const r = await server.api("POST", "/api/v1/auth/token", { body: { email: "geen-adres", password: 12 } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "invalid_input");
    const velden = r.body.error.details.map((d: { field: string }) => d.field).sort();
    assert.deepEqual(velden, ["email", "password"]);
    const kapot = await server.api("POST", "/api/v1/auth/token", { body: "{niet json" });
    assert.equal(kapot.status, 422);
    assert.equal(kapot.body.error.code, "invalid_input");
    assert.doesNotMatch(kapot.text, /at .*\.ts:\d+/);
  });

  it("vertraagt herhaalde mislukte pogingen met 429 en Retry-After", async () => {
    const email = "toezicht@winterswijk.demo";
    const statussen: number[] = [];
    for (let i = 0; i < 7; i++) {
      statussen.push(
        (
          await server.api("POST", "/api/v1/auth/token", {
            body: { email, password: `fout${i}` },
            headers: { "x-forwarded-for": "10.9.9.9" },
          })
        ).status,
      );
    }
    assert.deepEqual(statussen.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statussen[5], 429);
    const geblokkeerd = await server.api("POST", "/api/v1/auth/token", { body: { email, password: DEMO_WACHTWOORD } });
    assert.equal(geblokkeerd.status, 429);
    assert.equal(geblokkeerd.body.error.code, "rate_limited");
    assert.ok(Number(geblokkeerd.headers.get("retry-after")) > 0);
  });

  it("trekt een token in zodat het daarna niet meer werkt", async () => {
    const r = await server.api("POST", "/api/v1/auth/token", {
      body: { email: "beheerder@aalten.demo", password: DEMO_WACHTWOORD },
    });
    assert.equal((await server.api("DELETE", "/api/v1/auth/token", { token: r.body.token })).status, 200);
    const daarna = await server.api("GET", "/api/v1/me", { token: r.body.token });
    assert.equal(daarna.status, 401);
    assert.equal(daarna.body.error.code, "unauthorized");
  });

  it("geeft 404 in de vaste vorm voor een onbekend pad", async () => {
    const r = await server.api("GET", "/api/v1/bestaat-niet");
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, "not_found");
  });
});

describe("live kanaal", () => {
  it("weigert een socket zonder sessie of token", async () => {
    const socket = io(server.url, { transports: ["websocket"], reconnection: false });
    const fout = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    assert.equal(fout.message, "unauthorized");
    socket.close();
  });

  it("laat een socket met token alleen de eigen feeds volgen", async () => {
    const token = await server.token("planning@de-klaproos.demo");
    const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", resolve);
      socket.on("connect_error", reject);
    });
    const antwoord = await socket.emitWithAck("sync", {
      feeds: { "gemeente:winterswijk": 0, "aanbieder:ab_begeleiding_oost": 0, "aanbieder:ab_de_klaproos": 0 },
    });
    assert.deepEqual(
      Object.keys(antwoord.feeds).sort(),
      ["aanbieder:ab_de_klaproos", `gebruiker:${(await server.api("GET", "/api/v1/me", { token })).body.id}`].sort(),
    );
    socket.close();
  });
});

describe("OpenAPI", () => {
  it("beschrijft de API als OpenAPI 3.1 met de token-route", async () => {
    const r = await server.api("GET", "/api/v1/openapi.json");
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, "3.1.0");
    assert.ok(r.body.paths["/api/v1/auth/token"].post.requestBody);
  });
});
