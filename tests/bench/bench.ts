/**
 * `npm run bench [-- --quick] [-- --sockets N] [-- --processes P] [-- --adapter]`: the real server
 * (P processes on one PostgreSQL server, socket.io's PostgreSQL adapter between them) at regional
 * scale, N live sockets spread over the processes, offers at a steady rate and in a burst, a gap
 * check of every socket's feeds, against a bare socket.io baseline on the same machine. A readable
 * table, then one JSON line as the very last. `--adapter` measures the adapter alone (adapter.ts).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { CODE, tariefVan } from "../support/demo";
import { startServer, webInloggen, type TestServer } from "../support/server";
import { aanbod } from "../support/ronde";
import { draaiTaken, percentielen, round, tabel } from "./meting";
import { zaaiAanbieders, zaaiGemeenten, zaaiGeschiedenis } from "./schaal";
import { meetAdapter } from "./adapter";
import { cpuSamen, databaseCpu, databaseCpuVerschil } from "./cpu";
import { controleerGaten, Volger, wachtTotBijgewerkt } from "./volger";
import type { LiveEvent } from "../../realtime/events";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const snel = args.includes("--quick");
const getal = (naam: string, standaard: number) =>
  args.includes(naam) ? Number(args[args.indexOf(naam) + 1]) : standaard;
const CFG = {
  sockets: getal("--sockets", 500),
  processen: getal("--processes", 1),
  extraGemeenten: 2, // beside the demo's two: offers and consulenten over four gemeenten
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
// Hundreds of sockets on one token and one address: the per-session and per-address caps do not apply here.
const ZONDER_LIVE_GRENZEN = { LIVE_MAX_PER_SESSIE: "100000", LIVE_MAX_PER_ADRES: "100000" };
const log = (tekst: string) => process.stderr.write(`${tekst}\n`);

async function verbindSockets(url: string, tokens: string[], aantal: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < aantal; i += 50) {
    const groep = Array.from({ length: Math.min(50, aantal - i) }, (_, j) =>
      io(url, { transports: ["websocket"], reconnection: false, auth: { token: tokens[(i + j) % tokens.length] } }),
    );
    await Promise.all(
      groep.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once("connect", () => resolve());
            s.once("connect_error", reject);
          }),
      ),
    );
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
  const proces = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/kale-socketio.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) =>
    proces.stdout!.on("data", (d: Buffer) => {
      const m = /KAAL_READY port=(\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const sockets = await verbindSockets(url, ["-"], aantalSockets);
  const verzonden = new Map<number, number>();
  const ontvangen: number[] = [];
  for (const s of sockets) s.on("live", (e: { n: number }) => ontvangen.push(performance.now() - verzonden.get(e.n)!));
  await draaiTaken(
    Array.from({ length: CFG.metingen }, (_, n) => async () => {
      verzonden.set(n, performance.now());
      await fetch(`${url}/emit`, {
        method: "POST",
        body: JSON.stringify({ n, type: "offer:created", payload: { id: `ao_${n}`, prijsPerMaandCent: 42000 } }),
      });
    }),
    { parallel: 4, perSeconde: CFG.rustigPerSeconde },
  );
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

type Rol = "consulent" | "aanbieder";
type BenchSocket = { volger: Volger; begin: Record<string, number>; proces: number; rol: Rol };

async function main() {
  const map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-bench-"));
  // The embedded engine runs as a PostgreSQL server on a port: every server process connects to it.
  const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(map, "zorgveiling");
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? pg!.url;
  const servers: TestServer[] = [];
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const sockets: BenchSocket[] = [];
  let fouten = 0;
  const foutSoorten = new Map<string, number>();
  try {
    log(`Server starten (${snel ? "snel" : "volledig"}, ${CFG.processen} proces(sen), ${CFG.sockets} sockets)…`);
    // `--profile` writes a V8 CPU profile of each server process to .cache/bench-profiel/ (open it in Chrome DevTools).
    const nodeArgs = args.includes("--profile")
      ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, ".cache/bench-profiel")}`]
      : [];
    // The first migrates and seeds the demo; the others find it done.
    servers.push(await startServer({ databaseUrl, env: { SEED_DEMO: "true", ...ZONDER_LIVE_GRENZEN }, nodeArgs }));
    servers.push(
      ...(await Promise.all(
        Array.from({ length: CFG.processen - 1 }, () =>
          startServer({ databaseUrl, env: { SEED_DEMO: "false", ...ZONDER_LIVE_GRENZEN }, nodeArgs }),
        ),
      )),
    );
    const server = servers[0];
    const pids = servers.map((s) => s.proces.pid!);

    const gemeenten = await zaaiGemeenten(sql, CFG.extraGemeenten);
    log(
      `Regio zaaien: ${gemeenten.length} gemeenten, ${CFG.aanbieders} aanbieders, ${CFG.hulpvragen} hulpvragen, ${CFG.hulpvragen * CFG.perHulpvraag} aanbiedingen…`,
    );
    await zaaiAanbieders(sql, CFG.aanbieders);
    await zaaiGeschiedenis(sql, {
      vanaf: 1,
      aantal: CFG.hulpvragen,
      perHulpvraag: CFG.perHulpvraag,
      aanbieders: CFG.aanbieders,
    });
    const consulentIds = new Map(
      (
        await sql<
          { email: string; id: string }[]
        >`select email, id from gebruikers where email = any(${gemeenten.map((g) => g.consulent)})`
      ).map((r) => [r.email, r.id]),
    );
    // Open requests round-robin over the gemeenten, so consecutive offers land in different gemeente feeds.
    const open = Array.from({ length: CFG.openHulpvragen }, (_, i) => ({
      id: `hv_bench_open_${i}`,
      g: gemeenten[i % gemeenten.length],
    }));
    await sql`
      insert into clienten (id, gemeente_id, naam, bsn, straat, huisnummer, postcode, woonplaats, geboortedatum)
      select 'cl_' || id, g, 'Open cliënt', '111222333', 'Bankstraat', '1', '7101 AB', 'Winterswijk', '1940-01-01'
      from unnest(${open.map((o) => o.id)}::text[], ${open.map((o) => o.g.gemeenteId)}::text[]) as t(id, g)`;
    await sql`
      insert into hulpvragen (id, gemeente_id, client_id, consulent_id, status, regio, leeftijdsklasse, huishouden, resultaten, productcategorieen, startdatum, duur_maanden, deadline, gepubliceerd_op)
      select id, g, 'cl_' || id, c, 'open', '7101', '75-84', 'alleenstaand',
        '[{"code":"schoon_huis","toelichting":""}]'::jsonb, array['01'], current_date + 60, 12, now() + interval '7 days', now()
      from unnest(${open.map((o) => o.id)}::text[], ${open.map((o) => o.g.gemeenteId)}::text[], ${open.map((o) => consulentIds.get(o.g.consulent)!)}::text[]) as t(id, g, c)`;

    log("Inloggen en sockets verbinden…");
    const consulentTokens = new Map<string, string>();
    for (const g of gemeenten) consulentTokens.set(g.gemeenteId, await server.token(g.consulent));
    const consulentToken = consulentTokens.get("winterswijk")!;
    const aanbiederIds = Array.from({ length: CFG.aanbieders }, (_, i) => `ab_bench_${i + 1}`);
    const aanbiederTokens = new Map<string, string>();
    await draaiTaken(
      aanbiederIds.map((id, i) => async () => {
        aanbiederTokens.set(id, await server.token(`planning@bench-${i + 1}.demo`));
      }),
      { parallel: 4 },
    );
    const aanbiederGebruiker = new Map(
      (
        await sql<
          { a: string; id: string }[]
        >`select aanbieder_id as a, id from gebruikers where email like 'planning@bench-%'`
      ).map((r) => [r.a, r.id]),
    );

    // Offer-to-screen: from just before the submit until a consulent socket hands the event on;
    // across processes when the socket is on another process than the one that took the submit.
    const verzonden = new Map<string, { t0: number; proces: number }>();
    let meten = true;
    const opScherm: number[] = [];
    const tussenProcessen: number[] = [];
    const gepubliceerd = new Map<string, number>();
    const publishToFeed: number[] = [];
    // Where the socket starts: the seqs a page loader would hand the browser.
    const beginSeqs = new Map(
      (await sql<{ feed: string; seq: number }[]>`select feed, seq from feeds`).map((r) => [r.feed, r.seq]),
    );
    const specs = Array.from({ length: CFG.sockets }, (_, j) => {
      const k = Math.floor(j / 2);
      if (j % 2 === 0) {
        const g = gemeenten[k % gemeenten.length];
        // Each gemeente's consulenten over every process (not k % processen: that would tie a gemeente to one process).
        return {
          rol: "consulent" as const,
          proces: (k + Math.floor(k / gemeenten.length)) % CFG.processen,
          token: consulentTokens.get(g.gemeenteId)!,
          feeds: [`gemeente:${g.gemeenteId}`, `gebruiker:${consulentIds.get(g.consulent)}`],
        };
      }
      const a = aanbiederIds[k % aanbiederIds.length];
      return {
        rol: "aanbieder" as const,
        proces: k % CFG.processen,
        token: aanbiederTokens.get(a)!,
        feeds: [`aanbieder:${a}`, `gebruiker:${aanbiederGebruiker.get(a)}`],
      };
    });
    for (let i = 0; i < specs.length; i += 50) {
      const groep = specs.slice(i, i + 50).map((spec) => {
        const begin = Object.fromEntries(spec.feeds.map((f) => [f, beginSeqs.get(f) ?? 0]));
        const opLevering = (e: LiveEvent) => {
          if (spec.rol === "consulent" && e.type === "offer:created" && "aanbiederId" in e.payload.aanbieding) {
            const v = verzonden.get(`${e.payload.hulpvraagId}|${e.payload.aanbieding.aanbiederId}`);
            if (v && meten) {
              const ms = performance.now() - v.t0;
              opScherm.push(ms);
              if (v.proces !== spec.proces) tussenProcessen.push(ms);
            }
          }
          if (spec.rol === "aanbieder" && e.type === "request:published") {
            const t0 = gepubliceerd.get(e.payload.hulpvraagId);
            if (t0 !== undefined) publishToFeed.push(performance.now() - t0);
          }
        };
        return {
          volger: new Volger(servers[spec.proces].url, spec.token, begin, opLevering),
          begin,
          proces: spec.proces,
          rol: spec.rol,
        };
      });
      await Promise.all(groep.map((s) => s.volger.verbonden()));
      sockets.push(...groep);
    }
    const rssVerbonden = Math.max(...(await Promise.all(pids.map(rssMb))));

    // Aanbieder-major, so consecutive offers go to different requests (and gemeenten); submits round-robin over the processes.
    const paren = aanbiederIds.flatMap((a) => open.map((h) => [h.id, a] as const));
    let volgende = 0;
    let geaccepteerd = 0;
    const dienIn = async () => {
      const n = volgende++;
      const [hulpvraagId, aanbiederId] = paren[n];
      const proces = n % CFG.processen;
      const t0 = performance.now();
      verzonden.set(`${hulpvraagId}|${aanbiederId}`, { t0, proces });
      const res = await fetch(`${servers[proces].url}/api/v1/requests/${hulpvraagId}/offers`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${aanbiederTokens.get(aanbiederId)}` },
        body: JSON.stringify(
          aanbod(aanbiederId, "01", {}, { prijsPerEenheidCent: tariefVan(CODE.huishoudenMaand) + (n % 50) * 100 }),
        ),
      });
      const tekst = await res.text();
      if (res.status === 201) geaccepteerd++;
      else {
        fouten++;
        const soort = `${res.status} ${/"code":"(\w+)"/.exec(tekst)?.[1] ?? ""}`;
        foutSoorten.set(soort, (foutSoorten.get(soort) ?? 0) + 1);
      }
      return performance.now() - t0;
    };

    const cpuVoor = await cpuSamen(pids);
    const dbCpuVoor = pg ? await databaseCpu(sql) : null;
    log(`Rustig: ${CFG.rustigAantal} aanbiedingen met ${CFG.rustigPerSeconde}/s…`);
    const submit = await draaiTaken(
      Array.from({ length: CFG.rustigAantal }, () => dienIn),
      { parallel: 16, perSeconde: CFG.rustigPerSeconde },
    );
    await new Promise((r) => setTimeout(r, 1000));
    meten = false;
    const offerToScreen = percentielen(opScherm);
    const crossProcess = percentielen(tussenProcessen);

    log(`Golf: ${CFG.golf} aanbiedingen zo snel als het gaat…`);
    const golfStart = performance.now();
    const golf = await draaiTaken(
      Array.from({ length: CFG.golf }, () => dienIn),
      { parallel: 32 },
    );
    const offersPerSecond = Math.round(CFG.golf / ((performance.now() - golfStart) / 1000));
    const cpuNa = await cpuSamen(pids);
    const cpuMsPerOffer = round(((cpuNa - cpuVoor) * 1000) / Math.max(1, geaccepteerd));
    const dbCpuMsPerOffer = dbCpuVoor
      ? round((databaseCpuVerschil(dbCpuVoor, await databaseCpu(sql)) * 1000) / Math.max(1, geaccepteerd))
      : null;
    const rssNaGolf = Math.max(...(await Promise.all(pids.map(rssMb))));

    log("Publiceren naar de aanbieders…");
    for (let i = 0; i < 12; i++) {
      const g = gemeenten[i % gemeenten.length];
      const token = consulentTokens.get(g.gemeenteId)!;
      const via = servers[i % servers.length];
      const clientId = (
        await via.api("POST", "/api/v1/clients", {
          token,
          body: {
            naam: "Bench Cliënt",
            bsn: "111222333",
            straat: "Laan",
            huisnummer: "1",
            postcode: "7101AB",
            woonplaats: "Winterswijk",
            geboortedatum: "1940-01-01",
          },
        })
      ).body.id;
      const h = await via.api("POST", "/api/v1/requests", {
        token,
        body: {
          clientId,
          regio: "7101",
          leeftijdsklasse: "75-84",
          huishouden: "alleenstaand",
          resultaten: [{ code: "schoon_huis", toelichting: "" }],
          productcategorieen: ["01"],
          startdatum: new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10),
          duurMaanden: 12,
        },
      });
      gepubliceerd.set(h.body.id, performance.now());
      const p = await via.api("POST", `/api/v1/requests/${h.body.id}/publish`, { token });
      if (p.status !== 200) fouten++;
      await new Promise((r) => setTimeout(r, 200));
    }

    log("Gatencontrole: wat elke socket per feed kreeg, tegen live_events…");
    const achter = await wachtTotBijgewerkt(sql, sockets, 15_000);
    const gaten = await controleerGaten(sql, sockets);
    for (const s of sockets) s.volger.close();

    log("Lijst en hulpvraagpagina van de consulent meten…");
    const cookie = await webCookie(server, "consulent@winterswijk.demo");
    const meetPaginas = async () => ({
      lijst: await meetGet(`${server.url}/consulent`, { cookie }, CFG.metingen),
      // A request as the consulent meets it: 10 offers (the open ones above got hundreds from the burst).
      pagina: await meetGet(`${server.url}/consulent/hulpvragen/hv_bench_4`, { cookie }, CFG.metingen),
      apiLijst: await meetGet(
        `${server.url}/api/v1/requests`,
        { authorization: `Bearer ${consulentToken}` },
        CFG.metingen,
      ),
    });
    const schaal1 = await meetPaginas();
    log(`Tweede schaal: ${CFG.tweedeSchaal} hulpvragen erbij…`);
    await zaaiGeschiedenis(sql, {
      vanaf: CFG.hulpvragen + 1,
      aantal: CFG.tweedeSchaal,
      perHulpvraag: CFG.perHulpvraag,
      aanbieders: CFG.aanbieders,
    });
    const schaal2 = await meetPaginas();
    fouten += schaal1.lijst.fouten + schaal1.pagina.fouten + schaal2.lijst.fouten + schaal2.pagina.fouten;
    const plan = (
      await sql.unsafe(
        `explain select * from hulpvragen where gemeente_id = 'winterswijk' order by created_at desc limit 100`,
      )
    )
      .map((r) => Object.values(r)[0])
      .join(" / ");

    log("Baseline: kale socket.io…");
    const baseline = await meetBaseline(CFG.sockets);

    const submitMs = percentielen([...submit, ...golf]);
    const totaalHulpvragen = CFG.hulpvragen + CFG.tweedeSchaal;
    const drie = ({ p50, p95, p99 }: { p50: number; p95: number; p99: number }) => ({ p50, p95, p99 });
    const uitkomst = {
      sockets: CFG.sockets,
      processes: CFG.processen,
      gemeenten: gemeenten.length,
      offersPerSecond,
      offerToScreenMs: drie(offerToScreen),
      crossProcessMs: CFG.processen > 1 ? drie(crossProcess) : null,
      baselineMs: drie(baseline),
      ratioP99: round(offerToScreen.p99 / baseline.p99),
      submitMs: drie(submitMs),
      publishToFeedMs: drie(percentielen(publishToFeed)),
      serverCpuMsPerOffer: cpuMsPerOffer,
      databaseCpuMsPerOffer: dbCpuMsPerOffer,
      offersAccepted: geaccepteerd,
      gaps: gaten.gaps,
      duplicates: gaten.duplicates,
      outOfOrder: gaten.outOfOrder,
      gapCheck: { ...gaten, socketsBehindAtEnd: achter },
      requestListP95Ms: schaal1.lijst.p95,
      requestPageP95Ms: schaal1.pagina.p95,
      atSecondScale: {
        requests: totaalHulpvragen,
        requestListP95Ms: schaal2.lijst.p95,
        requestPageP95Ms: schaal2.pagina.p95,
      },
      serverRssMb: Math.max(rssVerbonden, rssNaGolf),
      errors: fouten,
      quick: snel,
    };

    console.log(
      `\nZorgveiling benchmark (${snel ? "--quick" : "volledig"}) op ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB\n`,
    );
    console.log(
      tabel([
        ["serverprocessen / sockets / gemeenten", `${CFG.processen} / ${CFG.sockets} / ${gemeenten.length}`],
        ["hulpvragen / aanbiedingen in historie", `${CFG.hulpvragen} / ${CFG.hulpvragen * CFG.perHulpvraag}`],
        [
          "aanbod → scherm p50 / p95 / p99 (ms)",
          `${offerToScreen.p50} / ${offerToScreen.p95} / ${offerToScreen.p99}`,
          CFG.processen > 1
            ? "p99 < 100 ms"
            : CFG.sockets > 500
              ? "p99 < 100 ms (2.000 sockets)"
              : "p99 ≤ 1,5× baseline",
        ],
        [
          "  via een ander proces p50 / p95 / p99 (ms)",
          CFG.processen > 1 ? `${crossProcess.p50} / ${crossProcess.p95} / ${crossProcess.p99}` : "-",
        ],
        ["kale socket.io p50 / p95 / p99 (ms)", `${baseline.p50} / ${baseline.p95} / ${baseline.p99}`],
        ["verhouding p99 tot baseline", uitkomst.ratioP99, "≤ 1,5×"],
        ["indienen (HTTP) p50 / p95 / p99 (ms)", `${submitMs.p50} / ${submitMs.p95} / ${submitMs.p99}`],
        ["aanbiedingen per seconde (golf)", offersPerSecond, "≥ 300/s zonder fouten"],
        ["CPU per aanbieding (ms): server / PostgreSQL", `${cpuMsPerOffer} / ${dbCpuMsPerOffer ?? "-"}`],
        ["publiceren → aanbieder p50 / p95 (ms)", `${uitkomst.publishToFeedMs.p50} / ${uitkomst.publishToFeedMs.p95}`],
        [
          "gaten / dubbel / uit volgorde (alle sockets)",
          `${gaten.gaps} / ${gaten.duplicates} / ${gaten.outOfOrder}`,
          "0 / 0 / 0",
        ],
        ["  vastgehouden / syncs / verbroken", `${gaten.heldAhead} / ${gaten.syncs} / ${gaten.disconnects}`],
        [`lijst consulent p95 (ms) bij ${CFG.hulpvragen}`, schaal1.lijst.p95, "< 100 ms"],
        [`hulpvraagpagina p95 (ms) bij ${CFG.hulpvragen}`, schaal1.pagina.p95, "< 100 ms"],
        [`lijst consulent p95 (ms) bij ${totaalHulpvragen}`, schaal2.lijst.p95, "gelijk aan kleinere schaal"],
        [`hulpvraagpagina p95 (ms) bij ${totaalHulpvragen}`, schaal2.pagina.p95, "gelijk aan kleinere schaal"],
        ["API-lijst p95 (ms), beide schalen", `${schaal1.apiLijst.p95} / ${schaal2.apiLijst.p95}`],
        ["geheugen server (MB RSS, grootste proces)", uitkomst.serverRssMb, "< 300 MB"],
        ["fouten", fouten, "0"],
      ]),
    );
    if (foutSoorten.size)
      console.log(`\n  fouten bij indienen: ${[...foutSoorten].map(([k, n]) => `${k} × ${n}`).join(", ")}`);
    console.log(`\n  plan lijstquery: ${plan}\n`);
    console.log(JSON.stringify(uitkomst));
  } finally {
    for (const s of sockets) s.volger.close();
    await sql.end();
    await Promise.all(servers.map((s) => s.stop()));
    await pg?.stop();
    await rm(map, { recursive: true, force: true });
  }
}

if (args.includes("--adapter")) await meetAdapter({ snel });
else await main();
process.exit(0);
