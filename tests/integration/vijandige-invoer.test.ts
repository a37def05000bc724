import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startServer, type TestServer } from "../support/server";
import { BEHEERDER, THUISZORG as AANBIEDER } from "../support/demo";
import { verbind, vingerafdruk } from "../support/database";
import { CONSULENT, clientInvoer, gepubliceerdeHulpvraag, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { aanbod as aanbodVan } from "../support/ronde";
import { FOUTCODES } from "../../app/domain/errors";

/**
 * Every API endpoint of the OpenAPI document gets malformed and hostile input from every kind
 * of caller. Never a 5xx, always the one error shape; a value of the wrong kind is refused;
 * and when nothing was accepted, nothing changed in the database.
 */
let server: TestServer;
let sql: ReturnType<typeof verbind>;
const ids: Record<string, string> = {};
before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
  ids.open = await gepubliceerdeHulpvraag(server);
  const token = await server.token(CONSULENT);
  ids.concept = (
    await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(await maakClient(server)) })
  ).body.id;
  ids.offer = (
    await server.api("POST", `/api/v1/requests/${ids.open}/offers`, {
      token: await server.token(AANBIEDER),
      body: aanbod(),
    })
  ).body.id;
});
after(async () => {
  await sql.end();
  await server.stop();
});

const ROLLEN = [CONSULENT, AANBIEDER, BEHEERDER, null] as const;
const aanbod = () => aanbodVan("ab_thuiszorg_achterhoek", "01");

/** A valid body per endpoint, so that each hostile value is tested on its own and not hidden behind another refusal. */
function geldig(method: string, pad: string): Record<string, unknown> {
  const sleutel = `${method} ${pad.replace(/\{\w+\}/g, "{}")}`;
  const voorbeelden: Record<string, Record<string, unknown>> = {
    "post /api/v1/auth/token": { email: CONSULENT, password: "zorgveiling-demo" },
    "post /api/v1/clients": clientInvoer(),
    "post /api/v1/requests": hulpvraagInvoer("cl_onbekend"),
    "patch /api/v1/requests/{}": { duurMaanden: 6, toelichting: "Aangepast." },
    "post /api/v1/requests/{}/offers": aanbod(),
    "put /api/v1/offers/{}": aanbod(),
    "post /api/v1/requests/{}/withdraw": { reden: "Cliënt is verhuisd." },
    "post /api/v1/requests/{}/extend": { deadline: new Date(Date.now() + 30 * 86400_000).toISOString() },
    "post /api/v1/aanbieders": { naam: "Nieuwe Zorg", kvk: "12345678", agb: "87654321" },
    "post /api/v1/contracts": {
      aanbiederId: "ab_zorgbureau_nieuw",
      productcategorieen: ["01"],
      startdatum: dagVanaf(200),
      einddatum: dagVanaf(200 + 4 * 365),
      gegundOp: dagVanaf(-30),
    },
    "post /api/v1/productcodes": {
      code: "01W01",
      tariefPerEenheidCent: 42000,
      geldigVanaf: "2027-01-01",
      reden: "Kostprijsonderzoek 2026.",
    },
    "post /api/v1/rulebook": { minContractMaanden: 36 },
    "post /api/v1/users": {
      email: "nieuw@winterswijk.demo",
      naam: "Nieuwe Collega",
      rol: "consulent",
      password: "een-lang-wachtwoord",
    },
    "post /api/v1/requests/{}/choice": { offerId: "ao_onbekend", motivation: "Past het best." },
    "post /api/v1/client/session": { code: "ABCD-EFGH" },
    "post /api/v1/aanbieder-invites/accept": {
      code: "geen-geldige-code",
      email: "nieuw@aanbieder.demo",
      naam: "Nieuwe Beheerder",
      password: "een-lang-wachtwoord",
    },
  };
  return structuredClone(voorbeelden[sleutel] ?? {});
}

