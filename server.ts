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
import type { ServerBuild } from "@remix-run/node";
import { readConfig } from "./app/config.server";
import { closeDatabase, db, useDatabase } from "./db/client.server";
import { startEmbeddedPostgres } from "./db/embedded";
import { runMigrations } from "./db/migrate";
import { demoAanmeldingen, seedDemo } from "./db/seed";
import { actorUitHeaders, hashWachtwoord } from "./app/auth/session.server";
import { apiRouter } from "./app/api/router.server";
import { startRealtime } from "./realtime/io";
import { beveiligingsHeaders, controleerHerkomst } from "./app/http/beveiliging.server";
import { begrensdeRemixHandler, MAX_VERBINDINGEN, SERVER_OPTIES } from "./app/http/begrenzing.server";
import { startKlok } from "./app/domain/klok.server";

const root = path.dirname(fileURLToPath(import.meta.url));
const config = readConfig();

let url = config.DATABASE_URL;
const embedded = url ? null : await startEmbeddedPostgres(path.resolve(root, config.DATA_DIR));
url ??= embedded!.url;

// The key of the invite-code HMAC. Embedded: made once and kept beside the data. With a
// database server every process must share it, so it has to be configured.
if (!config.SESSION_SECRET) {
  if (!embedded) throw new Error("Stel SESSION_SECRET in (minstens 16 tekens, gelijk voor alle processen) wanneer DATABASE_URL is gezet.");
  const bestand = path.resolve(root, config.DATA_DIR, "sessie-geheim");
  if (!existsSync(bestand)) writeFileSync(bestand, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = readFileSync(bestand, "utf8").trim();
}
await runMigrations(url);
useDatabase(url);
const nieuw = config.SEED_DEMO === "true" ? await seedDemo(db(), hashWachtwoord) : false;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.TRUST_PROXY);
app.use(compression());
app.use(beveiligingsHeaders);
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.get("/favicon.ico", (_req, res) => { res.redirect(301, "/favicon.svg"); });
app.get("/healthz", (_req, res) => { res.json({ ok: true }); });
app.use("/api/v1", apiRouter());

// Validate the session once per page request; Remix loaders read the actor from the load context.
app.use(async (req, res, next) => {
  try {
    const { actor, setCookie } = await actorUitHeaders({ cookie: req.headers.cookie });
    res.locals.actor = actor;
    if (setCookie) res.append("Set-Cookie", setCookie);
    next();
  } catch (e) {
    next(e);
  }
});
app.use(controleerHerkomst);
// A page address with control characters or broken escapes is nobody's page.
app.use((req, res, next) => {
  let pad: string;
  try { pad = decodeURIComponent(req.path); } catch { pad = "\u0000"; }
  if (/[\u0000-\u001F\u007F]/.test(pad)) { res.status(404).type("text/plain; charset=utf-8").send("Niet gevonden."); return; }
  next();
});

const build = (await import(path.join(root, "build/index.js"))) as ServerBuild;
app.all("*", begrensdeRemixHandler(build, config.NODE_ENV, (req, res) => ({ actor: res.locals.actor ?? null, ip: req.ip ?? "onbekend", nonce: randomBytes(16).toString("base64") })));

const httpServer = createServer(SERVER_OPTIES, app);
httpServer.maxConnections = MAX_VERBINDINGEN;
const realtime = await startRealtime(httpServer, {
  adapterUrl: config.DATABASE_URL, publicUrl: config.PUBLIC_URL,
  // The address as Express sees it, so TRUST_PROXY counts for live connections too.
  adresVan: (req) => proxyaddr(req, app.get("trust proxy fn")),
  grenzen: { perSessie: config.LIVE_MAX_PER_SESSIE, perAdres: config.LIVE_MAX_PER_ADRES },
});
const klok = startKlok();

httpServer.listen(config.PORT, config.HOST, () => {
  const { port } = httpServer.address() as { port: number };
  const adres = config.PUBLIC_URL ?? `http://localhost:${port}`;
  console.log(`Zorgveiling draait op ${adres} (${embedded ? `ingebouwde PostgreSQL in ${config.DATA_DIR}` : "PostgreSQL-server uit DATABASE_URL"})`);
  if (nieuw) console.log("Demodata aangemaakt.");
  if (config.SEED_DEMO === "true") console.log(demoAanmeldingen());
  // Child processes (tests, benchmark) read the port from this line.
  console.log(`ZORGVEILING_READY port=${port}`);
});

let stopt = false;
async function stop() {
  if (stopt) return;
  stopt = true;
  klok.stop();
  await realtime.close();
  httpServer.close();
  await closeDatabase();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
