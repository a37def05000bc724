import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import { freePort, startEmbeddedPostgres } from "../../db/embedded";
import { startServer } from "../support/server";

/**
 * The database goes away under a signed-in consulent (a PostgreSQL server of this test's own,
 * so it can be stopped). The live indicator says the connection is broken, a page load gives
 * the Dutch 503 page instead of an error or a hang, and once PostgreSQL is back the same
 * process serves the page again and the live connection recovers without a restart.
 */
test("als de database wegvalt: live-status verbroken, een Nederlandse 503-pagina, en daarna vanzelf weer verder", async ({
  page,
  fouten,
}) => {
  test.setTimeout(90_000);
  const map = await mkdtemp(path.join(os.tmpdir(), "zorgveiling-e2e-pg-"));
  const poort = await freePort();
  let pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
  const server = await startServer({ databaseUrl: pg.url });
  try {
    const adres = server.url.replace("127.0.0.1", "localhost");
    await inloggen(page, "consulent@winterswijk.demo", adres);
    await page.goto(`${adres}/consulent`);
    await liveVerbonden(page);

    await pg.stop();
    await expect(page.getByTestId("live-status")).toHaveText(/verbroken/, { timeout: 5000 });
    const begin = Date.now();
    const antwoord = await page.goto(`${adres}/consulent`);
    expect(Date.now() - begin).toBeLessThan(5000);
    expect(antwoord?.status()).toBe(503);
    expect(antwoord?.headers()["retry-after"]).toBeTruthy();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zorgveiling is even niet bereikbaar");

    pg = await startEmbeddedPostgres(map, "zorgveiling", true, poort);
    // The 503 page refreshes itself; the same process answers again.
    await expect(
      page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Nieuwe hulpvraag" }),
    ).toBeVisible({ timeout: 20_000 });
    await liveVerbonden(page);
    expect(server.proces.exitCode).toBeNull();
    await page.goto("about:blank"); // before the server stops under it
  } finally {
    // The 503 while the database was away is logged by Chromium as a failed resource: that is this test's point.
    fouten.splice(0, fouten.length, ...fouten.filter((f) => !/status of 503/.test(f)));
    await server.stop();
    await pg.stop().catch(() => {});
    await rm(map, { recursive: true, force: true });
  }
});
