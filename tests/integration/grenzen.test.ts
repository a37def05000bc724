import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { connect } from "node:net";
import { io, type Socket } from "socket.io-client";
import { DEMO_WACHTWOORD, startServer, type TestServer } from "../support/server";

/**
 * Issue 12, item 4: nothing unbounded. Form bodies, slow connections, live sockets per session
 * and per address, the live handshake's Origin, socket.io's own HTTP answers, and the scheme in
 * the CSRF check.
 */
let server: TestServer;
let klein: TestServer;
before(async () => {
  [server, klein] = await Promise.all([startServer(), startServer({ env: { LIVE_MAX_PER_ADRES: "3" } })]);
});
after(async () => {
  await Promise.all([server?.stop(), klein?.stop()]);
});

/** Posts to /inloggen, writing `stukken` chunks of 64 KiB as long as the server reads; the answer as soon as it comes. */
function groteBody(opts: {
  contentLength?: number;
  stukken: number;
}): Promise<{ status: number; verstuurd: number; ms: number }> {
  const u = new URL(server.url);
  const begin = Date.now();
  return new Promise((resolve, reject) => {
    let verstuurd = 0;
    const headers: Record<string, string | number> = {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.url,
    };
    if (opts.contentLength) headers["content-length"] = opts.contentLength;
    const req = request({ host: u.hostname, port: u.port, path: "/inloggen", method: "POST", headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, verstuurd, ms: Date.now() - begin });
    });
    let beantwoord = false;
    req.on("response", () => {
      beantwoord = true;
    });
    // Writing after the server closed is expected; closing without an answer is not.
    req.on("error", (e) => {
      if (!beantwoord) reject(e);
    });
    const stuk = Buffer.alloc(64 * 1024, "a");
    const schrijf = () => {
      while (verstuurd < opts.stukken) {
        verstuurd++;
        if (!req.write(stuk)) return void req.once("drain", schrijf);
      }
      req.end();
    };
    schrijf();
  });
}

function verbind(
  url: string,
  opts: Parameters<typeof io>[1],
): Promise<{ socket: Socket; fout?: Error; geweigerd?: string; verbroken?: string }> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, ...opts });
  return new Promise((resolve) => {
    let geweigerd: string | undefined;
    socket.on("verbinding:geweigerd", (m: { reden: string }) => {
      geweigerd = m.reden;
    });
    socket.on("connect_error", (fout) => resolve({ socket, fout }));
    socket.on("connect", () => {
      // A socket over the cap is told why and closed right after connecting.
      const timer = setTimeout(() => resolve({ socket }), 500);
      socket.on("disconnect", (reden) => {
        clearTimeout(timer);
        resolve({ socket, geweigerd, verbroken: reden });
      });
    });
  });
}

describe("formulieren zijn begrensd", () => {
  it("een formulier van 50 MB wordt geweigerd met 413 op zijn lengte, voordat het gelezen is", async () => {
    const r = await groteBody({ contentLength: 50 * 1024 * 1024, stukken: 800 });
    assert.equal(r.status, 413);
    assert.ok(r.verstuurd < 800, `de server las niet alles: ${r.verstuurd} van 800 stukken verstuurd`);
  });

  it("een formulier zonder lengte (chunked) wordt afgebroken zodra het boven 1 MB komt", async () => {
    const r = await groteBody({ stukken: 800 });
    assert.equal(r.status, 413);
    assert.ok(r.verstuurd < 800, `${r.verstuurd} van 800 stukken verstuurd`);
  });

  it("een gewoon formulier werkt nog", async () => {
    const res = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ email: "consulent@winterswijk.demo", password: DEMO_WACHTWOORD }),
    });
    assert.equal(res.status, 302);
  });

  it("een verbinding die haar kopregels niet afmaakt wordt gesloten", async () => {
    const u = new URL(server.url);
    const begin = Date.now();
    const gesloten = await new Promise<number>((resolve) => {
      const s = connect(Number(u.port), u.hostname, () => s.write("GET / HTTP/1.1\r\nHost: x\r\n"));
      s.on("data", () => {});
      s.on("close", () => resolve(Date.now() - begin));
      s.on("error", () => {});
    });
    assert.ok(gesloten < 15_000, `gesloten na ${gesloten} ms`);
  });
});

