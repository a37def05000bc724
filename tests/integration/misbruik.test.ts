import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { io, type Socket } from "socket.io-client";
import {
  formulier,
  startServer,
  webInloggen as inloggenViaFormulier,
  DEMO_WACHTWOORD,
  type TestServer,
} from "../support/server";
import { verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";

let server: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
});
after(async () => {
  await sql.end();
  await server.stop();
});

const WACHTTIJD = /Probeer het over \d+ (seconden|minuten) opnieuw\./;

const tokenAanvraag = (email: string, password: string, adres: string) =>
  server.api("POST", "/api/v1/auth/token", { body: { email, password }, headers: { "x-forwarded-for": adres } });

function assertGeblokkeerd(r: { status: number; body: any; headers: Headers }) {
  assert.equal(r.status, 429, JSON.stringify(r.body));
  assert.equal(r.body.error.code, "rate_limited");
  assert.match(r.body.error.message, WACHTTIJD);
  const wacht = Number(r.headers.get("retry-after"));
  assert.ok(Number.isInteger(wacht) && wacht > 0 && wacht <= 900, `Retry-After ${r.headers.get("retry-after")}`);
}

/** The browser's sign-in form, posted like a browser does (same origin, no redirect following). */
const webFormulier = (pad: string, velden: Record<string, string>, opts: { adres?: string; cookie?: string } = {}) =>
  formulier(server, pad, velden, opts);

async function webInloggen(email: string, adres: string): Promise<string> {
  const { res, cookie } = await inloggenViaFormulier(server, email, { adres });
  assert.equal(res.status, 302, await res.text());
  assert.ok(cookie, "een sessiecookie");
  return cookie;
}

async function socketVerbonden(opts: { token?: string; cookie?: string }): Promise<Socket> {
  const socket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    ...(opts.token ? { auth: { token: opts.token } } : {}),
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  return socket;
}

async function socketGeweigerd(opts: { token: string }) {
  const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token: opts.token } });
  const fout = await new Promise<Error>((resolve, reject) => {
    socket.on("connect_error", resolve);
    socket.on("connect", () => reject(new Error("verbonden")));
  });
  socket.close();
  assert.equal(fout.message, "unauthorized");
}

/** Resolves when the server ends the socket: the session:ended notice, then the disconnect. */
const beeindigd = (socket: Socket) =>
  new Promise<{ melding: boolean; reden: string }>((resolve, reject) => {
    let melding = false;
    const timer = setTimeout(() => reject(new Error("de socket bleef open")), 5000);
    socket.on("session:ended", () => {
      melding = true;
    });
    socket.on("disconnect", (reden) => {
      clearTimeout(timer);
      resolve({ melding, reden });
    });
  });

describe("inloggen: vertraging per account en per adres", () => {
  it("blokkeert een account na herhaalde foute wachtwoorden, vanaf elk adres en ook met het juiste wachtwoord", async () => {
    const email = "beheerder@aalten.demo";
    for (let i = 0; i < 5; i++) assert.equal((await tokenAanvraag(email, `fout-${i}`, `10.1.0.${i + 1}`)).status, 401);
    assertGeblokkeerd(await tokenAanvraag(email, "nog-een-gok", "10.1.0.99"));
    const juist = await tokenAanvraag(email, DEMO_WACHTWOORD, "10.1.1.1");
    assertGeblokkeerd(juist);
    assert.equal(juist.body.token, undefined);
    // The counter is a row in the database, so every server process honours it.
    const [rij] = await sql`select punten, verloopt from limieten where sleutel = ${`inlog-account:${email}`}`;
    assert.ok(rij.punten > 5 && new Date(rij.verloopt).getTime() > Date.now());
  });

  it("blokkeert een adres dat veel accounts probeert (100), terwijl hetzelfde account van elders gewoon inlogt", async () => {
    const adres = "10.2.0.1";
    const gokken = await Promise.all(
      Array.from({ length: 100 }, (_, i) => tokenAanvraag(`gok${i}@voorbeeld.nl`, "wachtwoord", adres)),
    );
    assert.deepEqual([...new Set(gokken.map((r) => r.status))], [401]);
    assertGeblokkeerd(await tokenAanvraag("planning@de-klaproos.demo", DEMO_WACHTWOORD, adres));
    const elders = await tokenAanvraag("planning@de-klaproos.demo", DEMO_WACHTWOORD, "10.2.0.2");
    assert.equal(elders.status, 200, elders.text);
  });

  it("toont de wachttijd op de inlogpagina, met Retry-After", async () => {
    const adres = "10.3.0.1";
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await webFormulier("/inloggen", { email: "toezicht@winterswijk.demo", password: `fout-${i}` }, { adres }))
          .status,
        401,
      );
    const r = await webFormulier(
      "/inloggen",
      { email: "toezicht@winterswijk.demo", password: DEMO_WACHTWOORD },
      { adres },
    );
    assert.equal(r.status, 429);
    assert.ok(Number(r.headers.get("retry-after")) > 0);
    assert.equal(
      r.headers.getSetCookie().some((c) => c.startsWith("zv_sessie=") && !c.startsWith("zv_sessie=;")),
      false,
      "geen sessie",
    );
    const html = await r.text();
    assert.match(html, /Even wachten: te veel mislukte pogingen/);
    assert.match(html, WACHTTIJD);
  });
});

