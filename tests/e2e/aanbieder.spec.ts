import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import { gepubliceerdeHulpvraag } from "../support/fabriek";
import { THUISZORG, ZONDER_CONTRACT } from "../support/demo";
import type { Page } from "@playwright/test";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";

test("een gepubliceerde hulpvraag verschijnt live bij een gecontracteerde aanbieder, nooit bij een aanbieder zonder contract", async ({
  page,
  browser,
  server,
}) => {
  await inloggen(page, THUISZORG);
  await liveVerbonden(page);
  const anderContext = await browser.newContext();
  const ander = await anderContext.newPage();
  await inloggen(ander, ZONDER_CONTRACT);
  await liveVerbonden(ander);

  const id = await gepubliceerdeHulpvraag(server, { regio: "Woold", urgentie: "spoed" });

  const kaart = page.getByTestId(`hulpvraag-${id}`);
  await expect(kaart).toBeVisible({ timeout: 2_000 });
  await expect(kaart).toContainText("Hulpvraag in Woold");
  await expect(kaart).toContainText("Spoed");
  await expect(kaart).toContainText(/nog \d+ (dag|dagen|uur)/);
  await expect(kaart).toContainText("Nog niet ingediend");

  await expect(ander.getByTestId(`hulpvraag-${id}`)).toHaveCount(0);
  await ander.reload();
  await expect(ander.getByRole("heading", { level: 1 })).toHaveText("Open hulpvragen");
  await expect(ander.getByTestId(`hulpvraag-${id}`)).toHaveCount(0);
  const direct = await ander.goto(`/aanbieder/hulpvragen/${id}`);
  expect(direct?.status()).toBe(404);

  // Withdrawn by the consulent: gone from the provider's screen without reload.
  const token = await server.token("consulent@winterswijk.demo");
  await server.api("POST", `/api/v1/requests/${id}/withdraw`, { token, body: { reden: "Cliënt is verhuisd." } });
  await expect(kaart).toHaveCount(0, { timeout: 2_000 });
  await anderContext.close();
});

test("een werkdag voor de deadline krijgt de aanbieder live een herinnering", async ({ page, server }) => {
  test.setTimeout(60_000);
  await inloggen(page, THUISZORG);
  await liveVerbonden(page);
  const deadline = new Date(Date.now() + 2 * 3600_000).toISOString();
  const id = await gepubliceerdeHulpvraag(server, { regio: "Ratum", deadline });

  const kaart = page.getByTestId(`hulpvraag-${id}`);
  await expect(kaart).toBeVisible({ timeout: 2_000 });
  await expect(kaart).toContainText("nog 1 uur en 59 minuten");
  // The server's reminder task runs every 30 seconds.
  await expect(page.getByTestId("herinneringen")).toContainText(
    "Nog één werkdag voor hulpvraag in Ratum (Winterswijk)",
    { timeout: 35_000 },
  );
  await expect(kaart).toContainText("sluit binnen één werkdag");
});

/** The first row: Winterswijk's hourly household code, 3 hours a week, at `prijs` euro an hour. */
async function vulOnderdeel(page: Page, prijs: string) {
  const onderdeel = page.getByTestId("onderdeel-0");
  await onderdeel.getByLabel("Productcode").selectOption("01W02");
  await onderdeel
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill("Wekelijks schoonmaken van keuken, badkamer en woonkamer, samen met de cliënt.");
  await onderdeel.getByLabel("Schoon en leefbaar huis").check();
  await onderdeel.getByLabel("Omvang (aantal eenheden)").fill("3");
  await onderdeel.getByLabel("Prijs per eenheid in euro").fill(prijs);
}

