import { test, expect, inloggen } from "./fixtures";
import { BEHEERDER } from "../support/demo";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";

/** A date `maanden` months (and `dagen` days) from today, as a date input takes it. */
function over(maanden: number, dagen = 0): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + maanden);
  d.setUTCDate(d.getUTCDate() + dagen);
  return d.toISOString().slice(0, 10);
}

test("een te kort contract wordt geweigerd met de reden bij de einddatum, een geldig contract wordt geregistreerd", async ({
  page,
}) => {
  await inloggen(page, BEHEERDER);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Contracten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contracten");

  await page.getByLabel("Aanbieder", { exact: true }).selectOption({ label: "Zorgbureau Nieuw" });
  await page.getByLabel("01 Hulp bij het huishouden").check();
  await page.getByLabel("01W02 Hulp bij het huishouden per uur").check();
  await page.getByLabel("Startdatum").fill(over(6));
  await page.getByLabel("Einddatum").fill(over(18, -1));
  await page.getByLabel("Gegund op").fill(over(0));
  await page.getByRole("button", { name: "Contract registreren" }).click();

  await expect(page.getByRole("alert")).toContainText("korter dan de minimale looptijd");
  // The field's Dutch date hint first, then the refusal.
  await expect(page.getByLabel("Einddatum")).toHaveAccessibleDescription(
    /^Dag, maand en jaar, bijvoorbeeld 1 januari 2027\..* Een contract loopt minstens 36 maanden\.$/,
  );
  await expect(page.getByRole("table", { name: "Raamovereenkomsten van uw gemeente" })).not.toContainText(
    "Zorgbureau Nieuw",
  );

  await page.getByLabel("Einddatum").fill(over(54, -1));
  await page.getByRole("button", { name: "Contract registreren" }).click();
  await expect(page.getByText("Het contract is geregistreerd.")).toBeVisible();
  const rij = page.getByRole("row", { name: /Zorgbureau Nieuw/ });
  await expect(rij).toContainText("01 Hulp bij het huishouden");
  await expect(rij).toContainText("01W02");
  await expect(rij).toContainText("Nog niet begonnen");
});

test("een contract dat te kort voor de start is gegund wordt geweigerd bij de gunningsdatum", async ({ page }) => {
  await inloggen(page, BEHEERDER);
  await page.goto("/beheer/contracten");
  await page.getByLabel("Aanbieder", { exact: true }).selectOption({ label: "Welzijn Winterswijk" });
  await page.getByLabel("07 Dagbesteding").check();
  await page.getByLabel("Startdatum").fill(over(1));
  await page.getByLabel("Einddatum").fill(over(49, -1));
  await page.getByLabel("Gegund op").fill(over(0));
  await page.getByRole("button", { name: "Contract registreren" }).click();
  await expect(page.getByRole("alert")).toContainText("te kort voor de startdatum gegund");
  await expect(page.getByLabel("Gegund op")).toHaveAccessibleDescription(
    /Gun een contract minstens 3 maanden voor de start\.$/,
  );
});

test("de beheerder stelt een nieuw tarief per eenheid vast; het oude blijft in de historie", async ({ page }) => {
  await inloggen(page, BEHEERDER);
  await page.goto("/beheer/productcodes");
  await page.getByLabel("Productcode").fill("07W02");
  await page.getByLabel("Reëel tarief per eenheid in euro").fill("512,50");
  await page.getByLabel("Geldig vanaf").fill(over(2));
  await page.getByLabel("Reden").fill("Cao-stijging volgend jaar.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Productcode 07W02 is bijgewerkt.")).toBeVisible();

  const rij = page.getByRole("row", { name: /07W02/ });
  // Today the old tariff still applies; the new one waits for its date.
  await expect(rij).toContainText(/€\s480,00 per stuk/);
  const historie = page.getByTestId("historie-07W02").getByRole("listitem");
  await expect(historie).toHaveCount(2);
  await expect(historie.first()).toContainText(/€\s512,50.*Cao-stijging volgend jaar\./);
  await expect(historie.last()).toContainText(/€\s480,00/);
});

