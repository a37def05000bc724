import type { Browser, Page } from "@playwright/test";
import { test, expect, eigenBrowser, liveVerbonden } from "./fixtures";
import { CONSULENT, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { THUISZORG, WELZIJN, ZONDER_CONTRACT } from "../support/demo";
import type { TestServer } from "../support/server";

/** One signed-in browser per person, as in real life: separate cookies, separate sockets. */
const persoon = async (browser: Browser, email: string, fouten: string[]): Promise<Page> =>
  (await eigenBrowser(browser, fouten, email)).page;

async function concept(server: TestServer, over: Record<string, unknown>) {
  const r = await server.api("POST", "/api/v1/requests", {
    token: await server.token(CONSULENT),
    body: hulpvraagInvoer(await maakClient(server), over),
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as string;
}

test("de consulent publiceert in de browser; de gecontracteerde aanbieder ziet het live, de niet-gecontracteerde nooit", async ({
  browser,
  server,
  fouten,
}) => {
  const regio = `Meddo ${Date.now() % 1000}`;
  const id = await concept(server, { regio });
  const consulent = await persoon(browser, CONSULENT, fouten);
  const aanbieder = await persoon(browser, THUISZORG, fouten);
  const zonder = await persoon(browser, ZONDER_CONTRACT, fouten);
  await Promise.all([liveVerbonden(aanbieder), liveVerbonden(zonder)]);
  await expect(aanbieder.getByTestId(`hulpvraag-${id}`)).toHaveCount(0);

  await consulent.goto(`/consulent/hulpvragen/${id}`);
  await consulent.getByRole("button", { name: "Publiceren" }).click();
  await expect(consulent.getByTestId("status")).toHaveText("Open voor aanbiedingen");

  const kaart = aanbieder.getByTestId(`hulpvraag-${id}`);
  await expect(kaart).toBeVisible({ timeout: 1500 });
  await expect(kaart).toContainText(`Hulpvraag in ${regio}`);
  await expect(kaart).not.toContainText("Wolters"); // the client's name stays in the protected record

  await zonder.waitForTimeout(500);
  await expect(zonder.getByTestId(`hulpvraag-${id}`)).toHaveCount(0);
  const direct = await zonder.goto(`/aanbieder/hulpvragen/${id}`);
  expect(direct?.status()).toBe(404);

  await consulent.getByText("Hulpvraag intrekken…").click();
  await consulent.getByLabel("Reden van intrekken").fill("De cliënt regelt het zelf.");
  await consulent.getByRole("button", { name: "Ja, trek de hulpvraag in" }).click();
  await expect(kaart).toHaveCount(0, { timeout: 1500 });
});

async function bied(page: Page, id: string, o: { categorie: string; resultaat: string; prijs: string; cao: string }) {
  await page.goto(`/aanbieder/hulpvragen/${id}`);
  await liveVerbonden(page);
  const onderdeel = page.getByTestId("onderdeel-0");
  // The category's monthly code (outputgericht, one result a month): the price per eenheid is the monthly price.
  await onderdeel.getByLabel("Productcode").selectOption(`${o.categorie}W01`);
  await onderdeel
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill("Elke week komen wij op een vaste dag, samen met de cliënt.");
  await onderdeel.getByLabel(o.resultaat).check();
  await onderdeel.getByLabel("Omvang (aantal eenheden)").fill("1");
  await onderdeel.getByLabel("Prijs per eenheid in euro").fill(o.prijs);
  await page.getByLabel("Cao waaronder het personeel werkt").selectOption(o.cao);
  await page.getByLabel("Samenvatting voor de cliënt").fill("Elke week komt dezelfde vaste hulp bij u thuis.");
  await page.getByRole("button", { name: "Aanbieding indienen" }).click();
  await expect(page.getByText("Uw aanbieding is ingediend.")).toBeVisible();
}

test("twee aanbieders bieden in hun eigen browser; de consulent ziet beide live naast elkaar, concurrenten zien elkaar nooit", async ({
  browser,
  server,
  fouten,
}) => {
  const id = await concept(server, {
    productcategorieen: ["01", "02"],
    resultaten: [
      { code: "schoon_huis", toelichting: "" },
      { code: "regie_financien", toelichting: "" },
    ],
  });
  const publiceer = await server.api("POST", `/api/v1/requests/${id}/publish`, {
    token: await server.token(CONSULENT),
  });
  expect(publiceer.status).toBe(200);

  const consulent = await persoon(browser, CONSULENT, fouten);
  const thuiszorg = await persoon(browser, THUISZORG, fouten);
  const welzijn = await persoon(browser, WELZIJN, fouten);
  await consulent.goto(`/consulent/hulpvragen/${id}`);
  await liveVerbonden(consulent);
  await consulent.evaluate(() => {
    (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
  });
  const vergelijking = consulent.getByTestId("vergelijking");

  await bied(thuiszorg, id, { categorie: "01", resultaat: "Schoon en leefbaar huis", prijs: "450", cao: "vvt" });
  await expect(vergelijking).toContainText("Thuiszorg Achterhoek", { timeout: 1500 });
  await bied(welzijn, id, {
    categorie: "02",
    resultaat: "Regie over het eigen leven en de eigen financiën",
    prijs: "600",
    cao: "sociaal_werk",
  });
  await expect(vergelijking).toContainText("Welzijn Winterswijk", { timeout: 1500 });
  await expect(vergelijking).toContainText(/€\s450,00/);
  await expect(vergelijking).toContainText(/€\s600,00/);

  // A revision in the provider's browser changes the consulent's screen.
  await thuiszorg.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro").fill("480");
  await thuiszorg.getByRole("button", { name: "Aanbieding herzien" }).click();
  await expect(vergelijking).toContainText(/€\s480,00/, { timeout: 1500 });
  expect(await consulent.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);

  // Sealed: neither provider's pages mention the other or how many offers there are.
  for (const [page, ander] of [
    [thuiszorg, "Welzijn Winterswijk"],
    [welzijn, "Thuiszorg Achterhoek"],
  ] as const) {
    await page.reload();
    await expect(page.locator("main")).not.toContainText(ander);
    await expect(page.locator("main")).not.toContainText(/\d+ aanbiedingen/);
    await page.goto("/aanbieder/aanbiedingen");
    await expect(page.locator("main")).not.toContainText(ander);
  }
});