/** Hostile replacements for a value, each with whether it must be refused whatever the field. */
function vijandig(waarde: unknown, veld: string): { waarde: unknown; moetWeigeren: boolean; soort: string }[] {
  const altijd = [
    { waarde: { $ne: null }, moetWeigeren: true, soort: "object in plaats van waarde" },
    { waarde: ["'; drop table hulpvragen; --"], moetWeigeren: true, soort: "lijst met SQL" },
  ];
  if (typeof waarde === "string") {
    const datum = /datum|gegundOp|geldigVanaf|deadline/.test(veld);
    return [
      ...altijd,
      { waarde: 12345, moetWeigeren: true, soort: "getal voor tekst" },
      { waarde: true, moetWeigeren: true, soort: "boolean voor tekst" },
      { waarde: "a\u0000b", moetWeigeren: true, soort: "NUL-teken" },
      { waarde: "\u202Egnipmoc", moetWeigeren: true, soort: "richtingsomkering" },
      { waarde: "x".repeat(50_000), moetWeigeren: true, soort: "enorme tekst" },
      { waarde: "<script>alert(1)</script>", moetWeigeren: false, soort: "HTML" },
      { waarde: "1' OR '1'='1", moetWeigeren: false, soort: "SQL-fragment" },
      { waarde: "𝕳𝖊𝖑𝖑𝖔 \ud800", moetWeigeren: false, soort: "vreemde unicode" },
      ...(datum
        ? [
            { waarde: "0001-01-01", moetWeigeren: true, soort: "datum ver terug" },
            { waarde: "9999-12-31", moetWeigeren: true, soort: "datum ver vooruit" },
            { waarde: "2026-02-30", moetWeigeren: true, soort: "datum die niet bestaat" },
          ]
        : []),
    ];
  }
  if (typeof waarde === "number") {
    return [
      ...altijd,
      { waarde: String(waarde), moetWeigeren: true, soort: "tekst voor getal" },
      { waarde: -1e15, moetWeigeren: true, soort: "enorm negatief bedrag" },
      { waarde: 1e15, moetWeigeren: true, soort: "enorm bedrag" },
      { waarde: 12.345, moetWeigeren: true, soort: "breuk van een cent" },
    ];
  }
  if (typeof waarde === "boolean")
    return [...altijd.slice(1), { waarde: "ja", moetWeigeren: true, soort: "tekst voor boolean" }];
  if (Array.isArray(waarde))
    return [
      { waarde: "x", moetWeigeren: true, soort: "tekst voor lijst" },
      { waarde: Array(10_000).fill(waarde[0] ?? 1), moetWeigeren: true, soort: "enorme lijst" },
    ];
  return [{ waarde: "x", moetWeigeren: true, soort: "tekst voor object" }];
}

type Verzoek = { method: string; pad: string; body: string; soort: string; moetWeigeren: boolean };

function verzoekenVoor(method: string, pad: string, heeftBody: boolean): Verzoek[] {
  const echtPad = pad.replace(
    "{id}",
    pad.startsWith("/api/v1/offers")
      ? ids.offer
      : pad.includes("/invites/")
        ? "ui_onbekend"
        : /\/(offers|choice|award|invites|ocds|toewijzing)$/.test(pad)
          ? ids.open
          : ids.concept,
  );
  const uit: Verzoek[] = pad.includes("{id}")
    ? [{ method, pad: pad.replace("{id}", "%00%27--"), body: "{}", soort: "id met vreemde tekens", moetWeigeren: true }]
    : [];
  if (!heeftBody) return uit;
  const basis = geldig(method, pad);
  uit.push(
    { method, pad: echtPad, body: "{dit is geen json", soort: "kapotte JSON", moetWeigeren: true },
    { method, pad: echtPad, body: "[]", soort: "lijst als body", moetWeigeren: true },
    { method, pad: echtPad, body: "null", soort: "null als body", moetWeigeren: true },
    {
      method,
      pad: echtPad,
      body: JSON.stringify({ ...basis, extraVeld: "x" }),
      soort: "onbekend veld",
      moetWeigeren: true,
    },
    { method, pad: echtPad, body: `{"a":"${"x".repeat(300_000)}"}`, soort: "te grote body", moetWeigeren: true },
  );
  for (const [veld, waarde] of Object.entries(basis)) {
    const zonder = { ...basis };
    delete zonder[veld];
    uit.push({ method, pad: echtPad, body: JSON.stringify(zonder), soort: `zonder ${veld}`, moetWeigeren: false });
    for (const v of vijandig(waarde, veld))
      uit.push({
        method,
        pad: echtPad,
        body: JSON.stringify({ ...basis, [veld]: v.waarde }),
        soort: `${veld}: ${v.soort}`,
        moetWeigeren: v.moetWeigeren,
      });
  }
  return uit;
}

