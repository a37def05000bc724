/**
 * `postinstall`: postgres.js 3.4.9 can write to a socket it has already closed (a small write
 * queued with setImmediate, the server terminating the connection meanwhile). That throws from
 * a timer, outside any query, and takes the whole process down on a PostgreSQL restart
 * (porsager/postgres#1154, #1208; unreleased fix proposed in #1209). Until a release has the
 * guard, this adds it: the write is dropped and the connection's queries fail with
 * CONNECTION_CLOSED, which callers handle (a 503). Idempotent; checks the version it knows.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pakket = path.join(root, "node_modules/postgres");
const OUD = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const NIEUW = "  function nextWrite(fn) {\n    if (!socket) { chunk = nextWriteTimer = null; error(Errors.connection('CONNECTION_CLOSED', options)); return false } // zorgveiling: postgres#1208\n    const x = socket.write(chunk, fn)";

if (existsSync(pakket)) {
  const versie = JSON.parse(readFileSync(path.join(pakket, "package.json"), "utf8")).version;
  for (const bestand of ["src/connection.js", "cjs/src/connection.js"]) {
    const p = path.join(pakket, bestand);
    const tekst = readFileSync(p, "utf8");
    if (tekst.includes(NIEUW)) continue;
    if (!tekst.includes(OUD)) {
      console.warn(`postgres ${versie}: nextWrite is anders dan verwacht in ${bestand}; controleer of de fix van postgres#1208 erin zit.`);
      continue;
    }
    writeFileSync(p, tekst.replace(OUD, NIEUW));
  }
}
