import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nieuweDatabase } from "./database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_WACHTWOORD = "zorgveiling-demo";

export type TestServer = {
  url: string;
  databaseUrl: string;
  proces: ChildProcess;
  stop: (signaal?: NodeJS.Signals) => Promise<void>;
  api: (method: string, pad: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }) => Promise<{ status: number; body: any; headers: Headers; text: string }>;
  token: (email: string) => Promise<string>;
};

/** Starts the real server (server.ts, the built Remix app) as its own process on a free port. */
export async function startServer(opts: { databaseUrl?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<TestServer> {
  const databaseUrl = opts.databaseUrl ?? (await nieuweDatabase());
  const proces = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", SESSION_SECRET: "test-geheim-voor-uitnodigingen",
      // Tests pose as many client addresses through X-Forwarded-For, as a proxy on this machine would send it.
      TRUST_PROXY: "loopback", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let uitvoer = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server start duurde te lang:\n${uitvoer}`)), 30_000);
    proces.stdout!.on("data", (d: Buffer) => {
      uitvoer += d.toString();
      const m = /ZORGVEILING_READY port=(\d+)/.exec(uitvoer);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    proces.stderr!.on("data", (d: Buffer) => { uitvoer += d.toString(); if (process.env.ZV_TEST_VERBOSE) process.stderr.write(d); });
    proces.on("exit", (code) => { clearTimeout(timer); reject(new Error(`server stopte (${code}):\n${uitvoer}`)); });
  });
  const url = `http://127.0.0.1:${port}`;
  const tokens = new Map<string, string>();
  const server: TestServer = {
    url,
    databaseUrl,
    proces,
    stop: (signaal = "SIGTERM") =>
      new Promise((resolve) => {
        if (proces.exitCode !== null) return resolve();
        proces.once("exit", () => resolve());
        proces.kill(signaal);
      }),
    api: async (method, pad, o = {}) => {
      const res = await fetch(url + pad, {
        method,
        headers: { ...(o.body !== undefined ? { "content-type": "application/json" } : {}), ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
        body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body),
      });
      const text = await res.text();
      let body: any = null;
      try { body = JSON.parse(text); } catch { body = null; }
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

/** A form posted as the browser posts it: same origin, redirects not followed; `adres` poses as the client address. */
export function formulier(server: TestServer, pad: string, velden: Record<string, string>, opts: { adres?: string; cookie?: string } = {}) {
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
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("zv_sessie="))?.split(";")[0];
  return { res, cookie };
}
