import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { percentielen, round, tabel } from "./meting";

/**
 * `npm run bench -- --adapter`: what @socket.io/postgres-adapter carries between two processes on
 * this machine. Process A emits at a rising rate (every emit is one `pg_notify`, or above 8,000
 * bytes an attachment row plus a notify); process B relays each to a few sockets. Per payload
 * size: the rate B receives, the latency from A's emit to the socket, and what never arrived.
 * No app code runs: this is the adapter's own ceiling, set up as realtime/io.ts sets it up.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const log = (tekst: string) => process.stderr.write(`${tekst}\n`);

async function startKaal(adapterUrl: string): Promise<{ proces: ChildProcess; url: string }> {
  const proces = spawn(process.execPath, ["--import", "tsx", path.join(root, "tests/bench/kale-socketio.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ADAPTER_URL: adapterUrl },
  });
  const port = await new Promise<number>((resolve) =>
    proces.stdout!.on("data", (d: Buffer) => {
      const m = /KAAL_READY port=(\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    }),
  );
  return { proces, url: `http://127.0.0.1:${port}` };
}

type Stap = {
  bytes: number;
  perSeconde: number;
  ontvangenPerSeconde: number;
  p50: number;
  p99: number;
  verloren: number;
};

export async function meetAdapter(opts: { snel: boolean }) {
  const map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-adapter-"));
  const pg = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedPostgres(map, "zorgveiling");
  const url = process.env.BENCH_DATABASE_URL ?? pg!.url;
  const zender = await startKaal(url);
  const ontvanger = await startKaal(url);
  const aantalSockets = 10;
  const seconden = opts.snel ? 2 : 4;
  const sockets: Socket[] = [];
  const stappen: Stap[] = [];
  try {
    for (let i = 0; i < aantalSockets; i++)
      sockets.push(io(ontvanger.url, { transports: ["websocket"], reconnection: false }));
    await Promise.all(sockets.map((s) => new Promise<void>((r) => s.once("connect", () => r()))));
    let latenties: number[] = [];
    let ontvangen = 0;
    let laatsteAankomst = 0;
    for (const s of sockets)
      s.on("live", (e: { t: number }) => {
        const nu = performance.timeOrigin + performance.now();
        latenties.push(nu - e.t);
        ontvangen++;
        laatsteAankomst = nu;
      });
    // The adapter needs a moment to see the other process (heartbeat) before a broadcast reaches it.
    await new Promise((r) => setTimeout(r, 1500));
    // 1 kB is an offer event as the app sends it; 7 kB just fits a NOTIFY; 16 kB goes through the attachments table.
    for (const bytes of [1000, 7000, 16000]) {
      let basisP99 = Number.NaN;
      for (const perSeconde of [100, 250, 500, 1000, 2000, 4000]) {
        latenties = [];
        ontvangen = 0;
        const begin = performance.timeOrigin + performance.now();
        const res = await fetch(`${zender.url}/golf`, {
          method: "POST",
          body: JSON.stringify({ perSeconde, seconden, bytes }),
        });
        const { verzonden } = (await res.json()) as { verzonden: number };
        // Drain: until nothing has arrived for a second (or 20 s have passed).
        const einde = Date.now() + 20_000;
        while (
          ontvangen < verzonden * aantalSockets &&
          Date.now() < einde &&
          performance.timeOrigin + performance.now() - Math.max(laatsteAankomst, begin) < 1000
        ) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const p = percentielen(latenties);
        const duur = (Math.max(laatsteAankomst, begin + 1) - begin) / 1000;
        const stap = {
          bytes,
          perSeconde,
          ontvangenPerSeconde: Math.round(ontvangen / aantalSockets / duur),
          p50: p.p50,
          p99: p.p99,
          verloren: verzonden * aantalSockets - ontvangen,
        };
        stappen.push(stap);
        log(
          `  ${bytes} B, ${perSeconde}/s: ontvangen ${stap.ontvangenPerSeconde}/s, p50 ${p.p50} ms, p99 ${p.p99} ms, verloren ${stap.verloren}`,
        );
        if (Number.isNaN(basisP99)) basisP99 = p.p99;
        // Past the ceiling: events lost, or latency far above what the lowest rate gave.
        if (stap.verloren > 0 || p.p99 > Math.max(200, 10 * basisP99)) break;
      }
    }
  } finally {
    for (const s of sockets) s.close();
    zender.proces.kill();
    ontvanger.proces.kill();
    await pg?.stop();
    await rm(map, { recursive: true, force: true });
  }

  // The ceiling per size: the highest rate with nothing lost and p99 ≤ 100 ms, the whole offer-to-screen budget.
  const grens = Object.fromEntries(
    [1000, 7000, 16000].map((bytes) => {
      const goed = stappen.filter((s) => s.bytes === bytes && s.verloren === 0 && s.p99 <= 100);
      return [bytes, goed.at(-1)?.perSeconde ?? 0];
    }),
  );
  console.log(
    `\nAdapter-bench (@socket.io/postgres-adapter, 2 processen, ${aantalSockets} sockets) op ${os.cpus().length} cores\n`,
  );
  console.log(
    tabel(
      stappen.map((s) => [
        `${s.bytes} B × ${s.perSeconde}/s`,
        `${s.ontvangenPerSeconde}/s  p50 ${round(s.p50)}  p99 ${round(s.p99)}  verloren ${s.verloren}`,
      ]),
    ),
  );
  console.log(
    `\n  grens (events/s tussen processen, niets verloren, p99 ≤ 100 ms): ${Object.entries(grens)
      .map(([b, r]) => `${b} B: ${r}/s`)
      .join(", ")}\n`,
  );
  console.log(
    JSON.stringify({ adapter: "postgres", sockets: aantalSockets, seconden, stappen, eventsPerSecondCeiling: grens }),
  );
}
