import { test, expect, inloggen } from "./fixtures";
import { ditSchermZonderToegankelijkheidsfouten, zonderToegankelijkheidsfouten } from "./toegankelijk";

/** Rule 4 from the aanbieder's side: its beheerder enters the personeelsbestand and sees the cap follow it. */
const BEHEER_WELZIJN = "beheer@welzijn-winterswijk.demo";
const PLANNER_WELZIJN = "planning@welzijn-winterswijk.demo";

test("de beheerder van een aanbieder legt het personeelsbestand vast en ziet het plafond meebewegen", async ({
  page,
}) => {
  const jaar = new Date().getFullYear();
  await inloggen(page, BEHEER_WELZIJN);
  await page.getByRole("link", { name: "Personeel", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Personeel en personeelsplafond");
  // The demo's 40 staff: 10 % may leave without a job offer this year.
  const winterswijk = page.getByTestId("kap-winterswijk");
  await expect(winterswijk).toContainText("40 medewerkers");
  await expect(winterswijk.getByRole("cell").nth(3)).toHaveText("4");

  // A refusal names the field, in Dutch, and changes nothing.
  await page.getByLabel("Aantal medewerkers").fill("0");
  await page.getByLabel("Fte").fill("21,5");
  await page.getByRole("button", { name: "Personeelsbestand vastleggen" }).click();
  await expect(page.getByText("Het personeelsbestand is niet vastgelegd")).toBeVisible();
  await expect(page.getByText("Het aantal medewerkers is minstens 1.").first()).toBeVisible();
  await ditSchermZonderToegankelijkheidsfouten(page);
  await expect(winterswijk).toContainText("40 medewerkers");

  await page.getByRole("spinbutton", { name: "Jaar" }).fill(String(jaar));
  await page.getByLabel("Aantal medewerkers").fill("30");
  await page.getByLabel("Fte").fill("21,5");
  await page.getByRole("button", { name: "Personeelsbestand vastleggen" }).click();
  await expect(page.getByText(`Het personeelsbestand van ${jaar} is vastgelegd.`)).toBeVisible();
  await expect(winterswijk).toContainText("30 medewerkers");
  await expect(winterswijk.getByRole("cell").nth(3)).toHaveText("3");
  await expect(page.getByTestId("personeelsbestand")).toContainText("21,5");

  // The planner of the same organisation reads the cap, and cannot change the personeelsbestand.
  await page.context().clearCookies();
  await inloggen(page, PLANNER_WELZIJN);
  await page.getByRole("link", { name: "Personeelsplafond" }).click();
  await expect(page.getByTestId("kap-winterswijk")).toContainText("30 medewerkers");
  await expect(page.getByRole("button", { name: "Personeelsbestand vastleggen" })).toHaveCount(0);
  await zonderToegankelijkheidsfouten(page, ["/organisatie/personeel"]);
});

test("de beheerder van de gemeente legt een collectieve overname vast; beide aanbieders en toezicht zien haar", async ({
  page,
}) => {
  await inloggen(page, "beheerder@winterswijk.demo");
  await page.getByRole("link", { name: "Personeel", exact: true }).click();
  await expect(page.getByTestId("kap-ab_thuiszorg_achterhoek")).toBeVisible();
  // Incomplete first: each field named, nothing stored.
  await page.getByRole("button", { name: "Collectieve overname vastleggen" }).click();
  await expect(page.getByText("Niet vastgelegd")).toBeVisible();
  await ditSchermZonderToegankelijkheidsfouten(page);

  await page.getByLabel("Van aanbieder").selectOption({ label: "Welzijn Winterswijk" });
  await page.getByLabel("Naar aanbieder").selectOption({ label: "Begeleiding Oost" });
  await page.getByLabel("Aantal medewerkers").fill("7");
  await page.getByLabel("Per datum").fill("2027-07-01");
  await page
    .getByLabel("Afspraken")
    .fill("Behoud van cao, dienstjaren en salarisschaal; vaste cliënten blijven bij hun begeleider.");
  await page.getByRole("button", { name: "Collectieve overname vastleggen" }).click();
  await expect(page.getByText("De collectieve personeelsovername is vastgelegd.")).toBeVisible();
  await expect(page.getByTestId("collectieve-overnames")).toContainText("Welzijn Winterswijk");

  for (const email of ["beheer@welzijn-winterswijk.demo", "planning@begeleiding-oost.demo"]) {
    await page.context().clearCookies();
    await inloggen(page, email);
    await page.goto("/organisatie/personeel");
    await expect(page.getByRole("table", { name: /Collectieve personeelsovernames/ })).toContainText("1 juli 2027");
  }
  await page.context().clearCookies();
  await inloggen(page, "planning@thuiszorg-achterhoek.demo");
  await page.goto("/organisatie/personeel");
  await expect(page.getByText("Uw organisatie is bij geen collectieve personeelsovername betrokken.")).toBeVisible();

  await page.context().clearCookies();
  await inloggen(page, "toezicht@winterswijk.demo");
  await page.getByRole("link", { name: "Personeel", exact: true }).click();
  await expect(page.getByTestId("collectieve-overnames")).toContainText("Begeleiding Oost");
  await zonderToegankelijkheidsfouten(page, ["/toezicht/personeel"]);
});
