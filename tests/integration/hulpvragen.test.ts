import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { KLAPROOS, THUISZORG, ZONDER_CONTRACT } from "../support/demo";
import { verbind, vingerafdruk } from "../support/database";
import {
  CONSULENT,
  CONSULENT_AALTEN,
  gepubliceerdeHulpvraag,
  hulpvraagInvoer,
  luisteraar,
  maakClient,
  pauze,
} from "../support/fabriek";

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

describe("cliëntregister", () => {
  it("weigert een BSN dat niet door de 11-proef komt, met het veld erbij", async () => {
    const r = await server.api("POST", "/api/v1/clients", {
      token: await server.token(CONSULENT),
      body: {
        naam: "A. Test",
        bsn: "123456789",
        straat: "Laan",
        huisnummer: "1",
        postcode: "7101AB",
        woonplaats: "Winterswijk",
        geboortedatum: "1950-01-01",
      },
    });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, "invalid_input");
    assert.equal(r.body.error.details[0].field, "bsn");
  });

  it("laat aanbieders geen cliënt registreren", async () => {
    const r = await server.api("POST", "/api/v1/clients", {
      token: await server.token(THUISZORG),
      body: {
        naam: "A. Test",
        bsn: "111222333",
        straat: "Laan",
        huisnummer: "1",
        postcode: "7101AB",
        woonplaats: "Winterswijk",
        geboortedatum: "1950-01-01",
      },
    });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, "forbidden");
  });
});

describe("publiceren en zien", () => {
  it("toont een gepubliceerde hulpvraag live en via de API aan een gecontracteerde aanbieder, nooit aan een niet-gecontracteerde", async () => {
    const gecontracteerd = await luisteraar(server, THUISZORG);
    const zonder = await luisteraar(server, ZONDER_CONTRACT);
    const andereCategorie = await luisteraar(server, KLAPROOS);
    const id = await gepubliceerdeHulpvraag(server);

    const event = await gecontracteerd.wacht("request:published", (p) => p.hulpvraagId === id, 1000);
    assert.equal(event.payload.hulpvraag?.regio, "7101");
    assert.equal(JSON.stringify(event.payload).includes("clientId"), false, "het live bericht bevat geen cliënt-id");
    await pauze(300);
    assert.equal(zonder.events.filter((e) => e.payload.hulpvraagId === id).length, 0);
    assert.equal(andereCategorie.events.filter((e) => e.payload.hulpvraagId === id).length, 0);

    const lijst = await server.api("GET", "/api/v1/requests", { token: await server.token(THUISZORG) });
    assert.ok(lijst.body.items.some((h: { id: string }) => h.id === id));
    const een = await server.api("GET", `/api/v1/requests/${id}`, { token: await server.token(THUISZORG) });
    assert.equal(een.status, 200);
    assert.equal(een.body.clientId, undefined);
    assert.equal(JSON.stringify(een.body).includes("Wolters"), false);

    for (const email of [ZONDER_CONTRACT, KLAPROOS]) {
      const l = await server.api("GET", "/api/v1/requests", { token: await server.token(email) });
      assert.equal(
        l.body.items.some((h: { id: string }) => h.id === id),
        false,
      );
      const e = await server.api("GET", `/api/v1/requests/${id}`, { token: await server.token(email) });
      assert.equal(e.status, 404);
    }
    for (const l of [gecontracteerd, zonder, andereCategorie]) l.sluit();
  });

  it("geeft een consulent van een andere gemeente 404, niet 403", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    const token = await server.token(CONSULENT_AALTEN);
    const verzoeken = [
      ["GET", `/api/v1/requests/${id}`, undefined],
      ["POST", `/api/v1/requests/${id}/withdraw`, { reden: "test" }],
      ["POST", `/api/v1/requests/${id}/extend`, { deadline: new Date(Date.now() + 9e8).toISOString() }],
    ] as const;
    for (const [method, pad, body] of verzoeken) {
      const r = await server.api(method, pad, { token, body });
      assert.equal(r.status, 404, `${method} ${pad}`);
      assert.equal(r.body.error.code, "not_found");
    }
    const lijst = await server.api("GET", "/api/v1/requests", { token });
    assert.equal(
      lijst.body.items.some((h: { id: string }) => h.id === id),
      false,
    );
  });

  it("telt per status en filtert op status", async () => {
    const token = await server.token(CONSULENT);
    const r = await server.api("GET", "/api/v1/requests?status=open", { token });
    assert.ok(r.body.items.length > 0);
    assert.ok(r.body.items.every((h: { status: string }) => h.status === "open"));
    assert.equal(r.body.tellingen.open, r.body.items.length);
  });
});