describe("uitnodigingscodes raden", () => {
  let code: string;
  before(async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await server.api("POST", `/api/v1/requests/${id}/invites`, {
      token: await server.token(CONSULENT),
      body: {},
    });
    assert.equal(u.status, 201, u.text);
    code = u.body.code;
  });

  const sessie = (c: string, adres: string) =>
    server.api("POST", "/api/v1/client/session", { body: { code: c }, headers: { "x-forwarded-for": adres } });

  it("geeft 429 aan een adres dat codes raadt (30), ook voor een geldige code", async () => {
    const adres = "10.4.0.1";
    const tekens = "3467ACDEFGHJKMNPQRTWXY9";
    // Each guess another first half, so that only the address limit counts.
    for (let i = 0; i < 30; i++)
      assert.equal(
        (await sessie(`${tekens[i % 23]}${tekens[(i * 7) % 23]}${tekens[Math.floor(i / 23)]}X-9ACD`, adres)).status,
        401,
      );
    assertGeblokkeerd(await sessie("QRTW-XY34", adres));
    assertGeblokkeerd(await sessie(code, adres));
    assert.equal((await sessie(code, "10.4.0.2")).status, 201, "van een ander adres werkt de code");
  });

  it("een cliënt trekt het eigen token in; daarna geeft het 401", async () => {
    const s = await sessie(code, "10.4.0.3");
    assert.equal(s.status, 201, s.text);
    assert.equal((await server.api("GET", "/api/v1/me", { token: s.body.token })).status, 200);
    assert.equal((await server.api("DELETE", "/api/v1/auth/token", { token: s.body.token })).status, 200);
    assert.equal((await server.api("GET", "/api/v1/me", { token: s.body.token })).status, 401);
  });

  it("geeft 429 bij raden naar één code vanaf steeds andere adressen", async () => {
    const begin = "CDEF";
    for (let i = 0; i < 5; i++)
      assert.equal((await sessie(`${begin}-${"WXY3467"[i]}ACD`, `10.5.0.${i + 1}`)).status, 401);
    assertGeblokkeerd(await sessie(`${begin}-GHJK`, "10.5.1.1"));
  });
});

describe("API-tokens verlopen en kunnen worden ingetrokken", () => {
  it("weigert een ingetrokken token met 401, ook op het live kanaal", async () => {
    const { body } = await tokenAanvraag("beheerder@winterswijk.demo", DEMO_WACHTWOORD, "10.6.0.1");
    assert.equal((await server.api("GET", "/api/v1/me", { token: body.token })).status, 200);
    const r = await server.api("DELETE", "/api/v1/auth/token", { token: body.token });
    assert.equal(r.status, 200);
    assert.equal(r.body.revoked, true);
    const daarna = await server.api("GET", "/api/v1/me", { token: body.token });
    assert.equal(daarna.status, 401);
    assert.equal(daarna.body.error.code, "unauthorized");
    await socketGeweigerd({ token: body.token });
  });

  it("weigert een verlopen token met 401", async () => {
    const { body } = await tokenAanvraag("consulent@winterswijk.demo", DEMO_WACHTWOORD, "10.6.0.2");
    assert.ok(new Date(body.expiresAt).getTime() <= Date.now() + 12 * 3600_000 + 60_000, "hooguit 12 uur geldig");
    await sql`update sessies set expires_at = now() - interval '1 minute' where id = ${body.token}`;
    const r = await server.api("GET", "/api/v1/me", { token: body.token });
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, "unauthorized");
    await socketGeweigerd({ token: body.token });
  });

  it("sluit een live verbinding zodra het token verloopt", async () => {
    const { body } = await tokenAanvraag("planning@begeleiding-oost.demo", DEMO_WACHTWOORD, "10.6.0.4");
    await sql`update sessies set expires_at = now() + interval '1.5 seconds' where id = ${body.token}`;
    const socket = await socketVerbonden({ token: body.token });
    const einde = await beeindigd(socket);
    assert.equal(einde.melding, true, "session:ended gemeld");
    assert.equal(einde.reden, "io server disconnect");
  });

  it("verlengt een token niet door het te gebruiken", async () => {
    const { body } = await tokenAanvraag("planning@welzijn-winterswijk.demo", DEMO_WACHTWOORD, "10.6.0.3");
    const [rij] =
      await sql`update sessies set expires_at = now() + interval '1 minute' where id = ${body.token} returning expires_at`;
    assert.equal((await server.api("GET", "/api/v1/me", { token: body.token })).status, 200);
    const [na] = await sql`select expires_at from sessies where id = ${body.token}`;
    assert.equal(new Date(na.expires_at).getTime(), new Date(rij.expires_at).getTime());
  });
});

