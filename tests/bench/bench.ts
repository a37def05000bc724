/**
 * `npm run bench [-- --quick] [-- --sockets N]`: the real server on a real PostgreSQL at
 * regional scale, N live sockets, offers at a steady rate and in a burst, against a bare
 * socket.io baseline on the same machine. A readable table, then one JSON line as the very last.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { DEMO_TARIEVEN } from "../../db/demo";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { aanbod } from "../support/ronde";
import { draaiTaken, percentielen, round, tabel } from "./meting";
import { zaaiAanbieders, zaaiGeschiedenis } from "./schaal";
import type { LiveEvent } from "../../realtime/events";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const snel = args.includes("--quick");
const socketsArg = args.indexOf("--sockets");
const CFG = {
  sockets: socketsArg >= 0 ? Number(args[socketsArg + 1]) : 500,
  hulpvragen: snel ? 1000 : 5000,
  perHulpvraag: 10,
  aanbieders: 200,
  tweedeSchaal: snel ? 3000 : 15000,
  openHulpvragen: 40,
  rustigPerSeconde: 50,
  rustigAantal: snel ? 300 : 1000,
  golf: snel ? 600 : 2000,
  metingen: snel ? 60 : 200,
};
const log = (tekst: string) => process.stderr.write(`${tekst}\n`);

async function verbindSockets(url: string, tokens: string[], aantal: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < aantal; i += 50) {
    const groep = Array.from({ length: Math.min(50, aantal - i) }, (_, j) => io(url, { transports: ["websocket"], reconnection: false, auth: { token: tokens[(i + j) % tokens.length] } }));
    await Promise.all(groep.map((s) => new Promise<void>((resolve, reject) => { s.once("connect", () => resolve()); s.once("connect_error", reject); })));
    sockets.push(...groep);
  }
  return sockets;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** The bare socket.io server: one HTTP-triggered emit to N sockets, the same path as an offer without the work. */
async function meetBaseline(aantalSockets: number) {
  const proces = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/kale-socketio.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => proces.stdout!.on("data", (d: Buffer) => { const m = /KAAL_READY port=(\d+)/.exec(d.toString()); if (m) resolve(Number(m[1])); }));
  const url = `http://127.0.0.1:${port}`;
  const sockets = await verbindSockets(url, ["-"], aantalSockets);
  const verzonden = new Map<number, number>();
  const ontvangen: number[] = [];
  for (const s of sockets) s.on("live", (e: { n: number }) => ontvangen.push(performance.now() - verzonden.get(e.n)!));
  await draaiTaken(Array.from({ length: CFG.metingen }, (_, n) => async () => {
    verzonden.set(n, performance.now());
    await fetch(`${url}/emit`, { method: "POST", body: JSON.stringify({ n, type: "offer:created", payload: { id: `ao_${n}`, prijsPerMaandCent: 42000 } }) });
  }), { parallel: 4, perSeconde: CFG.rustigPerSeconde });
  await new Promise((r) => setTimeout(r, 500));
  for (const s of sockets) s.close();
  proces.kill();
  return percentielen(ontvangen);
}

async function meetGet(url: string, headers: Record<string, string>, aantal: number) {
  const tijden: number[] = [];
  let fouten = 0;
  // Warm-up, not measured: the first renders of a route pay for JIT compilation.
  for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer();
  for (let i = 0; i < aantal; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    tijden.push(performance.now() - t0);
    if (res.status !== 200) fouten++;
  }
  return { ...percentielen(tijden), fouten };
}

async function webCookie(server: TestServer, email: string): Promise<string> {
  const { res, cookie } = await webInloggen(server, email);
  if (!cookie) throw new Error(`web-inloggen mislukt: ${res.status}`);
  return cookie;
}