describe("anonimiteit bij publiceren (identifying_data)", () => {
  const gevallen: [string, Record<string, unknown>, string, string][] = [
    ["BSN", { toelichting: "BSN 111222333 staat in het dossier." }, "toelichting", "111222333"],
    ["e-mailadres", { wensen: { tijden: "Mail naar g.wolters@example.nl" } }, "wensen.tijden", "g.wolters@example.nl"],
    ["telefoonnummer", { toelichting: "Bel dochter op 06-12345678." }, "toelichting", "06-12345678"],
    ["IBAN", { toelichting: "Betaalt via NL91ABNA0417164300." }, "toelichting", "NL91ABNA0417164300"],
    ["volledige postcode", { regio: "7101 AB" }, "regio", "7101 AB"],
    [
      "geboortedatum",
      { resultaten: [{ code: "schoon_huis", toelichting: "Geboren 12-03-1941, weduwe." }] },
      "resultaten.0.toelichting",
      "12-03-1941",
    ],
    ["naam van de cliënt", { toelichting: "Mevr.Wolters wil hulp." }, "toelichting", "Wolters"],
    [
      "straat van de cliënt",
      { wensen: { taal: "Nederlands, woont aan de meddosestraat" } },
      "wensen.taal",
      "meddosestraat",
    ],
    // The text for the client is checked too: whoever helps the client reads it, and a name there is still a name.
    [
      "naam in de tekst voor de cliënt",
      { clientTekst: "Beste mevrouw Wolters, u wilt dat uw huis schoon blijft." },
      "clientTekst",
      "Wolters",
    ],
  ];
  for (const [soort, over, veld, tekst] of gevallen) {
    it(`weigert een ${soort} en noemt veld en gevonden tekst; er verandert niets`, async () => {
      const token = await server.token(CONSULENT);
      const clientId = await maakClient(server);
      const r = await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(clientId, over) });
      assert.equal(r.status, 201, r.text);
      const voor = await vingerafdruk(sql);
      const p = await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token });
      assert.equal(p.status, 422);
      assert.equal(p.body.error.code, "identifying_data");
      assert.ok(
        p.body.error.details.some(
          (d: { field: string; match: string }) =>
            d.field === veld && d.match.toLowerCase().includes(tekst.toLowerCase()),
        ),
        JSON.stringify(p.body.error.details),
      );
      assert.deepEqual(await vingerafdruk(sql), voor);
      const na = await server.api("GET", `/api/v1/requests/${r.body.id}`, { token });
      assert.equal(na.body.status, "concept");
    });
  }

  it("publiceert na het weghalen van de gegevens", async () => {
    const token = await server.token(CONSULENT);
    const clientId = await maakClient(server);
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: hulpvraagInvoer(clientId, { toelichting: "Bel 0543-123456" }),
    });
    assert.equal((await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token })).status, 422);
    const w = await server.api("PATCH", `/api/v1/requests/${r.body.id}`, {
      token,
      body: { toelichting: "Bereikbaar via de consulent." },
    });
    assert.equal(w.status, 200, w.text);
    const p = await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token });
    assert.equal(p.status, 200);
    assert.equal(p.body.status, "open");
  });
});

