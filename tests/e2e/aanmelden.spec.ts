import { test, expect, inloggen, liveVerbonden } from "./fixtures";

const ROLLEN = [
  { email: "consulent@winterswijk.demo", start: "/consulent", wie: /Wmo-consulent bij Gemeente Winterswijk/ },
  { email: "consulent@aalten.demo", start: "/consulent", wie: /Wmo-consulent bij Gemeente Aalten/ },
  { email: "beheerder@winterswijk.demo", start: "/beheer", wie: /Beheerder bij Gemeente Winterswijk/ },
  { email: "toezicht@winterswijk.demo", start: "/toezicht", wie: /Toezichthouder bij Gemeente Winterswijk/ },
  { email: "planning@thuiszorg-achterhoek.demo", start: "/aanbieder", wie: /Aanbieder bij Thuiszorg Achterhoek/ },
];

for (const rol of ROLLEN) {
  test(`${rol.email} komt na inloggen op de eigen startpagina, live verbonden`, async ({ page }) => {
    await inloggen(page, rol.email);
    await expect(page).toHaveURL(new RegExp(`${rol.start}$`));
    await expect(page.getByTestId("wie")).toHaveText(rol.wie);
    await liveVerbonden(page);
  });
}

test("een verkeerd wachtwoord geeft een duidelijke melding en geen sessie", async ({ page }) => {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill("consulent@winterswijk.demo");
  await page.getByLabel("Wachtwoord").fill("fout-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("alert")).toContainText("Het e-mailadres of het wachtwoord klopt niet.");
  await page.goto("/consulent");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fconsulent/);
});

test("een aanbieder krijgt de pagina's van de consulent en de beheerder niet te zien", async ({ page }) => {
  await inloggen(page, "planning@begeleiding-oost.demo");
  for (const pad of ["/consulent", "/beheer", "/toezicht"]) {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
});

test("uitloggen beëindigt de sessie en de live verbinding", async ({ page }) => {
  await inloggen(page, "beheerder@winterswijk.demo");
  await liveVerbonden(page);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen$/);
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
});

test("de pagina heeft een skiplink naar de inhoud en landmarks", async ({ page }) => {
  await page.goto("/inloggen");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Naar de inhoud" });
  await expect(skip).toBeFocused();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
});
