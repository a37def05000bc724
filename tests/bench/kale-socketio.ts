import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";

/**
 * The baseline: a bare socket.io server that relays one emit, triggered over HTTP like an offer
 * submission, to every connected socket. Nothing else: no database, no auth, no rooms.
 *
 * With ADAPTER_URL it joins the others through @socket.io/postgres-adapter, set up as
 * realtime/io.ts sets it up, and `POST /golf {perSeconde, seconden, bytes}` emits at that rate
 * for that long, each event stamped with its send time: the adapter bench (adapter.ts).
 */
const http = createServer((req, res) => {
  let body = "";
  req.on("data", (d) => (body += d));
  req.on("end", () => {
    if (req.method === "POST" && req.url === "/emit") {
      io.emit("live", JSON.parse(body));
      res.writeHead(204).end();
    } else if (req.method === "POST" && req.url === "/golf") {
      void golf(JSON.parse(body)).then((verzonden) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ verzonden })),
      );
    } else res.writeHead(404).end();
  });
});
const io = new Server(http, { serveClient: false, transports: ["websocket"] });
if (process.env.ADAPTER_URL) {
  const pool = new pg.Pool({ connectionString: process.env.ADAPTER_URL, max: 2 });
  pool.on("error", () => {});
  await pool.query(
    `create table if not exists socket_io_attachments (id bigserial unique, created_at timestamptz default now(), payload bytea)`,
  );
  io.adapter(createAdapter(pool, { errorHandler: () => {} }));
}

/** Emits `perSeconde` events a second for `seconden` seconds, in 10 ms ticks, each with `bytes` of payload. */
async function golf({ perSeconde, seconden, bytes }: { perSeconde: number; seconden: number; bytes: number }) {
  const opvulling = "x".repeat(bytes);
  const begin = performance.now();
  let n = 0;
  const totaal = perSeconde * seconden;
  while (n < totaal) {
    const doel = Math.min(totaal, Math.floor(((performance.now() - begin) / 1000) * perSeconde));
    for (; n < doel; n++) io.emit("live", { n, t: performance.timeOrigin + performance.now(), opvulling });
    await new Promise((r) => setTimeout(r, 10));
  }
  return n;
}

http.listen(0, "127.0.0.1", () => {
  const adres = http.address();
  console.log(`KAAL_READY port=${typeof adres === "object" && adres ? adres.port : 0}`);
});
