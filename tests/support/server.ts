import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nieuweDatabase } from "./database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
import { DEMO_WACHTWOORD } from "./demo";
export { DEMO_WACHTWOORD };

export type TestServer = {
  url: string;
  databaseUrl: string;
  proces: ChildProcess;
  stop: (signaal?: NodeJS.Signals) => Promise<void>;
  api: (
    method: string,
    pad: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; headers: Headers; text: string }>;
  token: (email: string) => Promise<string>;
};

/** The environment of a server process: its own database, or with `dataDir` the embedded default (no DATABASE_URL). */
function serverOmgeving(opts: {
  databaseUrl: string;
  dataDir?: string;
  env?: Record<string, string>;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SESSION_SECRET: "test-geheim-voor-uitnodigingen",
    // Tests pose as many client addresses through X-Forwarded-For, as a proxy on this machine would send it.
    TRUST_PROXY: "loopback",
    // The demo's awarded example would count in every test's figures; tests that want it ask for it.
    SEED_DEMO_VOORBEELD: "false",
    ...opts.env,
  };
  if (opts.dataDir) {
    delete env.DATABASE_URL;
    delete env.SESSION_SECRET;
    env.DATA_DIR = opts.dataDir;
  } else {
    env.DATABASE_URL = opts.databaseUrl;
  }
  return env;
}

/** Starts the real server (server.ts, the built Remix app) as its own process on a free port. */
export async function startServer(
  opts: { databaseUrl?: string; dataDir?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const databaseUrl = opts.dataDir ? "" : (opts.databaseUrl ?? (await nieuweDatabase()));
  const proces = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: root,
    env: serverOmgeving({ databaseUrl, dataDir: opts.dataDir, env: opts.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let uitvoer = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server start duurde te lang:\n${uitvoer}`)), 30_000);
    proces.stdout!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
      const m = /ZORGVEILING_READY port=(\d+)/.exec(uitvoer);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proces.stderr!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
      if (process.env.ZV_TEST_VERBOSE) process.stderr.write(d);
    });
    proces.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server stopte (${code}):\n${uitvoer}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const server: TestServer = {
    url,
    databaseUrl,
    proces,
    stop: (signaal = "SIGTERM") =>
      new Promise((resolve) => {
        if (proces.exitCode !== null || proces.signalCode !== null) return resolve();
        proces.once("exit", () => resolve());
        proces.kill(signaal);
      }),
    api: async (method, pad, o = {}) => {
      const res = await fetch(url + pad, {
        method,
        headers: {
          ...(o.body !== undefined ? { "content-type": "application/json" } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...o.headers,
        },
        body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
      });
      const text = await res.text();
      let body: any = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: res.status, body, headers: res.headers, text };
    },
    token: async (email) => {
      const bekend = tokens.get(email);
      if (bekend) return bekend;
      const r = await server.api("POST", "/api/v1/auth/token", { body: { email, password: DEMO_WACHTWOORD } });
      if (r.status !== 200) throw new Error(`inloggen als ${email} mislukte: ${r.status} ${r.text}`);
      tokens.set(email, r.body.token);
      return r.body.token;
    },
  };
  return server;
}

/** Starts server.ts expecting it to refuse: resolves with its exit code and output (or fails when it comes up instead). */
export function startZonderSucces(
  opts: { dataDir?: string; databaseUrl?: string; env?: Record<string, string> },
  ms = 20_000,
) {
  const proces = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: serverOmgeving({ databaseUrl: opts.databaseUrl ?? "", dataDir: opts.dataDir, env: opts.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let uitvoer = "";
  const begin = Date.now();
  return new Promise<{ code: number | null; uitvoer: string; ms: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      proces.kill("SIGKILL");
      reject(new Error(`server bleef draaien of hing:\n${uitvoer}`));
    }, ms);
    proces.stdout!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
      if (uitvoer.includes("ZORGVEILING_READY")) {
        clearTimeout(timer);
        proces.kill("SIGTERM");
        reject(new Error(`server startte toch:\n${uitvoer}`));
      }
    });
    proces.stderr!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
    });
    proces.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, uitvoer, ms: Date.now() - begin });
    });
  });
}

/** A form posted as the browser posts it: same origin, redirects not followed; `adres` poses as the client address. */
export function formulier(
  server: TestServer,
  pad: string,
  velden: Record<string, string>,
  opts: { adres?: string; cookie?: string } = {},
) {
  return fetch(server.url + pad, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.url,
      ...(opts.adres ? { "x-forwarded-for": opts.adres } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    body: new URLSearchParams(velden).toString(),
  });
}

/** Signs in through the web form; `cookie` is the `zv_sessie=…` pair when it worked. Callers assert what they need. */
export async function webInloggen(server: TestServer, email: string, opts: { adres?: string } = {}) {
  const res = await formulier(server, "/inloggen", { email, password: DEMO_WACHTWOORD }, opts);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("zv_sessie="))
    ?.split(";")[0];
  return { res, cookie };
}