test("de aanbieder stelt een aanbieding samen, ziet de weigering bij de prijs, dient in, herziet en trekt in", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server, { regio: "Kotten" });
  await inloggen(page, THUISZORG);
  await page.getByRole("link", { name: "Hulpvraag in Kotten, Winterswijk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hulpvraag in Kotten");
  await liveVerbonden(page);

  await vulOnderdeel(page, "30");
  // Without JavaScript this is a plain submit; the entered values come back with one more row.
  await page.getByRole("button", { name: "Onderdeel toevoegen" }).click();
  await expect(page.getByTestId("onderdeel-1")).toBeVisible();
  await expect(page.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro")).toHaveValue("30");
  await page.getByLabel("Cao waaronder het personeel werkt").selectOption("hht");
  await page
    .getByLabel("Samenvatting voor de cliënt")
    .fill("Elke week komt dezelfde hulp drie uur schoonmaken. U doet zelf de afwas.");
  await page.getByRole("button", { name: "Aanbieding indienen" }).click();

  await expect(page.getByRole("alert")).toContainText("onder het reële tarief");
  const prijs = page.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro");
  await expect(prijs).toHaveAttribute("aria-invalid", "true");
  // The floor is the code's tariff per hour; the page shows it beside the form, the refusal names the same number.
  await expect(prijs).toHaveAccessibleDescription(/reële tarief voor productcode 01W02 is minimaal €\s33,50 per uur/);
  const opPagina = /minimaal (€\s[\d.,]+ per uur)/.exec(
    (await page.getByTestId("vloer-01W02").textContent()) ?? "",
  )?.[1];
  const weigering = page
    .getByTestId("onderdeel-0")
    .locator(".utrecht-form-field__error-message", { hasText: "reële tarief" });
  const inWeigering = /minimaal (€\s[\d.,]+ per uur)/.exec((await weigering.textContent()) ?? "")?.[1];
  expect(opPagina).toBeTruthy();
  expect(inWeigering).toBe(opPagina);
  // The empty second row is ignored, everything typed is still there.
  await expect(page.getByLabel("Samenvatting voor de cliënt")).toHaveValue(/dezelfde hulp/);

  // Enter in a field submits the offer; it never removes the second row.
  await prijs.fill("34,00");
  await prijs.press("Enter");
  await expect(page.getByText("Uw aanbieding is ingediend.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Aanbieding herzien" })).toBeVisible();
  await expect(page.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro")).toHaveValue("34,00");

  await page.getByRole("link", { name: "Mijn aanbiedingen" }).click();
  const rij = page.getByRole("row", { name: /Kotten, Winterswijk/ });
  await expect(rij).toContainText("Ingediend");
  // The monthly price is derived: 3 hours × € 34,00 × 52 ÷ 12.
  await expect(rij).toContainText(/€\s442,00/);

  await rij.getByRole("link").click();
  await page.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro").fill("36");
  await page.getByRole("button", { name: "Aanbieding herzien" }).click();
  await expect(page.getByText("Uw aanbieding is herzien.")).toBeVisible();
  const versies = page.getByRole("table", { name: "Alle ingediende versies van uw aanbieding" });
  await expect(versies.getByRole("row")).toHaveCount(3);
  await expect(versies).toContainText(/€\s468,00/);
  await expect(versies).toContainText(/€\s442,00/);

  await page.getByText("Aanbieding intrekken").click();
  await page.getByRole("button", { name: "Ja, trek mijn aanbieding in" }).click();
  await expect(page.getByText("Uw aanbieding is ingetrokken.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Opnieuw indienen" })).toBeVisible();

  const api = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(THUISZORG) });
  expect(api.body.items.map((a: { status: string; versie: number }) => [a.status, a.versie])).toEqual([
    ["ingetrokken", 2],
  ]);
  await page.getByRole("link", { name: "Mijn aanbiedingen" }).click();
  await expect(page.getByRole("row", { name: /Kotten, Winterswijk/ })).toContainText("Ingetrokken");
});