test("de beheerder zet een code op de lijst; een eenheid die niet bij de variant past wordt geweigerd", async ({
  page,
}) => {
  await inloggen(page, BEHEERDER);
  await page.goto("/beheer/productcodes");
  const vul = async (eenheid: string) => {
    await page.getByLabel("Productcode").fill("09W07");
    await page.getByLabel("Productcategorie").selectOption("09");
    await page.getByLabel("Omschrijving").fill("Maaltijd samen in de buurt, per dagdeel");
    await page.getByLabel("Uitvoeringsvariant").selectOption("outputgericht");
    await page.getByLabel("Eenheid (WJ756)").selectOption(eenheid);
    await page.getByLabel("Frequentie (WMO757)").selectOption("4");
    await page.getByLabel("Reëel tarief per eenheid in euro").fill("26,00");
    await page.getByLabel("Geldig vanaf").fill(over(0));
    await page.getByLabel("Reden").fill("Nieuw product na de evaluatie.");
    await page.getByRole("button", { name: "Opslaan" }).click();
  };
  await vul("16");
  await expect(page.getByRole("alert")).toContainText("De productcode is niet bijgewerkt");
  await expect(page.getByLabel("Eenheid (WJ756)")).toHaveAccessibleDescription(/outputgericht.*eenheid 82/);
  await vul("82");
  await expect(page.getByText("Productcode 09W07 is bijgewerkt.")).toBeVisible();
  await expect(page.getByRole("row", { name: /09W07/ })).toContainText(/€\s26,00 per stuk/);
});

test("de beheerder wijzigt het regelboek en ziet de nieuwe waarden terug", async ({ page, server }) => {
  // Aalten, and put back afterwards: the other specs share this server and read Winterswijk's rules.
  const token = await server.token("beheerder@aalten.demo");
  const voor = (await server.api("GET", "/api/v1/rulebook", { token })).body;
  try {
    await inloggen(page, "beheerder@aalten.demo");
    await page.goto("/beheer/regelboek");
    await page.getByLabel("Reactietermijn bij spoed (uren)").fill("72");
    await page.getByLabel("Aanbieders mogen zelfstandigen zonder personeel inzetten").check();
    await page.getByLabel("Prijs van een gunning openbaar voor andere aanbieders na (dagen)").fill("30");
    await page.getByRole("button", { name: "Regelboek opslaan" }).click();
    await expect(page.getByText("Het regelboek is gewijzigd.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Reactietermijn bij spoed (uren)")).toHaveValue("72");
    await expect(page.getByLabel("Aanbieders mogen zelfstandigen zonder personeel inzetten")).toBeChecked();
    await expect(page.getByLabel("Prijs van een gunning openbaar voor andere aanbieders na (dagen)")).toHaveValue("30");
    expect((await server.api("GET", "/api/v1/rulebook", { token })).body.ocdsPrijsVertragingDagen).toBe(30);

    await page.getByLabel("Minimale looptijd van een contract (maanden)").fill("0");
    await page.getByRole("button", { name: "Regelboek opslaan" }).click();
    await expect(page.getByRole("alert")).toContainText("Niet alle velden zijn goed ingevuld.");
    await expect(page.getByLabel("Minimale looptijd van een contract (maanden)")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  } finally {
    const { gemeenteId: _g, updatedAt: _u, ...regels } = voor;
    await server.api("POST", "/api/v1/rulebook", { token, body: regels });
  }
});

test("een toezichthouder kan niet ook beheerder worden (role_conflict bij de rol)", async ({ page }) => {
  await inloggen(page, BEHEERDER);
  await page.goto("/beheer/gebruikers");
  await page.getByLabel("Naam", { exact: true }).fill("Tineke Toezicht");
  await page.getByLabel("E-mailadres").fill("toezicht@winterswijk.demo");
  await page.getByLabel("Rol").selectOption("beheerder");
  await page.getByLabel("Eerste wachtwoord").fill("een-lang-wachtwoord");
  await page.getByRole("button", { name: "Gebruiker toevoegen" }).click();
  await expect(page.getByRole("alert")).toContainText("mag niet ook beheerder");
  await expect(page.getByLabel("Rol")).toHaveAccessibleDescription(
    "Deze persoon is al toezichthouder van deze gemeente.",
  );
});

test("een consulent krijgt de beheerpagina's niet", async ({ page }) => {
  await inloggen(page, "consulent@winterswijk.demo");
  for (const pad of ["/beheer", "/beheer/contracten", "/beheer/regelboek"]) {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
});

test("de beheerpagina's voldoen aan WCAG 2.2 AA voor zover axe dat kan toetsen", async ({ page }) => {
  await inloggen(page, BEHEERDER);
  await zonderToegankelijkheidsfouten(page, [
    "/beheer",
    "/beheer/aanbieders",
    "/beheer/contracten",
    "/beheer/tarieven",
    "/beheer/regelboek",
    "/beheer/gebruikers",
  ]);
});
