import postgres from "postgres";

/**
 * Watches whether this process reaches its database, on a connection of its own (a busy pool
 * must not look like an outage). `GET /healthz` asks it, and the live sockets are told when it
 * changes, so the browser can say the connection is interrupted and catch up afterwards.
 */
const PEIL_ELKE_MS = 1000;
const PEIL_TIMEOUT_MS = 2000;

type Bewaking = { peil: () => Promise<boolean>; meldWeg: () => void; stop: () => Promise<void> };
/** The app's logger (pino); db/ does not import app/, so it is handed in. */
type Logboek = { info: (context: object, bericht: string) => void; warn: (context: object, bericht: string) => void };

let actief: Bewaking | undefined;

export function startBewaking(url: string, bijWijziging: (bereikbaar: boolean) => void, logboek: Logboek): Bewaking {
  const sql = postgres(url, { max: 1, connect_timeout: 2, backoff: () => 0.25, idle_timeout: 0, onnotice: () => {} });
  let bereikbaar = true;
  const zet = (nu: boolean) => {
    if (nu === bereikbaar) return;
    bereikbaar = nu;
    if (nu) logboek.info({ database: "bereikbaar" }, "database weer bereikbaar");
    else logboek.warn({ database: "niet bereikbaar" }, "database niet bereikbaar; opnieuw proberen…");
    bijWijziging(nu);
  };
  const peil = async () => {
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([
      sql`select 1`.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(false), PEIL_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    zet(ok);
    return ok;
  };
  let bezig = false;
  const timer = setInterval(async () => {
    if (bezig) return;
    bezig = true;
    await peil().finally(() => {
      bezig = false;
    });
  }, PEIL_ELKE_MS);
  const bewaking: Bewaking = {
    peil,
    // Something else saw the database go (the adapter's listening connection): say so now.
    meldWeg: () => zet(false),
    stop: async () => {
      clearInterval(timer);
      await sql.end({ timeout: 1 }).catch(() => {});
    },
  };
  actief = bewaking;
  return bewaking;
}

export function meldDatabaseWeg() {
  actief?.meldWeg();
}