describe("levensloop", () => {
  it("zet een open hulpvraag bij de deadline zelf op beoordeling, en meldt dat live", async () => {
    const aanbieder = await luisteraar(server, THUISZORG);
    const id = await gepubliceerdeHulpvraag(server, { deadline: new Date(Date.now() + 2500).toISOString() });
    await aanbieder.wacht("request:closed", (p) => p.hulpvraagId === id, 6000);
    const r = await server.api("GET", `/api/v1/requests/${id}`, { token: await server.token(CONSULENT) });
    assert.equal(r.body.status, "beoordeling");
    aanbieder.sluit();
  });

  it("laat een open hulpvraag niet meer wijzigen, wel verlengen en intrekken", async () => {
    const token = await server.token(CONSULENT);
    const id = await gepubliceerdeHulpvraag(server);
    const w = await server.api("PATCH", `/api/v1/requests/${id}`, { token, body: { regio: "Centrum" } });
    assert.equal(w.status, 422);
    assert.equal(w.body.error.code, "request_not_open");
    const huidige = (await server.api("GET", `/api/v1/requests/${id}`, { token })).body.deadline;
    const eerder = await server.api("POST", `/api/v1/requests/${id}/extend`, {
      token,
      body: { deadline: new Date(new Date(huidige).getTime() - 3600_000).toISOString() },
    });
    assert.equal(eerder.status, 422);
    assert.equal(eerder.body.error.details[0].field, "deadline");
    const nieuw = new Date(new Date(huidige).getTime() + 86400_000).toISOString();
    const v = await server.api("POST", `/api/v1/requests/${id}/extend`, { token, body: { deadline: nieuw } });
    assert.equal(v.status, 200);
    assert.equal(new Date(v.body.deadline).getTime(), new Date(nieuw).getTime());
    const t = await server.api("POST", `/api/v1/requests/${id}/withdraw`, {
      token,
      body: { reden: "Cliënt is verhuisd." },
    });
    assert.equal(t.body.status, "ingetrokken");
    const weer = await server.api("POST", `/api/v1/requests/${id}/withdraw`, { token, body: { reden: "nogmaals" } });
    assert.equal(weer.body.error.code, "request_not_open");
    const aanbieder = await server.api("GET", `/api/v1/requests/${id}`, { token: await server.token(THUISZORG) });
    assert.equal(aanbieder.status, 404);
  });

  it("geeft een regulier verzoek standaard een termijn van vijf werkdagen, om 17:00 in Nederland", async () => {
    const token = await server.token(CONSULENT);
    const clientId = await maakClient(server);
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: hulpvraagInvoer(clientId, {
        urgentie: "regulier",
        startdatum: new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10),
      }),
    });
    const deadline = new Date(r.body.deadline);
    const uur = new Intl.DateTimeFormat("nl-NL", {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/Amsterdam",
    }).format(deadline);
    assert.equal(uur, "17:00");
    const dagen = (deadline.getTime() - Date.now()) / 86400_000;
    // Five working days: a week, or a few days more when a holiday falls in between; never the +5 extension.
    assert.ok(dagen > 5 && dagen < 10, `deadline over ${dagen} dagen`);
  });

  it("weigert onbekende velden en verkeerde typen met de velden erbij", async () => {
    const token = await server.token(CONSULENT);
    const clientId = await maakClient(server);
    const r = await server.api("POST", "/api/v1/requests", {
      token,
      body: { ...hulpvraagInvoer(clientId), duurMaanden: "twaalf", productcategorieen: ["11"], extra: 1 },
    });
    assert.equal(r.status, 422);
    const velden = r.body.error.details.map((d: { field: string }) => d.field);
    assert.ok(velden.includes("duurMaanden"));
    assert.ok(velden.some((v: string) => v.startsWith("productcategorieen")));
  });
});

describe("de tekst voor de cliënt", () => {
  it("de cliënt leest de eigen tekst in gewone taal, niet de toelichting voor aanbieders; aanbieders zien die tekst niet", async () => {
    const token = await server.token(CONSULENT);
    const clientTekst = "U wilt graag dat uw huis schoon is. U doet zelf de afwas. Een hulp maakt de rest schoon.";
    const notitie = "Cliënt kan niet meer stofzuigen door artrose; mantelzorg valt weg.";
    const id = await gepubliceerdeHulpvraag(server, {
      clientTekst,
      resultaten: [{ code: "schoon_huis", toelichting: notitie }],
    });
    const gemeente = await server.api("GET", `/api/v1/requests/${id}`, { token });
    assert.equal(gemeente.body.clientTekst, clientTekst);
    const aanbieder = await server.api("GET", `/api/v1/requests/${id}`, { token: await server.token(THUISZORG) });
    assert.equal(aanbieder.status, 200, aanbieder.text);
    assert.equal(aanbieder.body.clientTekst, undefined, "de tekst voor de cliënt is niet voor aanbieders");
    assert.equal(aanbieder.body.resultaten[0].toelichting, notitie);

    const u = await server.api("POST", `/api/v1/requests/${id}/invites`, { token, body: {} });
    const r = await formulier(server, "/uitnodiging", { code: u.body.code }, { adres: "198.51.100.44" });
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const pagina = (await (await fetch(`${server.url}/client`, { headers: { cookie } })).text()).replaceAll(
      "<!-- -->",
      "",
    );
    const zichtbaar = pagina.slice(0, pagina.indexOf("<script"));
    assert.ok(zichtbaar.includes(clientTekst), "de cliënt leest de eigen tekst");
    assert.ok(!pagina.includes(notitie), "de notitie van de consulent staat niet op de pagina van de cliënt");
    assert.match(zichtbaar, /Schoon en leefbaar huis/);

    // The consulent's preview shows the same text.
    const consulentPagina = await fetch(`${server.url}/consulent/hulpvragen/${id}`, {
      headers: { cookie: (await webInloggen(server, CONSULENT)).cookie! },
    });
    assert.ok((await consulentPagina.text()).replaceAll("<!-- -->", "").includes(clientTekst));
  });
});
