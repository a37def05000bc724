import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { formulier, startServer, webInloggen, type TestServer } from "../support/server";
import { geweigerd, verbind } from "../support/database";
import { AANBIEDER_BEHEERDER, BEHEERDER_AALTEN, CONSULENT_AALTEN, MAANDCODE, TOEZICHT } from "../support/demo";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { BEGELEIDING, BEHEERDER, THUISZORG, WELZIJN, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

/**
 * Rule 4 counted on staff: the outgoing provider's personeelsbestand of the transfer's year is
 * the denominator; moves without a job offer count their number of staff against the rulebook's
 * percentage, on the offer and again (under a lock) in the award.
 */
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

const THUISZORG_ID = "ab_thuiszorg_achterhoek";
const huidigeZorg = { aanbiederId: THUISZORG_ID, hulpverlenerRol: "verzorgende IG", behouden: false };
// The offers' default start (60 days ahead) sets the year the transfer counts in.
const JAAR = Number(new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 4));

const api = async (methode: "GET" | "PUT" | "POST", pad: string, email: string, body?: unknown) =>
  server.api(methode, `/api/v1${pad}`, { token: await server.token(email), body });

/** Thuiszorg's own beheerder records a personeelsbestand that leaves room for exactly `ruimte` more staff (10 %). */
async function ruimteVoor(ruimte: number) {
  const kap = await api("GET", `/staff-cap?year=${JAAR}`, AANBIEDER_BEHEERDER);
  assert.equal(kap.status, 200, kap.text);
  const gebruikt = kap.body.items.find((k: { gemeenteId: string }) => k.gemeenteId === "winterswijk").gebruikt;
  const koppen = (gebruikt + ruimte) * 10;
  const r = await api("PUT", "/organisation/staff", AANBIEDER_BEHEERDER, { jaar: JAAR, koppen, fte: koppen * 0.7 });
  assert.equal(r.status, 200, r.text);
  return { gebruikt, koppen };
}

const consulent = () => server.token(CONSULENT);
async function kiesBeide(id: string, offerId: string) {
  for (const token of [await clientToken(server, id), await consulent()])
    assert.equal((await server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId } })).status, 200);
}
const gun = async (id: string) => server.api("POST", `/api/v1/requests/${id}/award`, { token: await consulent() });
const zonderToezegging = (over: Record<string, unknown> = {}) => aanbod("ab_begeleiding_oost", "02", over);

describe("personeelsbestand", () => {
  it("de beheerder van de aanbieder legt het vast (geaudit); de gemeente en toezicht lezen het, anderen niet", async () => {
    const r = await api("PUT", "/organisation/staff", AANBIEDER_BEHEERDER, { jaar: 2031, koppen: 140, fte: 98.5 });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.body.koppen, r.body.fte], [140, 98.5]);
    const correctie = await api("PUT", "/organisation/staff", AANBIEDER_BEHEERDER, {
      jaar: 2031,
      koppen: 150,
      fte: 101,
    });
    assert.equal(correctie.status, 200);
    // In the trail of each gemeente that contracts Thuiszorg, as a Dutch sentence for its toezicht.
    const { cookie } = await webInloggen(server, TOEZICHT);
    const trail = await (await fetch(`${server.url}/toezicht/audit`, { headers: { cookie: cookie! } })).text();
    assert.match(
      trail.replace(/<!-- -->/g, ""),
      /legde het personeelsbestand van Thuiszorg Achterhoek over 2031 vast: 150 medewerkers, 101 fte \(was 140 medewerkers\)/,
    );
    const [audit] =
      await sql`select voor, na from audit_log where actie = 'personeelsbestand.vastgelegd' order by id desc limit 1`;
    assert.equal(audit.voor.koppen, 140);
    assert.equal(audit.na.koppen, 150);

    const eigen = await api("GET", "/organisation/staff", THUISZORG);
    assert.equal(eigen.body.items.find((i: { jaar: number }) => i.jaar === 2031).koppen, 150);
    for (const email of [CONSULENT, TOEZICHT, BEHEERDER]) {
      const g = await api("GET", `/providers/${THUISZORG_ID}/staff`, email);
      assert.equal(g.status, 200, email);
      assert.equal(g.body.items.find((i: { jaar: number }) => i.jaar === 2031).fte, 101);
    }
    // Aalten has no contract with Zorgbureau Nieuw; other providers never read another's staff.
    assert.equal((await api("GET", "/providers/ab_zorgbureau_nieuw/staff", BEHEERDER_AALTEN)).status, 404);
    assert.equal((await api("GET", `/providers/${THUISZORG_ID}/staff`, WELZIJN)).status, 404);
    assert.equal((await api("GET", `/providers/${THUISZORG_ID}/staff`, BEGELEIDING)).status, 404);
  });

  it("weigert een planner, de gemeente en onjuiste getallen; er verandert niets", async () => {
    const goed = { jaar: 2032, koppen: 10, fte: 7 };
    for (const email of [THUISZORG, BEHEERDER, TOEZICHT])
      await geweigerd(sql, () => api("PUT", "/organisation/staff", email, goed), "forbidden");
    const nul = await geweigerd(
      sql,
      () => api("PUT", "/organisation/staff", AANBIEDER_BEHEERDER, { ...goed, koppen: 0 }),
      "invalid_input",
      "koppen",
    );
    assert.equal(nul.status, 422);
    await geweigerd(
      sql,
      () => api("PUT", "/organisation/staff", AANBIEDER_BEHEERDER, { ...goed, fte: 7.25 }),
      "invalid_input",
      "fte",
    );
  });
});

