import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import type { Page } from "@playwright/test";
import { nieuweDatabase } from "../support/database";
import { startServer, type TestServer } from "../support/server";
import { CONSULENT, gepubliceerdeHulpvraag, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { THUISZORG, WELZIJN, aanbod } from "../support/ronde";
import { CODE, tariefVan } from "../support/demo";

/**
 * The consulent's browser is connected to process A. A dies; meanwhile offers arrive and change
 * through process B on the same database. A comes back on the same address: the browser
 * reconnects by itself, catches up on what it missed, and shows what a fresh page load shows.
 */
/** The page caught up without a reload, and shows what a fresh load of the same page shows. */
async function zelfdeAlsVersGeladen(page: Page, adres: string) {
  const vergelijking = page.getByTestId("vergelijking");
  await expect(vergelijking).toContainText(/€\s477,00/);
  expect(await page.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);
  const vers = await page.context().newPage();
  await vers.goto(adres);
  expect(await vergelijking.innerText()).toBe(await vers.getByTestId("vergelijking").innerText());
  await vers.close();
}

test("na een herstart haalt de browser gemiste gebeurtenissen in, zonder herladen, en ziet hetzelfde als na opnieuw laden", async ({
  page,
  fouten,
}) => {
  test.setTimeout(90_000);
  const databaseUrl = await nieuweDatabase();
  let a: TestServer = await startServer({ databaseUrl });
  const b = await startServer({ databaseUrl });
  try {
    const adres = a.url.replace("127.0.0.1", "localhost");
    const id = await gepubliceerdeHulpvraag(a, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "" },
        { code: "regie_financien", toelichting: "" },
      ],
    });
    const eerste = await a.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await a.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    expect(eerste.status).toBe(201);

    await inloggen(page, CONSULENT, adres);
    await page.goto(`${adres}/consulent/hulpvragen/${id}`);
    await liveVerbonden(page);
    const vergelijking = page.getByTestId("vergelijking");
    await expect(vergelijking).toContainText("Thuiszorg Achterhoek");
    await page.evaluate(() => {
      (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
    });

    await a.stop("SIGKILL");
    await expect(page.getByTestId("live-status")).toHaveText(/verbroken/);

    // While the browser's process is down, the market moves on through the other process.
    const tweede = await b.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await b.token(WELZIJN),
      body: aanbod(
        "ab_welzijn_winterswijk",
        "02",
        {},
        { prijsPerEenheidCent: tariefVan(CODE.begeleidingMaand) + 2000 },
      ),
    });
    expect(tweede.status).toBe(201);
    const herzien = await b.api("PUT", `/api/v1/offers/${eerste.body.id}`, {
      token: await b.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01", {}, { prijsPerEenheidCent: 47_700 }),
    });
    expect(herzien.status).toBe(200);
    await expect(vergelijking).not.toContainText("Welzijn Winterswijk");

    a = await startServer({ databaseUrl, env: { PORT: new URL(a.url).port } });
    await liveVerbonden(page);
    await expect(vergelijking).toContainText("Welzijn Winterswijk", { timeout: 5000 });
    await zelfdeAlsVersGeladen(page, `${adres}/consulent/hulpvragen/${id}`);
  } finally {
    // While process A was down the browser's reconnect attempts were refused: that is this test's point.
    fouten.splice(0, fouten.length, ...fouten.filter((f) => !/ERR_CONNECTION_REFUSED/.test(f)));
    await a.stop();
    await b.stop();
  }
});

/**
 * The network drops under a connected browser (the process stays up). Meanwhile more happens in
 * the gemeente's feed than one catch-up page holds (other requests being edited), and the offers
 * on this request change through the other process. Back online, the browser pages through
 * everything it missed, in order, and shows what a fresh page load shows, without reloading.
 */
test("na een netwerkonderbreking haalt de browser alles in, ook meer dan één pagina gebeurtenissen", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const databaseUrl = await nieuweDatabase();
  const a = await startServer({ databaseUrl });
  const b = await startServer({ databaseUrl });
  try {
    const adres = a.url.replace("127.0.0.1", "localhost");
    const id = await gepubliceerdeHulpvraag(a, {
      productcategorieen: ["01", "02"],
      resultaten: [
        { code: "schoon_huis", toelichting: "" },
        { code: "regie_financien", toelichting: "" },
      ],
    });
    const eerste = await a.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await a.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01"),
    });
    expect(eerste.status).toBe(201);
    // Concept requests of the same gemeente, to be edited while the browser is offline.
    const consulent = await b.token(CONSULENT);
    const concepten = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const r = await b.api("POST", "/api/v1/requests", {
          token: consulent,
          body: hulpvraagInvoer(await maakClient(b)),
        });
        expect(r.status).toBe(201);
        return r.body.id as string;
      }),
    );

    await inloggen(page, CONSULENT, adres);
    await page.goto(`${adres}/consulent/hulpvragen/${id}`);
    await liveVerbonden(page);
    const vergelijking = page.getByTestId("vergelijking");
    await expect(vergelijking).toContainText("Thuiszorg Achterhoek");
    await page.evaluate(() => {
      (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
    });

    await page.evaluate(() => {
      const s = (
        window as unknown as {
          __zorgveilingSocket: { io: { reconnection: (v: boolean) => void; engine: { close: () => void } } };
        }
      ).__zorgveilingSocket;
      s.io.reconnection(false);
      s.io.engine.close();
    });
    await expect(page.getByTestId("live-status")).toHaveText(/verbroken/);

    // More than one catch-up page (500) of other events first, then the changes this screen shows.
    await Promise.all(
      concepten.map(async (concept, i) => {
        for (let n = 0; n < 66; n++) {
          const r = await b.api("PATCH", `/api/v1/requests/${concept}`, {
            token: consulent,
            body: { toelichting: `Woont zelfstandig, wijziging ${i}-${n}.` },
          });
          expect(r.status).toBe(200);
        }
      }),
    );
    const tweede = await b.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await b.token(WELZIJN),
      body: aanbod(
        "ab_welzijn_winterswijk",
        "02",
        {},
        { prijsPerEenheidCent: tariefVan(CODE.begeleidingMaand) + 2000 },
      ),
    });
    expect(tweede.status).toBe(201);
    const herzien = await b.api("PUT", `/api/v1/offers/${eerste.body.id}`, {
      token: await b.token(THUISZORG),
      body: aanbod("ab_thuiszorg_achterhoek", "01", {}, { prijsPerEenheidCent: 47_700 }),
    });
    expect(herzien.status).toBe(200);
    await expect(vergelijking).not.toContainText("Welzijn Winterswijk");

    await page.evaluate(() => {
      const s = (
        window as unknown as {
          __zorgveilingSocket: { io: { reconnection: (v: boolean) => void }; connect: () => void };
        }
      ).__zorgveilingSocket;
      s.io.reconnection(true);
      s.connect();
    });
    await liveVerbonden(page);
    await expect(vergelijking).toContainText("Welzijn Winterswijk", { timeout: 10_000 });
    await zelfdeAlsVersGeladen(page, `${adres}/consulent/hulpvragen/${id}`);
  } finally {
    await a.stop();
    await b.stop();
  }
});
