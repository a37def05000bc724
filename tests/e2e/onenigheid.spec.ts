import type { Page } from "@playwright/test";
import { test, expect, eigenBrowser, liveVerbonden } from "./fixtures";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { COLLEGA, CONSULENT } from "../support/demo";
import { BEGELEIDING, THUISZORG, aanbod, rondeInBeoordeling } from "../support/ronde";

const MOTIVATIE = "Zonder hulp bij de post lopen de rekeningen op. Dit aanbod helpt daar het snelst bij.";

/** Marks the page; `nietHerladen` proves later that what changed came in live. */
const markeer = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
  });
const nietHerladen = async (page: Page) =>
  expect(await page.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);

test("onenigheid: de cliënt kiest geen van deze, de consulent kiest anders, een collega bevestigt, de cliënt hoort live wat, waarom en hoe bezwaar", async ({
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  const fouten: string[] = [];
  const { id } = await rondeInBeoordeling(server, [
    { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
  ]);
  const [consulent, collega, client] = await Promise.all([
    eigenBrowser(browser, fouten, CONSULENT),
    eigenBrowser(browser, fouten, COLLEGA),
    eigenBrowser(browser, fouten),
  ]);
  const c = consulent.page;
  const k = client.page;

  // 1. The client opens the invite and says none of these suit her.
  const u = await server.api("POST", `/api/v1/requests/${id}/invites`, {
    token: await server.token(CONSULENT),
    body: {},
  });
  await k.goto("/uitnodiging");
  await k.getByLabel("Uw code").fill(u.body.code);
  await k.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(k).toHaveURL(/\/client/);
  await k.getByRole("radio", { name: "Geen van deze aanbiedingen" }).check();
  await k.getByRole("button", { name: "Bewaar mijn voorkeur" }).click();
  await expect(k.getByText(/Uw voorkeur is bewaard: geen van deze aanbiedingen/)).toBeVisible();
  await liveVerbonden(k);
  await markeer(k);

  // 2. The consulent chooses Begeleiding Oost with a motivation; the page says a colleague must confirm, and offers no award.
  await c.goto(`/consulent/hulpvragen/${id}`);
  await expect(c.getByTestId("voorkeur-client")).toContainText("De cliënt kiest: Geen van deze aanbiedingen");
  await c.getByRole("radio", { name: /^Begeleiding Oost/ }).check();
  await c.getByLabel("Motivatie", { exact: true }).fill(MOTIVATIE);
  await c.getByRole("button", { name: "Keuze vastleggen" }).click();
  await expect(c.getByText("Uw keuze is vastgelegd.")).toBeVisible();
  const vierOgen = c.getByTestId("vier-ogen");
  await expect(vierOgen).toContainText("moet een collega-consulent van de gemeente uw motivatie lezen en bevestigen");
  await expect(vierOgen.getByRole("button")).toHaveCount(0);
  await expect(c.getByTestId("gunnen-kan-niet")).toHaveText(
    "Gunnen kan zodra een collega-consulent uw motivatie heeft bevestigd.",
  );
  await expect(c.getByRole("button", { name: "Ja, gun dit aanbod" })).toHaveCount(0);
  await expect(c.getByTestId("status")).toHaveText("In beoordeling");
  await liveVerbonden(c);
  await markeer(c);
  // Nothing is told to the client before the second look.
  await expect(k.getByTestId("andere-keuze")).toHaveCount(0);

  // 3. A colleague reads the motivation and confirms it.
  const p = collega.page;
  await p.goto(`/consulent/hulpvragen/${id}`);
  await expect(p.getByTestId("vier-ogen")).toContainText(MOTIVATIE);
  await p.getByRole("button", { name: "Ik bevestig deze motivatie" }).click();
  await expect(p.getByText("U heeft de motivatie bevestigd.")).toBeVisible();

  // 4. Both the consulent and the client hear it without reloading.
  await expect(c.getByTestId("aankondiging")).toHaveText(
    "Een collega heeft de motivatie bevestigd. Er kan nu gegund worden.",
  );
  await expect(c.getByTestId("status")).toHaveText("Keuze gemaakt");
  await nietHerladen(c);
  const uitleg = k.getByTestId("andere-keuze");
  await expect(uitleg).toContainText("De gemeente kiest iets anders dan u");
  await expect(uitleg).toContainText(
    "U koos: geen van deze aanbiedingen. De gemeente kiest: Aanbod 2: Begeleiding Oost.",
  );
  await expect(uitleg).toContainText(MOTIVATIE);
  await expect(uitleg).toContainText("Een tweede medewerker van de gemeente heeft dit gelezen en goedgekeurd");
  await expect(uitleg).toContainText("Dan mag u bezwaar maken.");
  await expect(uitleg).toContainText("Binnen zes weken");
  await expect(k.getByTestId("aankondiging")).toHaveText(
    "De gemeente heeft een keuze gemaakt. Hieronder leest u wat er gekozen is en waarom.",
  );
  await nietHerladen(k);

  // 5. Now the award; the client is told, live, and the explanation stays.
  await c.getByText("Gunnen…").click();
  await c.getByRole("button", { name: "Ja, gun dit aanbod" }).click();
  await expect(c.getByTestId("status")).toHaveText("Gegund");
  await expect(k.getByTestId("uitkomst")).toContainText("De gemeente heeft gekozen voor Aanbod 2: Begeleiding Oost.");
  await expect(uitleg).toContainText("Dan mag u bezwaar maken.");
  await nietHerladen(k);

  await zonderToegankelijkheidsfouten(k, ["/client"]);
  await zonderToegankelijkheidsfouten(c, [`/consulent/hulpvragen/${id}`]);
  for (const d of [consulent, collega, client]) await d.context.close();
  expect(fouten).toEqual([]);
});