describe("het jaarplafond telt personeel (regel 4)", () => {
  it("weigert op het aanbod een verhuizing die meer medewerkers kost dan er ruimte is, via API en formulier", async () => {
    const { koppen, gebruikt } = await ruimteVoor(2);
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["02"],
      resultaten: [{ code: "regie_financien", toelichting: "Grip op geld." }],
      huidigeZorg,
    });
    const r = await geweigerd(
      sql,
      () => api("POST", `/requests/${id}/offers`, BEGELEIDING, zonderToezegging({ overnameAantal: 3 })),
      "staff_transfer_required",
      "overnameHulpverlener",
    );
    assert.equal(r.status, 422);
    assert.match(
      r.body.error.details[0].message,
      new RegExp(`plafond van 10% personeelsmutaties.*${(gebruikt + 2) as number} medewerkers van de ${koppen}`),
    );

    // The form says the same with the same code (the page shows the field's message).
    const { cookie } = await webInloggen(server, BEGELEIDING);
    const start = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
    const velden = {
      _actie: "indienen",
      aantalComponenten: "1",
      "componenten.0.aanbiederId": "ab_begeleiding_oost",
      "componenten.0.productcode": MAANDCODE["02"],
      "componenten.0.omschrijving": "Twee keer per week begeleiding thuis.",
      "componenten.0.resultaten": "regie_financien",
      "componenten.0.omvang": "1",
      "componenten.0.prijsPerEenheidCent": "600,00",
      startdatum: start,
      einddatum: new Date(Date.parse(start) + 364 * 86400_000).toISOString().slice(0, 10),
      cao: "sociaal_werk",
      dienstverband: "loondienst",
      overnameAantal: "3",
      samenvatting: "Een vaste begeleider helpt u met post en geld.",
    };
    await geweigerd(
      sql,
      async () => {
        const res = await formulier(server, `/aanbieder/hulpvragen/${id}`, velden, { cookie: cookie! });
        const html = await res.text();
        assert.equal(res.status, 422, html.slice(0, 300));
        assert.match(html, /personeelsmutaties zonder personeelsovername is bereikt/);
        return { status: res.status, body: { error: { code: "staff_transfer_required", message: "", details: [] } } };
      },
      "staff_transfer_required",
    );

    // Two staff fit: accepted, awarded, and the transfer counts two against Thuiszorg's cap.
    const ronde = await rondeInBeoordeling(
      server,
      [{ email: BEGELEIDING, body: zonderToezegging({ overnameAantal: 2 }) }],
      { huidigeZorg },
    );
    // The consulent compares offers knowing what each one costs the outgoing provider's cap.
    const vergelijking = await fetch(`${server.url}/consulent/hulpvragen/${ronde.id}`, {
      headers: { cookie: (await webInloggen(server, CONSULENT)).cookie! },
    });
    assert.match(
      await vergelijking.text(),
      /telt voor 2 medewerkers mee in het personeelsplafond van de huidige aanbieder/,
    );
    await kiesBeide(ronde.id, ronde.offers[0]);
    const g = await gun(ronde.id);
    assert.equal(g.status, 201, g.text);
    assert.equal(g.body.staffTransfer.aantalMedewerkers, 2);
    assert.equal(g.body.staffTransfer.toegezegd, false);

    const eigen = await api("GET", `/staff-cap?year=${JAAR}`, THUISZORG);
    const w = eigen.body.items.find((k: { gemeenteId: string }) => k.gemeenteId === "winterswijk");
    assert.deepEqual([w.koppen, w.toegestaan, w.gebruikt], [koppen, koppen / 10, gebruikt + 2]);
    const toezicht = await api("GET", `/staff-cap?year=${JAAR}`, TOEZICHT);
    const rij = toezicht.body.items.find((k: { aanbiederId: string }) => k.aanbiederId === THUISZORG_ID);
    assert.equal(rij.gebruikt, gebruikt + 2);
    assert.equal(rij.aanbiederNaam, "Thuiszorg Achterhoek");

    // The cap is now full: toezicht's signal reads the same figures as /staff-cap and names the request behind them.
    const { cookie: toezichtCookie } = await webInloggen(server, TOEZICHT);
    const cijfers = await (await fetch(`${server.url}/toezicht`, { headers: { cookie: toezichtCookie! } })).text();
    const signaal = [...cijfers.matchAll(/<li[^>]*data-signaal="personeelsplafond"[^>]*>[\s\S]*?<\/li>/g)]
      .map((m) => m[0])
      .find((li) => li.includes(`personeelsplafond ${JAAR} van Thuiszorg Achterhoek`));
    assert.ok(signaal, cijfers.match(/data-testid="signalen"[\s\S]*?<\/ul>/)?.[0] ?? "geen signalen");
    assert.match(
      signaal,
      new RegExp(
        `${gebruikt + 2} van ${koppen / 10} medewerkers \\(10 % van ${koppen}\\) gingen zonder baanaanbod mee`,
      ),
    );
    assert.ok(signaal.includes(`requestId=${ronde.id}"`));

    // The cap is full: even one more staff member without a job offer is refused; with a job offer it is not.
    await geweigerd(
      sql,
      () => api("POST", `/requests/${id}/offers`, BEGELEIDING, zonderToezegging()),
      "staff_transfer_required",
      "overnameHulpverlener",
    );
    const met = await api(
      "POST",
      `/requests/${id}/offers`,
      BEGELEIDING,
      zonderToezegging({ overnameHulpverlener: true }),
    );
    assert.equal(met.status, 201, met.text);
  });

  it("zonder personeelsbestand voor dat jaar is het plafond 0 en zegt de weigering dat", async () => {
    await sql`delete from personeelsbestanden where aanbieder_id = 'ab_welzijn_winterswijk' and jaar = ${JAAR}`;
    const id = await gepubliceerdeHulpvraag(server, {
      productcategorieen: ["02"],
      resultaten: [{ code: "regie_financien", toelichting: "Grip op geld." }],
      huidigeZorg: { ...huidigeZorg, aanbiederId: "ab_welzijn_winterswijk" },
    });
    const r = await geweigerd(
      sql,
      () => api("POST", `/requests/${id}/offers`, BEGELEIDING, zonderToezegging()),
      "staff_transfer_required",
      "overnameHulpverlener",
    );
    assert.match(
      r.body.error.details[0].message,
      new RegExp(`geen personeelsbestand vastgelegd voor ${JAAR}|voor ${JAAR} geen personeelsbestand`),
    );
  });

  it("laat van twee gelijktijdige gunningen bij één plaats onder het plafond er één door; de ander verandert niets", async () => {
    const { gebruikt } = await ruimteVoor(1);
    const bieding = [{ email: BEGELEIDING, body: zonderToezegging() }];
    const [eerste, tweede] = await Promise.all([
      rondeInBeoordeling(server, bieding, { huidigeZorg }),
      rondeInBeoordeling(server, bieding, { huidigeZorg }),
    ]);
    for (const r of [eerste, tweede]) await kiesBeide(r.id, r.offers[0]);
    const voor = await sql`select count(*)::int as n from personeelsovernames`;
    const antwoorden = await Promise.all([gun(eerste.id), gun(tweede.id)]);
    assert.deepEqual(antwoorden.map((a) => a.status).sort(), [201, 422], JSON.stringify(antwoorden.map((a) => a.body)));
    const weigering = antwoorden.find((a) => a.status === 422)!;
    assert.equal(weigering.body.error.code, "staff_transfer_required");
    assert.equal(weigering.body.error.details[0].field, "offerId");
    const na = await sql`select count(*)::int as n from personeelsovernames`;
    assert.equal(na[0].n, voor[0].n + 1);
    const verloren = antwoorden[0].status === 422 ? eerste.id : tweede.id;
    const [h] = await sql`select status from hulpvragen where id = ${verloren}`;
    assert.equal(h.status, "gekozen");
    assert.equal((await sql`select 1 from toewijzingen where hulpvraag_id = ${verloren}`).length, 0);
    const kap = await api("GET", `/staff-cap?year=${JAAR}`, TOEZICHT);
    const rij = kap.body.items.find((k: { aanbiederId: string }) => k.aanbiederId === THUISZORG_ID);
    assert.equal(rij.gebruikt, gebruikt + 1);
    assert.equal(rij.gebruikt, rij.toegestaan);
  });
});