test("zonder JavaScript: een onderdeel toevoegen houdt de invoer vast en het aanbod wordt ingediend", async ({
  browser,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server, {
    regio: "Meddo",
    productcategorieen: ["01", "03"],
    resultaten: [
      { code: "schoon_huis", toelichting: "Schoon huis." },
      { code: "persoonlijke_verzorging", toelichting: "Hulp bij wassen en aankleden." },
    ],
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await inloggen(page, THUISZORG);
  await page.goto(`/aanbieder/hulpvragen/${id}`);

  await vulOnderdeel(page, "34");
  await page.getByRole("button", { name: "Onderdeel toevoegen" }).click();
  const tweede = page.getByTestId("onderdeel-1");
  await expect(tweede).toBeVisible();
  await expect(page.getByTestId("onderdeel-0").getByLabel("Schoon en leefbaar huis")).toBeChecked();
  await page.getByRole("button", { name: "Onderdeel toevoegen" }).click();
  await page.getByRole("button", { name: "Onderdeel 3 verwijderen" }).click();
  await expect(page.getByTestId("onderdeel-2")).toHaveCount(0);
  await expect(page.getByTestId("onderdeel-0").getByLabel("Prijs per eenheid in euro")).toHaveValue("34");
  await tweede.getByLabel("Productcode").selectOption("03W01");
  await tweede
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill("Elke ochtend hulp bij wassen en aankleden door een vaste verzorgende.");
  await tweede.getByLabel("Persoonlijke verzorging").check();
  await tweede.getByLabel("Omvang (aantal eenheden)").fill("5");
  await tweede.getByLabel("Prijs per eenheid in euro").fill("€ 60,00");
  await page.getByLabel("Cao waaronder het personeel werkt").selectOption("vvt");
  await page
    .getByLabel("Samenvatting voor de cliënt")
    .fill("Wij maken uw huis schoon en helpen u elke ochtend met wassen en aankleden.");
  await page.getByRole("button", { name: "Aanbieding indienen" }).click();

  await expect(page.getByText("Uw aanbieding is ingediend.")).toBeVisible();
  const api = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(THUISZORG) });
  expect(
    api.body.items[0].componenten.map((c: { productcode: string; omvang: number; prijsPerMaandCent: number }) => [
      c.productcode,
      c.omvang,
      c.prijsPerMaandCent,
    ]),
  ).toEqual([
    ["01W02", 3, 44200],
    ["03W01", 5, 130000],
  ]);
  await context.close();
});

test("de pagina's van de aanbieder voldoen aan WCAG 2.2 AA voor zover axe dat kan toetsen", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server, {
    huidigeZorg: {
      aanbiederId: "ab_begeleiding_oost",
      hulpverlenerRol: "Vaste huishoudelijk medewerker",
      behouden: true,
    },
  });
  const token = await server.token(THUISZORG);
  const h = (await server.api("GET", `/api/v1/requests/${id}`, { token })).body;
  const aanbod = await server.api("POST", `/api/v1/requests/${id}/offers`, {
    token,
    body: {
      startdatum: h.startdatum,
      einddatum: h.startdatum.replace(/^(\d{4})/, (j: string) => String(Number(j) + 1)),
      cao: "hht",
      dienstverband: "loondienst",
      overnameHulpverlener: true,
      samenvatting: "Wij maken elke week uw huis schoon, met dezelfde medewerker.",
      componenten: [
        {
          aanbiederId: "ab_thuiszorg_achterhoek",
          productcode: "01W01",
          omschrijving: "Wekelijks schoonmaken.",
          resultaten: ["schoon_huis"],
          omvang: 1,
          prijsPerEenheidCent: 45000,
        },
      ],
    },
  });
  expect(aanbod.status).toBe(201);
  await inloggen(page, THUISZORG);
  await zonderToegankelijkheidsfouten(page, ["/aanbieder", `/aanbieder/hulpvragen/${id}`, "/aanbieder/aanbiedingen"]);
  // The takeover commitment explains why it is asked.
  await page.goto(`/aanbieder/hulpvragen/${id}?aanbieding=nieuw`);
  await expect(page.getByText("Verplicht voor deze hulpvraag.")).toBeVisible();
});