describe("uitloggen: alleen hier of overal", () => {
  it("alleen hier laat de andere sessie en het API-token van dezelfde gebruiker werken", async () => {
    const hier = await webInloggen("beheerder@winterswijk.demo", "10.7.0.1");
    const elders = await webInloggen("beheerder@winterswijk.demo", "10.7.0.2");
    const { body } = await tokenAanvraag("beheerder@winterswijk.demo", DEMO_WACHTWOORD, "10.7.0.3");
    const r = await webFormulier("/uitloggen", { overal: "nee" }, { cookie: hier });
    assert.equal(r.status, 302);
    assert.equal(r.headers.get("location"), "/inloggen");
    assert.equal((await fetch(`${server.url}/beheer`, { redirect: "manual", headers: { cookie: hier } })).status, 302);
    assert.equal(
      (await fetch(`${server.url}/beheer`, { redirect: "manual", headers: { cookie: elders } })).status,
      200,
    );
    assert.equal((await server.api("GET", "/api/v1/me", { token: body.token })).status, 200);
  });

  it("overal beëindigt de andere browsersessie, het API-token en hun live verbindingen", async () => {
    const email = "consulent@aalten.demo";
    const hier = await webInloggen(email, "10.8.0.1");
    const elders = await webInloggen(email, "10.8.0.2");
    const { body } = await tokenAanvraag(email, DEMO_WACHTWOORD, "10.8.0.3");
    const viaToken = await socketVerbonden({ token: body.token });
    const viaBrowser = await socketVerbonden({ cookie: elders });
    const anderePersoon = await socketVerbonden({ token: await server.token("consulent@winterswijk.demo") });
    const eindes = [beeindigd(viaToken), beeindigd(viaBrowser)];

    const pagina = await fetch(`${server.url}/uitloggen`, { headers: { cookie: hier } });
    assert.equal(pagina.status, 200);
    const html = await pagina.text();
    assert.match(html, /Alleen hier afmelden/);
    assert.match(html, /Overal afmelden/);

    const r = await webFormulier("/uitloggen", { overal: "ja" }, { cookie: hier });
    assert.equal(r.status, 302);
    assert.equal(r.headers.get("location"), "/inloggen?afgemeld=overal");
    for (const einde of await Promise.all(eindes)) {
      assert.equal(einde.melding, true, "session:ended gemeld");
      assert.equal(einde.reden, "io server disconnect");
    }
    assert.equal(anderePersoon.connected, true, "een andere gebruiker blijft verbonden");
    anderePersoon.close();

    const me = await server.api("GET", "/api/v1/me", { token: body.token });
    assert.equal(me.status, 401);
    for (const cookie of [hier, elders]) {
      const p = await fetch(`${server.url}/consulent`, { redirect: "manual", headers: { cookie } });
      assert.equal(p.status, 302);
      assert.match(p.headers.get("location") ?? "", /^\/inloggen\?terug=/);
    }
    await socketGeweigerd({ token: body.token });
    const [{ n }] =
      await sql`select count(*)::int as n from sessies s join gebruikers g on g.id = s.user_id where g.email = ${email}`;
    assert.equal(n, 0);
  });
});