describe("collectieve personeelsovername", () => {
  const afspraak = {
    vanAanbiederId: THUISZORG_ID,
    naarAanbiederId: "ab_begeleiding_oost",
    aantalMedewerkers: 12,
    voorwaarden: "Behoud van cao, dienstjaren en salarisschaal; overgang per de ingangsdatum van het nieuwe contract.",
    datum: "2027-01-01",
  };

  it("de beheerder legt haar vast (geaudit); beide aanbieders en toezicht zien haar, anderen niet", async () => {
    const r = await api("POST", "/collective-transfers", BEHEERDER, afspraak);
    assert.equal(r.status, 201, r.text);
    for (const email of [THUISZORG, BEGELEIDING, TOEZICHT, AANBIEDER_BEHEERDER]) {
      const l = await api("GET", "/collective-transfers", email);
      const o = l.body.items.find((x: { id: string }) => x.id === r.body.id);
      assert.ok(o, email);
      assert.equal(o.aantalMedewerkers, 12);
      assert.equal(o.vanAanbiederNaam, "Thuiszorg Achterhoek");
    }
    for (const email of [WELZIJN, BEHEERDER_AALTEN, CONSULENT_AALTEN]) {
      const l = await api("GET", "/collective-transfers", email);
      assert.equal(
        l.body.items.some((x: { id: string }) => x.id === r.body.id),
        false,
        email,
      );
    }
    const [a] = await sql`select actie from audit_log where entiteit_id = ${r.body.id}`;
    assert.equal(a.actie, "collectieve_overname.vastgelegd");
    const { cookie } = await webInloggen(server, TOEZICHT);
    const html = await (await fetch(`${server.url}/toezicht/audit`, { headers: { cookie: cookie! } })).text();
    assert.match(
      html,
      /legde een collectieve personeelsovername vast: 12 medewerkers van Thuiszorg Achterhoek naar Begeleiding Oost/,
    );
  });

  it("weigert anderen dan de beheerder, een aanbieder zonder contract en onvolledige afspraken; er verandert niets", async () => {
    for (const email of [CONSULENT, TOEZICHT, THUISZORG, AANBIEDER_BEHEERDER])
      await geweigerd(sql, () => api("POST", "/collective-transfers", email, afspraak), "forbidden");
    await geweigerd(
      sql,
      () => api("POST", "/collective-transfers", BEHEERDER, { ...afspraak, naarAanbiederId: "ab_zorgbureau_nieuw" }),
      "not_contracted",
      "naarAanbiederId",
    );
    await geweigerd(
      sql,
      () => api("POST", "/collective-transfers", BEHEERDER, { ...afspraak, aantalMedewerkers: 0 }),
      "invalid_input",
      "aantalMedewerkers",
    );
    await geweigerd(
      sql,
      () => api("POST", "/collective-transfers", BEHEERDER, { ...afspraak, naarAanbiederId: THUISZORG_ID }),
      "invalid_input",
      "naarAanbiederId",
    );
  });
});