describe("vijandige invoer op elk API-eindpunt", () => {
  it("nooit een 5xx of stacktrace, altijd de foutvorm, verkeerde soorten geweigerd, en niets veranderd zonder akkoord", async () => {
    const doc = (await server.api("GET", "/api/v1/openapi.json")).body;
    const tokens = new Map<string | null, string | undefined>();
    for (const rol of ROLLEN) tokens.set(rol, rol ? await server.token(rol) : undefined);
    let aantal = 0;
    const gevonden: string[] = [];
    // Collect every finding, so one run names them all.
    const controleer = (ok: boolean, bericht: string) => {
      if (!ok) gevonden.push(bericht);
    };
    for (const [pad, methods] of Object.entries<Record<string, { requestBody?: unknown }>>(doc.paths)) {
      for (const [method, operatie] of Object.entries(methods)) {
        if (method === "get" && pad.endsWith("/openapi.json")) continue;
        for (const rol of ROLLEN) {
          const voor = await vingerafdruk(sql);
          let geaccepteerd = false;
          for (const v of verzoekenVoor(method, pad, Boolean(operatie.requestBody))) {
            const res = await fetch(server.url + v.pad, {
              method: v.method.toUpperCase(),
              headers: {
                "content-type": "application/json",
                ...(tokens.get(rol) ? { authorization: `Bearer ${tokens.get(rol)}` } : {}),
              },
              body: v.method === "get" ? undefined : v.body,
            });
            const tekst = await res.text();
            aantal++;
            const waar = `${v.method.toUpperCase()} ${v.pad.slice(0, 80)} als ${rol ?? "anoniem"} met ${v.soort}`;
            controleer(res.status < 500, `${waar}: ${res.status} ${tekst.slice(0, 200)}`);
            controleer(!/at .+\.(ts|js):\d+|node_modules/.test(tekst), `${waar}: stacktrace in het antwoord`);
            if (res.status >= 400) {
              let fout: { code?: string; message?: unknown; details?: unknown } = {};
              try {
                fout = JSON.parse(tekst).error ?? {};
              } catch {
                /* reported below */
              }
              controleer(
                Boolean(
                  fout.code &&
                  fout.code in FOUTCODES &&
                  typeof fout.message === "string" &&
                  Array.isArray(fout.details),
                ),
                `${waar}: geen foutvorm: ${tekst.slice(0, 120)}`,
              );
            } else {
              geaccepteerd = true;
              controleer(!v.moetWeigeren, `${waar}: geaccepteerd (${res.status}) maar had geweigerd moeten worden`);
            }
          }
          if (!geaccepteerd)
            controleer(
              JSON.stringify(await vingerafdruk(sql)) === JSON.stringify(voor),
              `${method} ${pad} als ${rol ?? "anoniem"}: database veranderd zonder akkoord`,
            );
        }
      }
    }
    assert.deepEqual(gevonden, [], `${gevonden.length} bevindingen bij ${aantal} verzoeken`);
    assert.ok(aantal > 1000, `${aantal} vijandige verzoeken`);
  });
});

function dagVanaf(dagen: number) {
  return new Date(Date.now() + dagen * 86400_000).toISOString().slice(0, 10);
}
