import { randomBytes } from "node:crypto";
import { test, expect, liveVerbonden } from "./fixtures";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";

const WACHTWOORD = "een-lang-wachtwoord-voor-de-test";

test("overal afmelden beëindigt ook de sessie in een andere browser, die live naar de inlogpagina gaat", async ({
  page,
  browser,
  baseURL,
  server,
}) => {
  // A user of its own: signing out everywhere must not end sessions other tests of this worker use.
  const email = `uitloggen-${randomBytes(4).toString("hex")}@winterswijk.demo`;
  const aangemaakt = await server.api("POST", "/api/v1/users", {
    token: await server.token("beheerder@winterswijk.demo"),
    body: { email, naam: "Tessa Tester", rol: "consulent", password: WACHTWOORD },
  });
  expect(aangemaakt.status, aangemaakt.text).toBe(201);

  const elders = await browser.newContext({ baseURL });
  const anderePagina = await elders.newPage();
  for (const p of [page, anderePagina]) {
    await p.goto("/inloggen");
    await p.getByLabel("E-mailadres").fill(email);
    await p.getByLabel("Wachtwoord").fill(WACHTWOORD);
    await p.getByRole("button", { name: "Inloggen" }).click();
    await expect(p).toHaveURL(/\/consulent$/);
    await liveVerbonden(p);
  }

  await zonderToegankelijkheidsfouten(page, ["/uitloggen"]);
  await page.goto("/consulent");
  await page.getByRole("link", { name: "Overal afmelden…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uitloggen");
  await page.getByRole("button", { name: "Overal afmelden" }).click();
  await expect(page).toHaveURL(/\/inloggen\?afgemeld=overal$/);
  await expect(page.getByRole("status").filter({ hasText: "U bent overal afgemeld" })).toBeVisible();

  // The other browser is told why it is on the sign-in page.
  await expect(anderePagina).toHaveURL(/\/inloggen\?afgemeld=elders$/);
  await expect(anderePagina.getByRole("status").filter({ hasText: "U bent afgemeld" })).toContainText(
    "vanuit een andere browser",
  );
  await anderePagina.goto("/consulent");
  await expect(anderePagina).toHaveURL(/\/inloggen\?terug=%2Fconsulent/);
  await elders.close();
});

test("na te veel foute wachtwoorden noemt de inlogpagina de wachttijd", async ({ page }) => {
  // An address of its own, so the wait does not hold up other sign-ins of this worker.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.77" });
  await page.goto("/inloggen");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("E-mailadres").fill("niemand@voorbeeld.nl");
    await page.getByLabel("Wachtwoord").fill(`fout-${i}`);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    // The button reads "Inloggen" again once the answer is in.
    await expect(page.getByRole("button", { name: "Inloggen", exact: true })).toBeEnabled();
    await expect(page.getByRole("alert")).toBeVisible();
  }
  await expect(page.getByRole("alert")).toContainText("Even wachten: te veel mislukte pogingen");
  await expect(page.getByRole("alert")).toContainText(/Probeer het over \d+ (seconden|minuten) opnieuw\./);
});