async function main() {
  const map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-bench-"));
  const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(map, "zorgveiling");
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? pg!.url;
  let server: TestServer | null = null;
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  let fouten = 0;
  const foutSoorten = new Map<string, number>();
  try {
    log(`Server starten (${snel ? "snel" : "volledig"}, ${CFG.sockets} sockets)…`);
    // `--profile` writes a V8 CPU profile of the server to .cache/bench-profiel/ (open it in Chrome DevTools).
    server = await startServer({ databaseUrl, env: { SEED_DEMO: "true", LIVE_MAX_PER_SESSIE: "100000", LIVE_MAX_PER_ADRES: "100000" }, nodeArgs: args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, ".cache/bench-profiel")}`] : [] });
    const pid = server.proces.pid!;

    log(`Regio zaaien: ${CFG.aanbieders} aanbieders, ${CFG.hulpvragen} hulpvragen, ${CFG.hulpvragen * CFG.perHulpvraag} aanbiedingen…`);
    await zaaiAanbieders(sql, CFG.aanbieders);
    await zaaiGeschiedenis(sql, { vanaf: 1, aantal: CFG.hulpvragen, perHulpvraag: CFG.perHulpvraag, aanbieders: CFG.aanbieders });
    const open = Array.from({ length: CFG.openHulpvragen }, (_, i) => `hv_bench_open_${i}`);
    await sql`
      insert into clienten (id, gemeente_id, naam, bsn, straat, huisnummer, postcode, woonplaats, geboortedatum)
      select 'cl_' || id, 'winterswijk', 'Open cliënt', '111222333', 'Bankstraat', '1', '7101 AB', 'Winterswijk', '1940-01-01' from unnest(${open}::text[]) id`;
    await sql`
      insert into hulpvragen (id, gemeente_id, client_id, consulent_id, status, regio, leeftijdsklasse, huishouden, resultaten, productcategorieen, startdatum, duur_maanden, deadline, gepubliceerd_op)
      select id, 'winterswijk', 'cl_' || id, (select id from gebruikers where email = 'consulent@winterswijk.demo'), 'open', '7101', '75-84', 'alleenstaand',
        '[{"code":"schoon_huis","toelichting":""}]'::jsonb, array['01'], current_date + 60, 12, now() + interval '7 days', now()
      from unnest(${open}::text[]) id`;

    log("Inloggen en sockets verbinden…");
    const consulentToken = await server.token("consulent@winterswijk.demo");
    const aanbiederIds = Array.from({ length: CFG.aanbieders }, (_, i) => `ab_bench_${i + 1}`);
    const aanbiederTokens = new Map<string, string>();
    await draaiTaken(aanbiederIds.map((id, i) => async () => { aanbiederTokens.set(id, await server!.token(`planning@bench-${i + 1}.demo`)); }), { parallel: 4 });
    const consulentSockets = await verbindSockets(server.url, [consulentToken], Math.ceil(CFG.sockets / 2));
    const aanbiederSockets = await verbindSockets(server.url, [...aanbiederTokens.values()], Math.floor(CFG.sockets / 2));
    const rssVerbonden = await rssMb(pid);

    // Offer-to-screen: from just before the submit until each consulent socket hears it.
    const verzonden = new Map<string, number>();
    const opScherm: number[] = [];
    for (const s of consulentSockets) s.on("live", (e: LiveEvent) => {
      if (e.type !== "offer:created" || !("aanbiederId" in e.payload.aanbieding)) return;
      const t0 = verzonden.get(`${e.payload.hulpvraagId}|${e.payload.aanbieding.aanbiederId}`);
      if (t0 !== undefined) opScherm.push(performance.now() - t0);
    });
    const paren = open.flatMap((h) => aanbiederIds.map((a) => [h, a] as const));
    let volgende = 0;
    const dienIn = async () => {
      const [hulpvraagId, aanbiederId] = paren[volgende++];
      const t0 = performance.now();
      verzonden.set(`${hulpvraagId}|${aanbiederId}`, t0);
      const res = await fetch(`${server!.url}/api/v1/requests/${hulpvraagId}/offers`, {
        method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${aanbiederTokens.get(aanbiederId)}` },
        body: JSON.stringify(aanbod(aanbiederId, "01", {}, { prijsPerMaandCent: DEMO_TARIEVEN["01"].maand + (volgende % 50) * 100 })),
      });
      const tekst = await res.text();
      if (res.status !== 201) {
        fouten++;
        const soort = `${res.status} ${/"code":"(\w+)"/.exec(tekst)?.[1] ?? ""}`;
        foutSoorten.set(soort, (foutSoorten.get(soort) ?? 0) + 1);
      }
      return performance.now() - t0;
    };

    log(`Rustig: ${CFG.rustigAantal} aanbiedingen met ${CFG.rustigPerSeconde}/s…`);
    const submit = await draaiTaken(Array.from({ length: CFG.rustigAantal }, () => dienIn), { parallel: 16, perSeconde: CFG.rustigPerSeconde });
    await new Promise((r) => setTimeout(r, 1000));
    const offerToScreen = percentielen(opScherm);

    log(`Golf: ${CFG.golf} aanbiedingen zo snel als het gaat…`);
    const golfStart = performance.now();
    const golf = await draaiTaken(Array.from({ length: CFG.golf }, () => dienIn), { parallel: 32 });
    const offersPerSecond = Math.round(CFG.golf / ((performance.now() - golfStart) / 1000));
    const rssNaGolf = await rssMb(pid);

    log("Publiceren naar de aanbieders…");
    const gepubliceerd = new Map<string, number>();
    const publishToFeed: number[] = [];
    for (const s of aanbiederSockets) s.on("live", (e: LiveEvent) => {
      const t0 = e.type === "request:published" ? gepubliceerd.get(e.payload.hulpvraagId) : undefined;
      if (t0 !== undefined) publishToFeed.push(performance.now() - t0);
    });
    const clientId = (await server.api("POST", "/api/v1/clients", { token: consulentToken, body: { naam: "Bench Cliënt", bsn: "111222333", straat: "Laan", huisnummer: "1", postcode: "7101AB", woonplaats: "Winterswijk", geboortedatum: "1940-01-01" } })).body.id;
    for (let i = 0; i < 10; i++) {
      const h = await server.api("POST", "/api/v1/requests", { token: consulentToken, body: { clientId, regio: "7101", leeftijdsklasse: "75-84", huishouden: "alleenstaand", resultaten: [{ code: "schoon_huis", toelichting: "" }], productcategorieen: ["01"], startdatum: new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10), duurMaanden: 12 } });
      gepubliceerd.set(h.body.id, performance.now());
      const p = await server.api("POST", `/api/v1/requests/${h.body.id}/publish`, { token: consulentToken });
      if (p.status !== 200) fouten++;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 500));

    log("Lijst en hulpvraagpagina van de consulent meten…");
    const cookie = await webCookie(server, "consulent@winterswijk.demo");
    const meetPaginas = async () => ({
      lijst: await meetGet(`${server!.url}/consulent`, { cookie }, CFG.metingen),
      // A request as the consulent meets it: 10 offers (the open ones above got hundreds from the burst).
      pagina: await meetGet(`${server!.url}/consulent/hulpvragen/hv_bench_4`, { cookie }, CFG.metingen),
      apiLijst: await meetGet(`${server!.url}/api/v1/requests`, { authorization: `Bearer ${consulentToken}` }, CFG.metingen),
    });
    const schaal1 = await meetPaginas();
    log(`Tweede schaal: ${CFG.tweedeSchaal} hulpvragen erbij…`);
    await zaaiGeschiedenis(sql, { vanaf: CFG.hulpvragen + 1, aantal: CFG.tweedeSchaal, perHulpvraag: CFG.perHulpvraag, aanbieders: CFG.aanbieders });
    const schaal2 = await meetPaginas();
    fouten += schaal1.lijst.fouten + schaal1.pagina.fouten + schaal2.lijst.fouten + schaal2.pagina.fouten;
    const plan = (await sql.unsafe(`explain select * from hulpvragen where gemeente_id = 'winterswijk' order by created_at desc limit 100`)).map((r) => Object.values(r)[0]).join(" / ");

    for (const s of [...consulentSockets, ...aanbiederSockets]) s.close();
    log("Baseline: kale socket.io…");
    const baseline = await meetBaseline(CFG.sockets);

    const submitMs = percentielen([...submit, ...golf]);
    const totaalHulpvragen = CFG.hulpvragen + CFG.tweedeSchaal;
    const uitkomst = {
      sockets: CFG.sockets,
      offersPerSecond,
      offerToScreenMs: { p50: offerToScreen.p50, p95: offerToScreen.p95, p99: offerToScreen.p99 },
      baselineMs: { p50: baseline.p50, p95: baseline.p95, p99: baseline.p99 },
      ratioP99: round(offerToScreen.p99 / baseline.p99),
      submitMs: { p50: submitMs.p50, p95: submitMs.p95, p99: submitMs.p99 },
      publishToFeedMs: (({ p50, p95, p99 }) => ({ p50, p95, p99 }))(percentielen(publishToFeed)),
      requestListP95Ms: schaal1.lijst.p95,
      requestPageP95Ms: schaal1.pagina.p95,
      atSecondScale: { requests: totaalHulpvragen, requestListP95Ms: schaal2.lijst.p95, requestPageP95Ms: schaal2.pagina.p95 },
      serverRssMb: Math.max(rssVerbonden, rssNaGolf),
      errors: fouten,
      quick: snel,
    };

    console.log(`\nZorgveiling benchmark (${snel ? "--quick" : "volledig"}) op ${os.cpus().length} cores\n`);
    console.log(tabel([
      ["sockets verbonden", CFG.sockets],
      ["hulpvragen / aanbiedingen in historie", `${CFG.hulpvragen} / ${CFG.hulpvragen * CFG.perHulpvraag}`],
      ["aanbod → scherm p50 / p95 / p99 (ms)", `${offerToScreen.p50} / ${offerToScreen.p95} / ${offerToScreen.p99}`, "p99 < 50 ms"],
      ["kale socket.io p50 / p95 / p99 (ms)", `${baseline.p50} / ${baseline.p95} / ${baseline.p99}`],
      ["verhouding p99 tot baseline", uitkomst.ratioP99, "≤ 3×"],
      ["indienen (HTTP) p50 / p95 / p99 (ms)", `${submitMs.p50} / ${submitMs.p95} / ${submitMs.p99}`],
      ["aanbiedingen per seconde (golf)", offersPerSecond, "≥ 200/s zonder fouten"],
      ["publiceren → aanbieder p50 / p95 (ms)", `${uitkomst.publishToFeedMs.p50} / ${uitkomst.publishToFeedMs.p95}`],
      [`lijst consulent p95 (ms) bij ${CFG.hulpvragen}`, schaal1.lijst.p95, "< 100 ms"],
      [`hulpvraagpagina p95 (ms) bij ${CFG.hulpvragen}`, schaal1.pagina.p95, "< 100 ms"],
      [`lijst consulent p95 (ms) bij ${totaalHulpvragen}`, schaal2.lijst.p95, "gelijk aan kleinere schaal"],
      [`hulpvraagpagina p95 (ms) bij ${totaalHulpvragen}`, schaal2.pagina.p95, "gelijk aan kleinere schaal"],
      ["API-lijst p95 (ms), beide schalen", `${schaal1.apiLijst.p95} / ${schaal2.apiLijst.p95}`],
      ["geheugen server (MB RSS)", uitkomst.serverRssMb, "< 300 MB"],
      ["fouten", fouten, "0"],
    ]));
    if (foutSoorten.size) console.log(`\n  fouten bij indienen: ${[...foutSoorten].map(([k, n]) => `${k} × ${n}`).join(", ")}`);
    console.log(`\n  plan lijstquery: ${plan}\n`);
    console.log(JSON.stringify(uitkomst));
  } finally {
    await sql.end();
    await server?.stop();
    await pg?.stop();
    await rm(map, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
