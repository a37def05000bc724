import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { io } from "socket.io-client";
import { startServer, type TestServer } from "../support/server";
import { nieuweDatabase, verbind } from "../support/database";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import type { SyncAntwoord } from "../../realtime/events";

let databaseUrl: string;
let a: TestServer;
let sql: ReturnType<typeof verbind>;
before(async () => {
  databaseUrl = await nieuweDatabase();
  a = await startServer({ databaseUrl });
  sql = verbind(databaseUrl);
});
after(async () => {
  await sql.end();
  await a.stop();
});

async function sync(server: TestServer, feeds: Record<string, number>): Promise<SyncAntwoord> {
  const socket = io(server.url, {
    transports: ["websocket"],
    reconnection: false,
    auth: { token: await server.token(CONSULENT) },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.on("connect", resolve);
      socket.on("connect_error", reject);
    });
    return await socket.timeout(5000).emitWithAck("sync", { feeds });
  } finally {
    socket.close();
  }
}

describe("opruimen door de klok", () => {
  it("verwijdert verlopen sessies, live events buiten het inhaalvenster en oude adapterbijlagen; wie verder terug wil, moet herladen", async () => {
    await gepubliceerdeHulpvraag(a);
    await gepubliceerdeHulpvraag(a);
    const [{ feed, seq: kop }] =
      await sql`select feed, seq from feeds where feed like 'gemeente:%' order by seq desc limit 1`;
    assert.ok(kop >= 4);
    const [gebruiker] = await sql`select id from gebruikers order by id limit 1`;
    await sql`insert into sessies (id, user_id, expires_at, soort) values ('verlopen-sessie', ${gebruiker.id}, now() - interval '1 minute', 'api')`;
    await sql`update live_events set created_at = now() - interval '25 hours' where feed = ${feed} and seq <= 2`;
    await sql`insert into socket_io_attachments (created_at, payload) values (now() - interval '2 hours', '\\x00'), (now(), '\\x01')`;

    // A process starting runs the job at once (and then every ten minutes, one process at a time).
    const b = await startServer({ databaseUrl });
    try {
      const einde = Date.now() + 10_000;
      while ((await sql`select 1 from sessies where id = 'verlopen-sessie'`).length && Date.now() < einde)
        await new Promise((r) => setTimeout(r, 200));
      assert.equal((await sql`select 1 from sessies where id = 'verlopen-sessie'`).length, 0, "verlopen sessie weg");
      assert.deepEqual(
        (await sql`select seq from live_events where feed = ${feed} and seq <= 3 order by seq`).map((r) => r.seq),
        [3],
      );
      assert.equal((await sql`select count(*)::int as n from socket_io_attachments`)[0].n, 1);
      assert.equal(
        (await a.api("GET", "/api/v1/requests", { token: await a.token(CONSULENT) })).status,
        200,
        "geldige tokens blijven",
      );

      const teVer = await sync(b, { [feed]: 0 });
      assert.equal(teVer.herladen, true, "een gat ouder dan het venster: de pagina moet herladen");
      assert.deepEqual(teVer.events, []);
      const binnen = await sync(b, { [feed]: 2 });
      assert.equal(binnen.herladen, false);
      assert.deepEqual(
        binnen.events.map((e) => e.seq),
        Array.from({ length: kop - 2 }, (_, i) => i + 3),
      );
    } finally {
      await b.stop();
    }
  });
});