test("de penvoerder biedt namens het consortium; het lid ziet het aanbod maar past het niet aan", async ({
  page,
  browser,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server, {
    regio: "Miste",
    productcategorieen: ["01", "02"],
    resultaten: [
      { code: "schoon_huis", toelichting: "Schoon huis." },
      { code: "regie_financien", toelichting: "Overzicht over post en rekeningen." },
    ],
  });
  await inloggen(page, "planning@begeleiding-oost.demo");
  await page.goto(`/aanbieder/hulpvragen/${id}`);
  await page.getByLabel("U biedt als").selectOption({ label: "Consortium Samen Thuis Achterhoek (u bent penvoerder)" });
  const eerste = page.getByTestId("onderdeel-0");
  await eerste.getByLabel("Productcode").selectOption("01W01");
  await eerste.getByLabel("Wie levert dit onderdeel?").selectOption({ label: "Thuiszorg Achterhoek" });
  await eerste
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill("Wekelijks schoonmaken door de thuiszorg.");
  await eerste.getByLabel("Schoon en leefbaar huis").check();
  await eerste.getByLabel("Omvang (aantal eenheden)").fill("1");
  await eerste.getByLabel("Prijs per eenheid in euro").fill("420");
  await page.getByRole("button", { name: "Onderdeel toevoegen" }).click();
  const tweede = page.getByTestId("onderdeel-1");
  await tweede.getByLabel("Productcode").selectOption("02W01");
  await tweede
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill("Samen de post en de rekeningen doornemen, elke week.");
  await tweede.getByLabel("Regie over het eigen leven en de eigen financiën").check();
  await tweede.getByLabel("Omvang (aantal eenheden)").fill("1");
  await tweede.getByLabel("Prijs per eenheid in euro").fill("600");
  await page.getByLabel("Cao waaronder het personeel werkt").selectOption("sociaal_werk");
  await page
    .getByLabel("Samenvatting voor de cliënt")
    .fill("Twee organisaties helpen u samen: met het huis en met de post.");
  await page.getByRole("button", { name: "Aanbieding indienen" }).click();
  await expect(page.getByText("Uw aanbieding is ingediend.")).toBeVisible();
  await expect(page.getByText("U biedt als Samen Thuis Achterhoek.")).toBeVisible();

  const lidContext = await browser.newContext();
  const lid = await lidContext.newPage();
  await inloggen(lid, THUISZORG);
  await lid.getByRole("link", { name: "Mijn aanbiedingen" }).click();
  const rij = lid.getByRole("row", { name: /Miste, Winterswijk/ });
  await expect(rij).toContainText("Consortium Samen Thuis Achterhoek");
  await expect(rij).toContainText(/€\s1\.020,00/);
  await rij.getByRole("link").click();
  await expect(
    lid.getByText("De penvoerder Begeleiding Oost dient deze aanbieding in en past haar aan."),
  ).toBeVisible();
  // The member may still bid on its own, but never changes the consortium's offer.
  await expect(lid.getByRole("button", { name: "Aanbieding herzien" })).toHaveCount(0);
  await lidContext.close();
});

test("na de deadline weigert de server een aanbieding uit een nog open formulier, en de pagina sluit het formulier live", async ({
  page,
  browser,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server, {
    regio: "Brinkheurne",
    deadline: new Date(Date.now() + 6_000).toISOString(),
  });
  // Without JavaScript the page stays as it was loaded: the stale form can still be sent.
  const oud = await browser.newContext({ javaScriptEnabled: false });
  const statisch = await oud.newPage();
  await inloggen(statisch, THUISZORG);
  await statisch.goto(`/aanbieder/hulpvragen/${id}`);
  await inloggen(page, THUISZORG);
  await page.goto(`/aanbieder/hulpvragen/${id}`);
  await liveVerbonden(page);
  await expect(page.getByRole("button", { name: "Aanbieding indienen" })).toBeVisible();

  await vulOnderdeel(statisch, "450");
  await statisch.getByLabel("Cao waaronder het personeel werkt").selectOption("hht");
  await statisch.getByLabel("Samenvatting voor de cliënt").fill("Elke week komt dezelfde hulp schoonmaken.");
  await expect(page.getByText("Reageren kan niet meer")).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("button", { name: "Aanbieding indienen" })).toHaveCount(0);

  await statisch.getByRole("button", { name: "Aanbieding indienen" }).click();
  await expect(statisch.getByRole("alert")).toContainText("De reactietermijn is verstreken");
  const api = await server.api("GET", `/api/v1/requests/${id}/offers`, { token: await server.token(THUISZORG) });
  expect(api.body.items).toEqual([]);
  await oud.close();
});
