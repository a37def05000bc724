/**
 * `npm test`: starts one embedded PostgreSQL server for the whole run, migrates a template
 * database, then runs the node tests (unit + integration through the real server) and the
 * Playwright suite in Debian's Chromium. Each test file makes its own database from the template.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { controleer as controleerImportrichting } from "../scripts/importrichting";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const filter = process.argv.slice(2);

async function testbestanden(map: string, patroon: RegExp): Promise<string[]> {
  const uit: string[] = [];
  for (const e of await readdir(path.join(root, map), { recursive: true, withFileTypes: true })) {
    if (e.isFile() && patroon.test(e.name)) uit.push(path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
  }
  return uit.sort();
}

function draai(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; uitvoer: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let uitvoer = "";
    p.stdout.on("data", (d: Buffer) => {
      uitvoer += d.toString();
      process.stdout.write(d);
    });
    p.on("exit", (code) => resolve({ code: code ?? 1, uitvoer }));
  });
}

// First, and without a database: imports go one way (scripts/importrichting.ts). It counts as one
// test, and a violation fails the run whatever else passes.
let geslaagd = 0;
let mislukt = 0;
let code = 0;
{
  const { overtredingen, bestanden } = controleerImportrichting();
  if (overtredingen.length === 0) {
    geslaagd += 1;
    console.log(`✔ importrichting: ${bestanden} bestanden, alle imports in de goede richting, geen cirkels`);
  } else {
    mislukt += 1;
    code = 1;
    console.log(`✖ importrichting: ${overtredingen.length} overtreding(en)`);
    for (const o of overtredingen) console.log(`  ${o}`);
  }
}

// Then the formatting (Prettier, print width 120, `.prettierrc.json`): on a whole run only, as
// one test; an unformatted file fails the run. `npm run format` formats everything.
if (filter.length === 0) {
  const opmaak = await draai(
    path.join(root, "node_modules/.bin/prettier"),
    ["--check", "--log-level", "warn", "."],
    process.env,
  );
  if (opmaak.code === 0) {
    geslaagd += 1;
    console.log("✔ opmaak: elk bestand volgens Prettier");
  } else {
    mislukt += 1;
    code = 1;
    console.log("✖ opmaak: de bestanden hierboven wijken af van Prettier; `npm run format` herstelt ze");
  }
}

let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
let dataDir: string | null = null;
let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
if (!adminUrl) {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-test-"));
  pg = await startEmbeddedPostgres(dataDir, "postgres");
  adminUrl = pg.adminUrl;
}
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists zv_template`);
await admin.unsafe(`create database zv_template`);
const u = new URL(adminUrl);
u.pathname = "/zv_template";
await runMigrations(u.toString());
await admin.end();

const env: NodeJS.ProcessEnv = { ...process.env, ZV_TEST_ADMIN_URL: adminUrl, NODE_ENV: "production" };
const kies = (bestanden: string[]) =>
  filter.length ? bestanden.filter((b) => filter.some((f) => b.includes(f))) : bestanden;

const nodeBestanden = kies([
  ...(await testbestanden("app", /\.test\.tsx?$/)),
  ...(await testbestanden("scripts", /\.test\.ts$/)),
  ...(await testbestanden("tests/integration", /\.test\.ts$/)),
]);
const e2eBestanden = kies(await testbestanden("tests/e2e", /\.spec\.ts$/));

try {
  if (nodeBestanden.length) {
    const r = await draai(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...nodeBestanden],
      env,
    );
    geslaagd += Number(/ℹ pass (\d+)/.exec(r.uitvoer)?.[1] ?? 0);
    mislukt += Number(/ℹ fail (\d+)/.exec(r.uitvoer)?.[1] ?? 0);
    if (r.code !== 0) code = 1;
  }
  if (e2eBestanden.length) {
    const rapport = path.join(root, "test-results", "playwright.json");
    const r = await draai(path.join(root, "node_modules/.bin/playwright"), ["test", ...e2eBestanden], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: rapport,
    });
    try {
      const stats = JSON.parse(await readFile(rapport, "utf8")).stats;
      geslaagd += stats.expected + stats.flaky;
      mislukt += stats.unexpected;
    } catch {
      mislukt += 1;
    }
    if (r.code !== 0) code = 1;
  }
} finally {
  await pg?.stop().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => {});
}
if (nodeBestanden.length + e2eBestanden.length === 0) code = 1;
console.log(`\nZorgveiling: ${geslaagd} passed, ${mislukt} failed`);
process.exit(code);
