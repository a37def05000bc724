/**
 * Process entry: Express serves the Remix build, the JSON API and socket.io on one http.Server.
 * Without DATABASE_URL it starts an embedded PostgreSQL with its data in DATA_DIR.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import proxyaddr from "proxy-addr";
import compression from "compression";
import { pinoHttp } from "pino-http";
import type { ServerBuild } from "@remix-run/node";
import { EmbeddedFout, startEmbeddedPostgres } from "./db/embedded";
import { migreerZodraBereikbaar } from "./db/migrate";

// React and Express pick their production paths from NODE_ENV; the build is a production build.
process.env.NODE_ENV ??= "production";
const root = path.dirname(fileURLToPath(import.meta.url));
// The app's code comes only from the build: one copy of every module in this process.
const build = (await import(path.join(root, "build/index.js"))) as ServerBuild;
const zv = build.entry.module as unknown as typeof import("./app/entry.server");
const config = zv.readConfig();

let url = config.DATABASE_URL;
const embedded = url
  ? null
  : await startEmbeddedPostgres(path.resolve(root, config.DATA_DIR)).catch((e) => {
      // A folder in use, an engine that will not start, root without access: one clear line, no stack.
      if (e instanceof EmbeddedFout) {
        console.error(e.message);
        process.exit(1);
      }
      throw e;
    });
url ??= embedded!.url;

// The key of the invite-code HMAC. Embedded: made once and kept beside the data. With a
// database server every process must share it, so it has to be configured.
if (!config.SESSION_SECRET) {
  if (!embedded)
    throw new Error(
      "Stel SESSION_SECRET in (minstens 16 tekens, gelijk voor alle processen) wanneer DATABASE_URL is gezet.",
    );
  const bestand = path.resolve(root, config.DATA_DIR, "sessie-geheim");
  if (!existsSync(bestand)) writeFileSync(bestand, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = readFileSync(bestand, "utf8").trim();
}
await migreerZodraBereikbaar(url);
zv.useDatabase(url);
const bewakingsdoel: { io?: Awaited<ReturnType<typeof zv.startRealtime>>["io"] } = {};
const bewaking = zv.startBewaking(
  url,
  (bereikbaar) => {
    if (bewakingsdoel.io) zv.meldDatabase(bewakingsdoel.io, bereikbaar);
  },
  zv.logboek,
);
const nieuw =
  config.SEED_DEMO === "true"
    ? await zv.seedDemo(zv.db(), zv.hashWachtwoord, { voorbeeld: config.SEED_DEMO_VOORBEELD === "true" })
    : false;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.TRUST_PROXY);
app.use(compression());
app.use(zv.beveiligingsHeaders);
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
// One line per request (not per static file): method, path without its query (a search may hold a name), status, time.
app.use(
  pinoHttp({
    logger: zv.logboek,
    autoLogging: { ignore: (req) => req.url === "/healthz" },
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, pad: String(req.url).split("?")[0] }),
      res: (res) => ({ status: res.statusCode }),
    },
  }),
);
app.get("/favicon.ico", (_req, res) => {
  res.redirect(301, "/favicon.svg");
});
// For a balancer: 503 while this process cannot reach the database, so it is taken out.
app.get("/healthz", async (_req, res) => {
  const ok = await bewaking.peil();
  res
    .status(ok ? 200 : 503)
    .set("Cache-Control", "no-store")
    .json({ ok, database: ok ? "bereikbaar" : "niet bereikbaar" });
});
app.use("/api/v1", zv.apiRouter());

// Validate the session once per page request; Remix loaders read the actor from the load context.
app.use(async (req, res, next) => {
  try {
    const { actor, setCookie, sessieBeeindigd } = await zv.actorUitHeaders({ cookie: req.headers.cookie });
    res.locals.actor = actor;
    res.locals.sessieBeeindigd = sessieBeeindigd ?? false;
    if (setCookie) res.append("Set-Cookie", setCookie);
    next();
  } catch (e) {
    next(e);
  }
});
app.use(zv.controleerHerkomst);
// A page address with control characters or broken escapes is nobody's page.
app.use((req, res, next) => {
  let pad: string;
  try {
    pad = decodeURIComponent(req.path);
  } catch {
    pad = "\u0000";
  }
  if (/[\u0000-\u001F\u007F]/.test(pad)) {
    res.status(404).type("text/plain; charset=utf-8").send("Niet gevonden.");
    return;
  }
  next();
});

app.all(
  "*",
  zv.begrensdeRemixHandler(build, config.NODE_ENV, (req, res) => ({
    actor: res.locals.actor ?? null,
    sessieBeeindigd: res.locals.sessieBeeindigd ?? false,
    ip: req.ip ?? "onbekend",
    nonce: randomBytes(16).toString("base64"),
  })),
);

// Last: an error no route answered. An absent database is a Dutch 503 page, never a raw 500.
app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(err);
  if (zv.isDatabaseWeg(err)) {
    res.status(503).set(zv.onbeschikbaarHeaders()).send(zv.onbeschikbaarPagina());
    return;
  }
  zv.logboek.error({ err, pad: _req.path }, "verzoek mislukt");
  res
    .status(500)
    .type("text/plain; charset=utf-8")
    .send("Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.");
});

const httpServer = createServer(zv.SERVER_OPTIES, app);
httpServer.maxConnections = zv.MAX_VERBINDINGEN;
const realtime = await zv.startRealtime(httpServer, {
  adapterUrl: config.DATABASE_URL,
  publicUrl: config.PUBLIC_URL,
  // The address as Express sees it, so TRUST_PROXY counts for live connections too.
  adresVan: (req) => proxyaddr(req, app.get("trust proxy fn")),
  grenzen: { perSessie: config.LIVE_MAX_PER_SESSIE, perAdres: config.LIVE_MAX_PER_ADRES },
});
bewakingsdoel.io = realtime.io;
zv.zetKantooruren(config.KANTOORUREN);
const klok = zv.startKlok();

httpServer.listen(config.PORT, config.HOST, () => {
  const { port } = httpServer.address() as { port: number };
  const adres = config.PUBLIC_URL ?? `http://localhost:${port}`;
  zv.zetPubliekAdres(adres);
  console.log(
    `Zorgveiling draait op ${adres} (${embedded ? `ingebouwde PostgreSQL in ${config.DATA_DIR}` : "PostgreSQL-server uit DATABASE_URL"})`,
  );
  if (nieuw) console.log("Demodata aangemaakt.");
  if (config.SEED_DEMO === "true") console.log(zv.demoAanmeldingen());
  // Child processes (tests, benchmark) read the port from this line.
  console.log(`ZORGVEILING_READY port=${port}`);
});

let stopt = false;
async function stop() {
  if (stopt) return;
  stopt = true;
  klok.stop();
  await bewaking.stop();
  await realtime.close();
  httpServer.close();
  await zv.closeDatabase();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
