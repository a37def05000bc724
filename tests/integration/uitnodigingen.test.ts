import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import type { LiveEvent } from "../../realtime/events";
import { startServer, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { CONSULENT, CONSULENT_AALTEN, gepubliceerdeHulpvraag } from "../support/fabriek";
import { THUISZORG, aanbod } from "../support/ronde";

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

// Each test comes from its own address, so the per-address slowdown of one test never blocks another.
let adres = 0;
const nieuwAdres = () => `203.0.113.${++adres}`;

async function nodigUit(hulpvraagId: string, body: Record<string, unknown> = {}) {
  const r = await server.api("POST", `/api/v1/requests/${hulpvraagId}/invites`, {
    token: await server.token(CONSULENT),
    body,
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; code: string; url: string; expiresAt: string };
}

const meldAan = (code: string, van = nieuwAdres()) =>
  server.api("POST", "/api/v1/client/session", { body: { code }, headers: { "x-forwarded-for": van } });

describe("uitnodiging maken", () => {
  it("geeft een code om voor te lezen, een link en een vervaldatum; bewaart alleen een hash", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await nodigUit(id, { vertegenwoordiger: "dochter (mantelzorger)" });
    assert.match(u.code, /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
    assert.ok(u.url.endsWith(`/uitnodiging?code=${u.code}`), u.url);
    const dagen = (new Date(u.expiresAt).getTime() - Date.now()) / 86400_000;
    assert.ok(dagen > 13.9 && dagen <= 14, `${dagen} dagen geldig`);
    const [rij] = await sql`select * from uitnodigingen where id = ${u.id}`;
    assert.match(rij.code_hash, /^[0-9a-f]{64}$/);
    const tekst = JSON.stringify(await sql`select * from uitnodigingen`);
    assert.equal(tekst.includes(u.code.replace("-", "")), false, "de code zelf staat nergens in de database");
    assert.equal(rij.vertegenwoordiger, "dochter (mantelzorger)");
    const [audit] = await sql`select actie, na from audit_log where entiteit_id = ${u.id}`;
    assert.equal(audit.actie, "uitnodiging.aangemaakt");
    assert.equal(JSON.stringify(audit.na).includes(u.code), false, "ook het audittrail kent de code niet");
  });

  it("is alleen voor de consulent van de eigen gemeente", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const andere = await geweigerd(
      sql,
      async () =>
        server.api("POST", `/api/v1/requests/${id}/invites`, { token: await server.token(CONSULENT_AALTEN), body: {} }),
      "not_found",
    );
    assert.equal(andere.status, 404);
    const aanbieder = await geweigerd(
      sql,
      async () =>
        server.api("POST", `/api/v1/requests/${id}/invites`, { token: await server.token(THUISZORG), body: {} }),
      "forbidden",
    );
    assert.equal(aanbieder.status, 403);
  });
});

describe("de cliënt met een code", () => {
  it("opent alleen de eigen hulpvraag en de aanbiedingen in gewone woorden, zonder prijzen", async () => {
    const id = await gepubliceerdeHulpvraag(server, { productcategorieen: ["01"] });
    const ander = await gepubliceerdeHulpvraag(server);
    const offer = await server.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await server.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    assert.equal(offer.status, 201, offer.text);
    const u = await nodigUit(id);
    // Typed the way people type a code they heard: lower case, spaces instead of a dash.
    const s = await meldAan(u.code.toLowerCase().replace("-", " "));
    assert.equal(s.status, 201, s.text);
    assert.equal(s.body.role, "client");
    assert.equal(s.body.requestId, id);

    const token = s.body.token;
    const h = await server.api("GET", `/api/v1/requests/${id}`, { token });
    assert.equal(h.status, 200);
    assert.equal(h.body.clientId, undefined);
    const lijst = await server.api("GET", `/api/v1/requests/${id}/offers`, { token });
    assert.equal(lijst.status, 200);
    assert.equal(lijst.body.items.length, 1);
    const a = lijst.body.items[0];
    assert.equal(a.aanbiederNaam, "Thuiszorg Achterhoek");
    assert.equal(a.samenvatting, "Wij maken elke week het huis schoon, samen met u.");
    assert.equal(a.prijsPerMaandCent, undefined, "de prijs is een zaak van de gemeente");

    for (const pad of [
      `/api/v1/requests/${ander}`,
      `/api/v1/requests/${ander}/offers`,
      `/api/v1/requests/${ander}/choice`,
    ]) {
      const r = await server.api("GET", pad, { token });
      assert.equal(r.status, 404, pad);
    }
    const keuze = await geweigerd(
      sql,
      () => server.api("POST", `/api/v1/requests/${ander}/choice`, { token, body: { offerId: null } }),
      "not_found",
    );
    assert.equal(keuze.status, 404);
    const lijstAlles = await server.api("GET", "/api/v1/requests", { token });
    assert.equal(lijstAlles.status, 403, "een cliënt heeft geen overzicht van hulpvragen");
  });

  it("hoort nieuwe aanbiedingen live op de eigen hulpvraag", async () => {
    const id = await gepubliceerdeHulpvraag(server, { productcategorieen: ["01"] });
    const u = await nodigUit(id);
    const s = await meldAan(u.code);
    const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token: s.body.token } });
    try {
      const gehoord = new Promise<Record<string, unknown>>((resolve) =>
        socket.on("live", (e: LiveEvent) => {
          if (e.type === "offer:created") resolve(e.payload.aanbieding);
        }),
      );
      await new Promise<void>((resolve, reject) => {
        socket.on("connect", resolve);
        socket.on("connect_error", reject);
      });
      const r = await server.api("POST", `/api/v1/requests/${id}/offers`, {
        token: await server.token(THUISZORG),
        body: aanbod("ab_thuiszorg_achterhoek", "01"),
      });
      assert.equal(r.status, 201, r.text);
      const payload = await gehoord;
      assert.equal(payload.id, r.body.id);
      assert.equal(payload.prijsPerMaandCent, undefined);
    } finally {
      socket.close();
    }
  });

  it("sluit bij afmelden via DELETE /client/session ook de live verbinding van de cliënt", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const s = await meldAan((await nodigUit(id)).code);
    const socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token: s.body.token } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on("connect", resolve);
        socket.on("connect_error", reject);
      });
      const einde = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("de socket van de cliënt bleef open")), 5000);
        socket.on("disconnect", (reden) => {
          clearTimeout(timer);
          resolve(reden);
        });
      });
      const r = await server.api("DELETE", "/api/v1/client/session", { token: s.body.token });
      assert.equal(r.status, 200, r.text);
      assert.equal(await einde, "io server disconnect");
      assert.equal((await server.api("GET", "/api/v1/me", { token: s.body.token })).status, 401);
    } finally {
      socket.close();
    }
  });

  it("weigert een verkeerde code met 401 en een Nederlandse uitleg; er verandert niets", async () => {
    const r = await geweigerd(sql, () => meldAan("KZ7M-P4QA"), "unauthorized", "code");
    assert.equal(r.status, 401);
    assert.match(r.body.error.message, /klopt niet, is verlopen of is ingetrokken/);
  });

  it("weigert een verlopen code", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await nodigUit(id);
    await sql`update uitnodigingen set geldig_tot = now() - interval '1 minute' where id = ${u.id}`;
    const r = await geweigerd(sql, () => meldAan(u.code), "unauthorized");
    assert.equal(r.status, 401);
  });

  it("weigert een ingetrokken code en beëindigt de open sessie meteen", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await nodigUit(id);
    const s = await meldAan(u.code);
    assert.equal((await server.api("GET", `/api/v1/requests/${id}`, { token: s.body.token })).status, 200);
    const ingetrokken = await server.api("POST", `/api/v1/invites/${u.id}/revoke`, {
      token: await server.token(CONSULENT),
    });
    assert.equal(ingetrokken.status, 200, ingetrokken.text);
    assert.ok(ingetrokken.body.revokedAt);
    assert.equal((await server.api("GET", `/api/v1/requests/${id}`, { token: s.body.token })).status, 401);
    const opnieuw = await meldAan(u.code);
    assert.equal(opnieuw.status, 401);
    const [audit] =
      await sql`select actie from audit_log where entiteit_id = ${u.id} and actie = 'uitnodiging.ingetrokken'`;
    assert.ok(audit);
    const lijst = await server.api("GET", `/api/v1/requests/${id}/invites`, { token: await server.token(CONSULENT) });
    assert.equal(lijst.body.items[0].revokedAt, ingetrokken.body.revokedAt);
    assert.equal(JSON.stringify(lijst.body).includes(u.code), false);
  });

  it("remt raden af: na 30 foute codes vanaf één adres 429 met Retry-After, ook voor een goede code", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await nodigUit(id);
    const van = nieuwAdres();
    // Each guess another first half, so only the address limit (30 per 15 minutes) counts.
    const t = "34679ACDEFGHJKMNPQRTWXY";
    for (let i = 0; i < 30; i++)
      assert.equal((await meldAan(`${t[i % 23]}${t[Math.floor(i / 23)]}WW-WW3X`, van)).status, 401);
    const r = await meldAan(u.code, van);
    assert.equal(r.status, 429);
    assert.equal(r.body.error.code, "rate_limited");
    assert.ok(Number(r.headers.get("retry-after")) > 0);
    assert.equal((await meldAan(u.code)).status, 201, "een ander adres met de goede code komt er wel in");
  });

  it("remt raden af per codebegin, ook vanaf steeds een ander adres", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const u = await nodigUit(id);
    const begin = u.code.slice(0, 4);
    for (let i = 0; i < 5; i++)
      assert.equal((await meldAan(`${begin}-${"WXY"[i % 3]}${"WXY"[(i + 1) % 3]}${"34679"[i]}3`)).status, 401);
    const r = await meldAan(u.code);
    assert.equal(r.status, 429);
    assert.equal(r.body.error.code, "rate_limited");
  });
});