describe("opvolging van een toegezegde personeelsovername", () => {
  it("de gemeente zet de status met een notitie (geaudit); toezicht ziet wat niet is nagekomen", async () => {
    const { id, offers } = await rondeInBeoordeling(
      server,
      [{ email: BEGELEIDING, body: zonderToezegging({ overnameHulpverlener: true }) }],
      { huidigeZorg },
    );
    await kiesBeide(id, offers[0]);
    const g = await gun(id);
    assert.equal(g.status, 201, g.text);
    const overname = g.body.staffTransfer.id;
    assert.equal(g.body.staffTransfer.opvolging, "open");

    const pad = `/staff-transfers/${overname}/follow-up`;
    for (const email of [BEGELEIDING, THUISZORG, CONSULENT_AALTEN])
      await geweigerd(
        sql,
        () => api("PUT", pad, email, { status: "gedaan", notitie: "Gebeld." }),
        email === CONSULENT_AALTEN ? "not_found" : "forbidden",
      );
    await geweigerd(
      sql,
      () => api("PUT", pad, CONSULENT, { status: "misschien", notitie: "?" }),
      "invalid_input",
      "status",
    );

    const r = await api("PUT", pad, CONSULENT, {
      status: "geschonden",
      notitie: "De hulpverlener kreeg geen aanbod; navraag bij beide aanbieders.",
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.opvolging, "geschonden");
    const aandacht = await api("GET", "/staff-transfers/attention", TOEZICHT);
    assert.ok(aandacht.body.items.some((o: { id: string }) => o.id === overname));
    const [a] =
      await sql`select voor, na from audit_log where actie = 'personeelsovername.opgevolgd' and entiteit_id = ${overname}`;
    assert.equal(a.voor.opvolging, "open");
    assert.equal(a.na.opvolging, "geschonden");

    // The pages say the same: toezicht's list and the beheerder's follow-up.
    const toezichtPagina = await (
      await fetch(`${server.url}/toezicht/personeel`, {
        headers: { cookie: (await webInloggen(server, TOEZICHT)).cookie! },
      })
    ).text();
    assert.match(toezichtPagina, /data-testid="overnames-aandacht"/);
    assert.match(toezichtPagina, /Niet nagekomen/);
    assert.match(toezichtPagina, /data-testid="kap-ab_thuiszorg_achterhoek"/);
    const beheerPagina = await (
      await fetch(`${server.url}/beheer/personeel`, {
        headers: { cookie: (await webInloggen(server, BEHEERDER)).cookie! },
      })
    ).text();
    assert.match(beheerPagina, new RegExp(`data-testid="opvolging-${overname}"`));

    assert.equal((await api("PUT", pad, CONSULENT, { status: "gedaan", notitie: "Alsnog aangeboden." })).status, 200);
    const daarna = await api("GET", "/staff-transfers/attention", TOEZICHT);
    assert.equal(
      daarna.body.items.some((o: { id: string }) => o.id === overname),
      false,
    );

    // Open long after the transfer date (time has passed: the date is set back) also asks for attention.
    assert.equal((await api("PUT", pad, CONSULENT, { status: "open", notitie: "Toch nog niet rond." })).status, 200);
    await sql`update personeelsovernames set datum = current_date - 45 where id = ${overname}`;
    const laat = await api("GET", "/staff-transfers/attention", TOEZICHT);
    assert.equal(laat.body.items.find((o: { id: string }) => o.id === overname)?.opvolging, "open");
  });
});