describe("live verbindingen", () => {
  it("hoogstens 20 sockets per sessie; de 21e hoort waarom en wordt gesloten", async () => {
    const token = await server.token("consulent@winterswijk.demo");
    const eerste = await Promise.all(Array.from({ length: 20 }, () => verbind(server.url, { auth: { token } })));
    assert.ok(eerste.every((v) => !v.fout && !v.geweigerd && v.socket.connected));
    const teveel = await verbind(server.url, { auth: { token } });
    assert.match(teveel.geweigerd ?? "", /Te veel live verbindingen voor deze sessie \(maximaal 20\)/);
    assert.equal(teveel.verbroken, "io server disconnect");
    // Another session of the same user is not affected.
    const ander = (
      await server.api("POST", "/api/v1/auth/token", {
        body: { email: "consulent@winterswijk.demo", password: DEMO_WACHTWOORD },
      })
    ).body.token;
    const los = await verbind(server.url, { auth: { token: ander } });
    assert.ok(los.socket.connected && !los.geweigerd);
    for (const v of [...eerste, teveel, los]) v.socket.close();
    // Closed sockets free their place.
    await new Promise((r) => setTimeout(r, 300));
    const weer = await verbind(server.url, { auth: { token } });
    assert.ok(weer.socket.connected && !weer.geweigerd);
    weer.socket.close();
  });

  it("hoogstens LIVE_MAX_PER_ADRES sockets per adres", async () => {
    const tokens = await Promise.all(
      [
        "consulent@winterswijk.demo",
        "beheerder@winterswijk.demo",
        "toezicht@winterswijk.demo",
        "consulent@aalten.demo",
      ].map((e) => klein.token(e)),
    );
    const adres = { "x-forwarded-for": "10.50.0.1" };
    const drie = await Promise.all(
      tokens.slice(0, 3).map((token) => verbind(klein.url, { auth: { token }, extraHeaders: adres })),
    );
    assert.ok(drie.every((v) => v.socket.connected && !v.geweigerd));
    const vierde = await verbind(klein.url, { auth: { token: tokens[3] }, extraHeaders: adres });
    assert.match(vierde.geweigerd ?? "", /Te veel live verbindingen vanaf dit adres \(maximaal 3\)/);
    const elders = await verbind(klein.url, {
      auth: { token: tokens[3] },
      extraHeaders: { "x-forwarded-for": "10.50.0.2" },
    });
    assert.ok(elders.socket.connected && !elders.geweigerd);
    for (const v of [...drie, vierde, elders]) v.socket.close();
  });

  it("weigert een handdruk met de Origin van een andere site, ook via polling", async () => {
    const token = await server.token("consulent@winterswijk.demo");
    for (const transports of [["websocket"], ["polling"]] as const) {
      const vreemd = await verbind(server.url, {
        auth: { token },
        transports: [...transports],
        extraHeaders: { origin: "https://evil.example" },
      });
      assert.ok(vreemd.fout, `${transports[0]}: een vreemde herkomst hoort geweigerd te worden`);
      vreemd.socket.close();
      const eigen = await verbind(server.url, {
        auth: { token },
        transports: [...transports],
        extraHeaders: { origin: server.url },
      });
      assert.ok(eigen.socket.connected, `${transports[0]}: de eigen herkomst mag`);
      eigen.socket.close();
    }
  });

  it("socket.io's eigen HTTP-antwoorden dragen de veiligheidskoppen", async () => {
    const res = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
    await res.text();
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal(res.headers.get("x-frame-options"), "DENY");
    const fout = await fetch(`${server.url}/socket.io/?EIO=4&transport=onbekend`);
    await fout.text();
    assert.equal(fout.headers.get("x-content-type-options"), "nosniff");
  });
});

describe("CSRF", () => {
  it("dezelfde host met een ander schema is een andere herkomst", async () => {
    const anders = server.url.replace("http://", "https://");
    const res = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: anders },
      body: new URLSearchParams({ email: "consulent@winterswijk.demo", password: DEMO_WACHTWOORD }),
    });
    assert.equal(res.status, 403);
    assert.equal(
      res.headers.getSetCookie().some((c) => c.startsWith("zv_sessie=") && !c.startsWith("zv_sessie=;")),
      false,
    );
  });
});
