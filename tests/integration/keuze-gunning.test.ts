import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind, vingerafdruk } from "../support/database";
import { COLLEGA, TOEZICHT } from "../support/demo";
import { CONSULENT, gepubliceerdeHulpvraag, luisteraar } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, WELZIJN, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

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

const consulent = () => server.token(CONSULENT);
const kies = async (id: string, token: string, body: Record<string, unknown>) =>
  server.api("POST", `/api/v1/requests/${id}/choice`, { token, body });
const gun = async (id: string, body: Record<string, unknown> = {}) =>
  server.api("POST", `/api/v1/requests/${id}/award`, { token: await consulent(), body });

/** Thuiszorg bids for category 01 and Begeleiding Oost for 02: two competing arrangements. */
const tweeBiedingen = (begeleiding: Record<string, unknown> = {}) => [
  { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
  { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02", begeleiding) },
];

describe("de cliënt kiest mee (regel 7)", () => {
  it("geeft een voorkeur met opmerking, ziet die terug, kan die wijzigen; de consulent ziet het live", async () => {
    const {
      id,
      offers: [a, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    const live = await luisteraar(server, CONSULENT);
    const r = await kies(id, client, { offerId: a, motivation: "Deze mensen ken ik al van de buurt." });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.client.offerId, a);
    const event = await live.wacht("choice:changed", (p) => p.hulpvraagId === id);
    assert.equal(event.payload.partij, "client");
    assert.equal(event.payload.aanbiedingId, a);
    assert.equal(event.payload.opmerking, "Deze mensen ken ik al van de buurt.");
    live.sluit();

    assert.equal((await kies(id, client, { offerId: b })).status, 200);
    const eigen = await server.api("GET", `/api/v1/requests/${id}/choice`, { token: client });
    assert.equal(eigen.body.client.offerId, b);
    assert.equal(eigen.body.consulent, undefined, "de cliënt ziet alleen de eigen voorkeur");
    const gemeente = await server.api("GET", `/api/v1/requests/${id}/choice`, { token: await consulent() });
    assert.equal(gemeente.body.client.offerId, b);
    assert.equal(gemeente.body.eens, false);
    const [audit] =
      await sql`select count(*)::int as n from audit_log where hulpvraag_id = ${id} and actie = 'keuze.client'`;
    assert.equal(audit.n, 2);
  });

  it("laat de cliënt al kiezen terwijl de hulpvraag open staat, de consulent pas na de deadline", async () => {
    const id = await gepubliceerdeHulpvraag(server, { productcategorieen: ["01"] });
    const offer = await server.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await server.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    const client = await clientToken(server, id);
    assert.equal((await kies(id, client, { offerId: offer.body.id })).status, 200);
    const r = await geweigerd(
      sql,
      async () => kies(id, await consulent(), { offerId: offer.body.id }),
      "request_not_open",
    );
    assert.equal(r.status, 422);
    const g = await geweigerd(sql, () => gun(id), "request_not_open");
    assert.equal(g.status, 422);
  });

  it("weigert een aanbod van een andere hulpvraag", async () => {
    const { id } = await rondeInBeoordeling(server, tweeBiedingen().slice(0, 1));
    const ander = await server.api(
      "POST",
      `/api/v1/requests/${await gepubliceerdeHulpvraag(server, { productcategorieen: ["01"] })}/offers`,
      { token: await server.token(THUISZORG), body: aanbod("ab_thuiszorg_achterhoek", "01") },
    );
    await geweigerd(
      sql,
      async () => kies(id, await consulent(), { offerId: ander.body.id }),
      "invalid_input",
      "offerId",
    );
  });
});

describe("consulent en cliënt kiezen hetzelfde (regel 7)", () => {
  it("vraagt een motivatie bij een andere keuze dan de cliënt, bewaart die, en gunt pas als beiden hetzelfde kiezen", async () => {
    const {
      id,
      offers: [a, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    assert.equal((await kies(id, client, { offerId: a })).status, 200);

    const zonder = await geweigerd(
      sql,
      async () => kies(id, await consulent(), { offerId: b }),
      "motivation_required",
      "motivation",
    );
    assert.equal(zonder.status, 422);
    const met = await kies(id, await consulent(), {
      offerId: b,
      motivation: "Begeleiding bij de post is nu het dringendst.",
    });
    assert.equal(met.status, 200, met.text);
    assert.equal(met.body.status, "beoordeling");
    const [keuze] = await sql`select motivatie from keuzes where hulpvraag_id = ${id} and partij = 'consulent'`;
    assert.equal(keuze.motivatie, "Begeleiding bij de post is nu het dringendst.");

    const mis = await geweigerd(sql, () => gun(id), "second_review_required", "reviewer");
    assert.equal(mis.status, 422);
    assert.match(mis.body.error.details[0].message, /ander aanbod/);

    const eens = await kies(id, client, { offerId: b, motivation: "Na het gesprek: dit is beter." });
    assert.equal(eens.body.status, "gekozen");
    const lijst = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await consulent() });
    assert.equal(lijst.body.items.find((o: { id: string }) => o.id === b).status, "gekozen");
    const g = await gun(id, { motivation: "Past het best bij de gevraagde resultaten." });
    assert.equal(g.status, 201, g.text);
    assert.ok(g.body.toewijzingId);
  });

  it("gunt zonder keuze van de cliënt alleen met een vastgelegde reden waarom de cliënt niet kan meebeslissen", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    assert.equal((await kies(id, await consulent(), { offerId: a })).body.status, "beoordeling");
    const mis = await geweigerd(sql, () => gun(id), "choice_mismatch");
    assert.match(mis.body.error.details[0].message, /cliënt heeft nog geen voorkeur/);
    const r = await kies(id, await consulent(), {
      offerId: a,
      clientAbsentReason: "Cliënt is opgenomen en niet aanspreekbaar; mantelzorger onbereikbaar.",
    });
    assert.equal(r.body.status, "gekozen");
    assert.equal((await gun(id)).status, 201);
    const [t] = await sql`select client_afwezig_reden from toewijzingen where hulpvraag_id = ${id}`;
    assert.match(t.client_afwezig_reden, /opgenomen/);
  });

  it("laat een cliënt met een eigen keuze niet wegzetten als afwezig", async () => {
    const {
      id,
      offers: [a, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    await kies(id, client, { offerId: b });
    const r = await kies(id, await consulent(), {
      offerId: a,
      motivation: "Goedkoper.",
      clientAbsentReason: "Niet bereikbaar.",
    });
    assert.equal(r.body.status, "beoordeling");
    await geweigerd(sql, () => gun(id), "second_review_required");
  });
});

/** The client's own page as the client's browser gets it: signed in through an invite code on the invite page. */
async function clientPaginaTekst(id: string, adres: string) {
  const u = await server.api("POST", `/api/v1/requests/${id}/invites`, { token: await consulent(), body: {} });
  const r = await formulier(server, "/uitnodiging", { code: u.body.code }, { adres });
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  assert.ok(cookie, `geen cliëntsessie: ${r.status}`);
  // Without React's text separators, as a reader sees it.
  return (await (await fetch(`${server.url}/client`, { headers: { cookie } })).text()).replaceAll("<!-- -->", "");
}

describe("vier ogen bij een keuze tegen de cliënt in (regel 7)", () => {
  it("gunt pas als een collega de motivatie bevestigde, nooit de kiezer zelf; de cliënt hoort live wat, waarom en hoe bezwaar", async () => {
    const {
      id,
      offers: [, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    assert.equal((await kies(id, client, { offerId: null, motivation: "Ik wil liever mijn buurvrouw." })).status, 200);
    const motivatie = "Zonder hulp bij de post lopen de schulden op; dit aanbod helpt daar het snelst bij.";
    assert.equal((await kies(id, await consulent(), { offerId: b, motivation: motivatie })).body.status, "beoordeling");

    // Not yet: on the API and on the form, with nothing stored.
    const api = await geweigerd(sql, () => gun(id), "second_review_required", "reviewer");
    assert.match(api.body.error.message, /collega-consulent/);
    const { cookie } = await webInloggen(server, CONSULENT);
    const voor = await vingerafdruk(sql);
    const form = await formulier(
      server,
      `/consulent/hulpvragen/${id}`,
      { intent: "gunnen", gunningMotivatie: "" },
      { cookie: cookie! },
    );
    assert.equal(form.status, 422);
    assert.match(await form.text(), /Een collega-consulent moet uw motivatie eerst bevestigen/);
    assert.deepEqual(await vingerafdruk(sql), voor, "de database is onveranderd");
    // The page offers no award button meanwhile, and says what is needed.
    const pagina = await (
      await fetch(`${server.url}/consulent/hulpvragen/${id}`, { headers: { cookie: cookie! } })
    ).text();
    assert.match(pagina, /moet een collega-consulent van de gemeente uw motivatie lezen en bevestigen/);
    assert.doesNotMatch(pagina, /Ja, gun dit aanbod/);

    // The chooser cannot confirm their own choice; a client cannot either.
    const zelf = await geweigerd(
      sql,
      async () => server.api("POST", `/api/v1/requests/${id}/choice/review`, { token: await consulent() }),
      "second_review_required",
      "reviewer",
    );
    assert.equal(zelf.status, 422);
    assert.equal(
      (
        await geweigerd(
          sql,
          () => server.api("POST", `/api/v1/requests/${id}/choice/review`, { token: client }),
          "forbidden",
        )
      ).status,
      403,
    );

    // A colleague confirms on the page; the client hears it live on the request's feed.
    const clientLive = await luisteraar(server, { token: client });
    const collega = await webInloggen(server, COLLEGA);
    const collegaPagina = await (
      await fetch(`${server.url}/consulent/hulpvragen/${id}`, { headers: { cookie: collega.cookie! } })
    ).text();
    assert.match(collegaPagina, /Ik bevestig deze motivatie/);
    const bevestigd = await formulier(
      server,
      `/consulent/hulpvragen/${id}`,
      { intent: "bevestigen" },
      { cookie: collega.cookie! },
    );
    assert.equal(bevestigd.status, 302, await bevestigd.text());
    const e = await clientLive.wacht("choice:reviewed", (p) => p.hulpvraagId === id);
    assert.equal(e.payload.aanbiedingId, b);
    assert.equal(e.payload.status, "gekozen");
    clientLive.sluit();
    const [k] =
      await sql`select k.bevestigd_door, g.email from keuzes k join gebruikers g on g.id = k.bevestigd_door where k.hulpvraag_id = ${id} and k.partij = 'consulent'`;
    assert.equal(k.email, COLLEGA);
    const [audit] =
      await sql`select count(*)::int as n from audit_log where hulpvraag_id = ${id} and actie = 'keuze.bevestigd'`;
    assert.equal(audit.n, 1);

    // The client's page: what was chosen, why, that a second staff member checked, and how to object.
    const clientPagina = await clientPaginaTekst(id, "198.51.100.7");
    assert.match(clientPagina, /De gemeente kiest iets anders dan u/);
    assert.match(clientPagina, /U koos: geen van deze aanbiedingen/);
    assert.ok(clientPagina.includes(motivatie));
    assert.match(clientPagina, /bezwaar maken/);
    assert.match(clientPagina, /Binnen zes weken/);
    assert.match(clientPagina, /De gemeente kiest dit aanbod/);
    assert.doesNotMatch(clientPagina, /U en de consulent kozen/);

    const g = await gun(id);
    assert.equal(g.status, 201, g.text);
    const [t] =
      await sql`select t.tweede_beoordelaar, g.email from toewijzingen t join gebruikers g on g.id = t.tweede_beoordelaar where t.hulpvraag_id = ${id}`;
    assert.equal(t.email, COLLEGA);
    const cijfers = await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) });
    assert.ok(cijfers.body.gunningenZonderOvereenstemming.tegenVoorkeurVanClient >= 1, JSON.stringify(cijfers.body));
  });

  it("vraagt een nieuwe bevestiging als de consulent of de cliënt de keuze daarna verandert", async () => {
    const {
      id,
      offers: [a, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    await kies(id, client, { offerId: a });
    await kies(id, await consulent(), { offerId: b, motivation: "Past beter bij de resultaten." });
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/choice/review`, { token: await server.token(COLLEGA) })).body
        .status,
      "gekozen",
    );
    assert.equal((await kies(id, client, { offerId: null })).body.status, "beoordeling");
    await geweigerd(sql, () => gun(id), "second_review_required");
    assert.equal(
      (await server.api("POST", `/api/v1/requests/${id}/choice/review`, { token: await server.token(COLLEGA) })).body
        .status,
      "gekozen",
    );
    await kies(id, await consulent(), { offerId: b, motivation: "Nog steeds: past beter." });
    await geweigerd(sql, () => gun(id), "second_review_required");
  });

  it("telt de gunning zonder de cliënt apart voor het toezicht", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const voor = (await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) })).body
      .gunningenZonderOvereenstemming.clientKanNietMeebeslissen;
    await kies(id, await consulent(), {
      offerId: a,
      clientAbsentReason: "Cliënt is opgenomen; er is geen vertegenwoordiger.",
    });
    assert.equal((await gun(id)).status, 201);
    const na = (await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) })).body
      .gunningenZonderOvereenstemming.clientKanNietMeebeslissen;
    assert.equal(na, voor + 1);
  });
});

describe("één gunning (regel 8)", () => {
  it("maakt de winnaar gegund en de rest afgewezen, meldt ieder de uitkomst live met de motivatie van de gemeente", async () => {
    const {
      id,
      offers: [a, b],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    const verliezer = await luisteraar(server, THUISZORG);
    const winnaar = await luisteraar(server, BEGELEIDING);
    const gemeente = await luisteraar(server, CONSULENT);
    await kies(id, client, { offerId: b });
    await kies(id, await consulent(), { offerId: b });
    const g = await gun(id, { motivation: "Dit aanbod werkt aan grip op post en geld." });
    assert.equal(g.status, 201, g.text);

    const verloren = await verliezer.wacht("offer:outcome", (p) => p.aanbiedingId === a);
    assert.equal(verloren.payload.status, "afgewezen");
    assert.equal(verloren.payload.uitkomstMotivatie, "Dit aanbod werkt aan grip op post en geld.");
    assert.equal(
      verliezer.events.some((e) => e.type === "offer:outcome" && e.payload.aanbiedingId === b),
      false,
      "een aanbieder hoort niets over andermans aanbod",
    );
    const gewonnen = await winnaar.wacht("offer:outcome", (p) => p.aanbiedingId === b);
    assert.equal(gewonnen.payload.status, "gegund");
    const gegund = await gemeente.wacht("request:awarded", (p) => p.hulpvraagId === id);
    assert.equal(gegund.payload.toewijzingId, g.body.toewijzingId);
    for (const l of [verliezer, winnaar, gemeente]) l.sluit();

    const eigen = await server.api("GET", "/api/v1/offers", { token: await server.token(THUISZORG) });
    const mijn = eigen.body.items.find((o: { id: string }) => o.id === a);
    assert.equal(mijn.status, "afgewezen");
    assert.equal(mijn.uitkomstMotivatie, "Dit aanbod werkt aan grip op post en geld.");
    assert.equal(
      (await server.api("GET", `/api/v1/requests/${id}`, { token: await consulent() })).body.status,
      "gegund",
    );

    const laat = await geweigerd(sql, () => kies(id, client, { offerId: a }), "already_awarded");
    assert.equal(laat.status, 409);
    const acties = (await sql`select actie from audit_log where hulpvraag_id = ${id} order by id`).map((r) => r.actie);
    for (const actie of [
      "keuze.client",
      "keuze.consulent",
      "aanbieding.afgewezen",
      "aanbieding.gegund",
      "hulpvraag.gegund",
    ])
      assert.ok(acties.includes(actie), `${actie} in ${acties}`);
  });

  it("geeft bij 20 gelijktijdige gunningen precies één toewijzing en 19 keer already_awarded", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    await kies(id, client, { offerId: a });
    await kies(id, await consulent(), { offerId: a });
    const token = await consulent();
    const antwoorden = await Promise.all(
      Array.from({ length: 20 }, () => server.api("POST", `/api/v1/requests/${id}/award`, { token, body: {} })),
    );
    const statussen = antwoorden.map((r) => r.status).sort();
    assert.deepEqual(
      statussen,
      [201, ...Array(19).fill(409)],
      JSON.stringify(antwoorden.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.text)),
    );
    assert.ok(antwoorden.filter((r) => r.status === 409).every((r) => r.body.error.code === "already_awarded"));
    const [{ n }] = await sql`select count(*)::int as n from toewijzingen where hulpvraag_id = ${id}`;
    assert.equal(n, 1);
    const [{ audits }] =
      await sql`select count(*)::int as audits from audit_log where hulpvraag_id = ${id} and actie = 'hulpvraag.gegund'`;
    assert.equal(audits, 1);
    const gegund = await sql`select status from aanbiedingen where hulpvraag_id = ${id} and status = 'gegund'`;
    assert.equal(gegund.length, 1);
    const weer = await geweigerd(sql, () => gun(id), "already_awarded");
    assert.equal(weer.status, 409);
  });
});

describe("personeelsovername (regel 4)", () => {
  const huidigeZorg = (behouden: boolean) => ({
    aanbiederId: "ab_thuiszorg_achterhoek",
    hulpverlenerRol: "verzorgende IG",
    behouden,
  });

  it("legt bij een gunning aan een andere aanbieder de overname vast en laat beide aanbieders die zien", async () => {
    const {
      id,
      offers: [, b],
    } = await rondeInBeoordeling(server, tweeBiedingen({ overnameHulpverlener: true }), {
      huidigeZorg: huidigeZorg(true),
    });
    const client = await clientToken(server, id);
    const van = await luisteraar(server, THUISZORG);
    const naar = await luisteraar(server, BEGELEIDING);
    await kies(id, client, { offerId: b });
    await kies(id, await consulent(), { offerId: b });
    const g = await gun(id);
    assert.equal(g.status, 201, g.text);
    assert.equal(g.body.staffTransfer.vanAanbiederId, "ab_thuiszorg_achterhoek");

    for (const l of [van, naar]) {
      const e = await l.wacht("staff-transfer:created", (p) => p.hulpvraagId === id);
      assert.equal(e.payload.personeelsovername.hulpverlenerRol, "verzorgende IG");
      l.sluit();
    }
    const [o] = await sql`select * from personeelsovernames where hulpvraag_id = ${id}`;
    assert.equal(o.van_aanbieder_id, "ab_thuiszorg_achterhoek");
    assert.equal(o.naar_aanbieder_id, "ab_begeleiding_oost");
    assert.equal(o.hulpverlener_rol, "verzorgende IG");
    assert.equal(o.cao, "sociaal_werk");
    assert.equal(o.toegezegd, true);
    for (const email of [THUISZORG, BEGELEIDING]) {
      const lijst = await server.api("GET", "/api/v1/staff-transfers", { token: await server.token(email) });
      const zicht = lijst.body.items.find((x: { hulpvraagId: string }) => x.hulpvraagId === id);
      assert.ok(zicht, email);
      assert.equal(zicht.vanAanbiederNaam, "Thuiszorg Achterhoek");
      assert.equal(zicht.naarAanbiederNaam, "Begeleiding Oost");
    }
    const buiten = await server.api("GET", "/api/v1/staff-transfers", { token: await server.token(WELZIJN) });
    assert.equal(
      buiten.body.items.some((x: { hulpvraagId: string }) => x.hulpvraagId === id),
      false,
    );
  });

  it("legt niets vast als de zorg bij de huidige aanbieder blijft", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, tweeBiedingen({ overnameHulpverlener: true }), {
      huidigeZorg: huidigeZorg(true),
    });
    await kies(id, await clientToken(server, id), { offerId: a });
    await kies(id, await consulent(), { offerId: a });
    const g = await gun(id);
    assert.equal(g.status, 201);
    assert.equal(g.body.staffTransfer, null);
    assert.equal((await sql`select 1 from personeelsovernames where hulpvraag_id = ${id}`).length, 0);
  });
});

describe("geen passend aanbod", () => {
  it("sluit de ronde, meldt de aanbieders, en laat een aangepaste hulpvraag als nieuwe ronde uitzetten", async () => {
    const {
      id,
      offers: [a],
    } = await rondeInBeoordeling(server, tweeBiedingen());
    const client = await clientToken(server, id);
    await kies(id, client, { offerId: a });
    await geweigerd(
      sql,
      async () => kies(id, await consulent(), { offerId: null }),
      "motivation_required",
      "motivation",
    );
    await kies(id, client, { offerId: null, motivation: "Ik wil liever iemand die ook kan koken." });
    const aanbieder = await luisteraar(server, THUISZORG);
    const r = await kies(id, await consulent(), { offerId: null });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, "geen_passend_aanbod");
    const e = await aanbieder.wacht("offer:outcome", (p) => p.aanbiedingId === a);
    assert.equal(e.payload.status, "afgewezen");
    assert.match(String(e.payload.uitkomstMotivatie), /nieuwe ronde/);
    aanbieder.sluit();
    await geweigerd(sql, () => gun(id), "request_not_open");

    const token = await consulent();
    const nieuw = await server.api("POST", `/api/v1/requests/${id}/rounds`, {
      token,
      body: {
        toelichting: "Zoekt hulp in huis, ook bij het koken.",
        resultaten: [{ code: "boodschappen_maaltijden", toelichting: "Warme maaltijd." }],
      },
    });
    assert.equal(nieuw.status, 201, nieuw.text);
    assert.equal(nieuw.body.status, "concept");
    assert.equal(nieuw.body.vorigeRondeId, id);
    assert.equal(nieuw.body.ronde, 2);
    assert.equal(nieuw.body.resultaten[0].code, "boodschappen_maaltijden");
    const p = await server.api("POST", `/api/v1/requests/${nieuw.body.id}/publish`, { token });
    assert.equal(p.status, 200, p.text);
    assert.equal(p.body.status, "open");
    await geweigerd(
      sql,
      () => server.api("POST", `/api/v1/requests/${id}/rounds`, { token, body: {} }),
      "invalid_input",
    );
  });

  it("laat alleen na geen passend aanbod een nieuwe ronde toe", async () => {
    const id = await gepubliceerdeHulpvraag(server);
    await geweigerd(
      sql,
      async () => server.api("POST", `/api/v1/requests/${id}/rounds`, { token: await consulent(), body: {} }),
      "request_not_open",
    );
  });
});
