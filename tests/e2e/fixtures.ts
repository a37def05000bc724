import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startServer, DEMO_WACHTWOORD, type TestServer } from "../support/server";

/** One real server (own database, demo data) per worker; any console error in a page fails the test. */
export const test = base.extend<{ fouten: string[] }, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => {
    // localhost, not 127.0.0.1: Chromium accepts Secure cookies on http://localhost.
    await use(server.url.replace("127.0.0.1", "localhost"));
  },
  fouten: [
    async ({ page }, use) => {
      const fouten: string[] = [];
      // A refused page (401/403/404/422) is logged by Chromium as a failed resource; that is the point of such tests.
      page.on("console", (m) => {
        if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) fouten.push(m.text());
      });
      page.on("pageerror", (e) => fouten.push(String(e)));
      await use(fouten);
      expect(fouten, "fouten in de browserconsole").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the form; `adres` for a server other than the worker's own. */
export async function inloggen(page: Page, email: string, adres = "") {
  await page.goto(`${adres}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_WACHTWOORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
}

export async function liveVerbonden(page: Page) {
  await expect(page.getByTestId("live-status")).toHaveText(/verbonden/);
}

/**
 * One party in its own browser context, as on another machine, signed in when `email` is given
 * (a client signs in with its code later). Script errors and console errors land in `fouten`,
 * the test's own list, so they fail the test like those of the default page.
 */
export async function eigenBrowser(
  browser: Browser,
  fouten: string[],
  email?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) fouten.push(`${email ?? "cliënt"}: ${m.text()}`);
  });
  page.on("pageerror", (e) => fouten.push(`${email ?? "cliënt"}: ${e}`));
  if (email) await inloggen(page, email);
  return { context, page };
}
