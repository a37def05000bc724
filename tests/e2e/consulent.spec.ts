import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { CONSULENT, CONSULENT_AALTEN, gepubliceerdeHulpvraag, hulpvraagInvoer, maakClient } from "../support/fabriek";
import { THUISZORG } from "../support/demo";

const TOELICHTING_HUIS = "Toelichting bij Schoon en leefbaar huis";

/** A clean offer of Thuiszorg Achterhoek (contracted for 01) on a request asking 01 / schoon_huis. */
async function dienAanbiedingIn(server: Parameters<typeof gepubliceerdeHulpvraag>[0], hulpvraagId: string) {
  const r = await server.api("GET", `/api/v1/requests/${hulpvraagId}`, { token: await server.token(CONSULENT) });
  const start: string = r.body.startdatum;
  const eind = `${Number(start.slice(0, 4)) + 1}${start.slice(4, 8)}01`;
  const aanbieding = {
    startdatum: start,
    einddatum: eind,
    cao: "vvt",
    dienstverband: "loondienst",
    overnameHulpverlener: false,
    samenvatting: "Elke week maken wij het huis schoon, samen met u.",
    componenten: [
      {
        aanbiederId: "ab_thuiszorg_achterhoek",
        productcode: "01W01",
        omschrijving: "Wekelijks schoonmaken van woonkamer, keuken en badkamer.",
        resultaten: ["schoon_huis"],
        omvang: 1,
        prijsPerEenheidCent: 45_000,
      },
    ],
  };
  const offer = await server.api("POST", `/api/v1/requests/${hulpvraagId}/offers`, {
    token: await server.token(THUISZORG),
    body: aanbieding,
  });
  expect(offer.status, offer.text).toBe(201);
  return { id: offer.body.id as string, aanbieding };
}

test("de consulent registreert een cliënt; een BSN dat de 11-proef niet haalt wordt bij het veld geweigerd", async ({
  page,
}) => {
  const naam = `Hendrika Testpersoon ${Date.now()}`;
  await inloggen(page, CONSULENT);
  await page.goto("/consulent/clienten");
  await page.getByLabel("Naam", { exact: true }).fill(naam);
  await page.getByLabel("Achternaam").fill("Testpersoon");
  await page.getByLabel("BSN", { exact: true }).fill("123456789");
  await page.getByLabel("Straat").fill("Meddosestraat");
  await page.getByLabel("Huisnummer", { exact: true }).fill("14");
  await page.getByLabel("Postcode").fill("7101 AB");
  await page.getByLabel("Woonplaats").fill("Winterswijk");
  await page.getByLabel("Geboortedatum").fill("1941-03-12");
  await page.getByRole("button", { name: "Cliënt registreren" }).click();

  const bsn = page.getByLabel("BSN", { exact: true });
  await expect(bsn).toHaveAttribute("aria-invalid", "true");
  await expect(bsn).toHaveAccessibleDescription(/11-proef/);
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(naam);

  await bsn.fill("111222333");
  await page.getByRole("button", { name: "Cliënt registreren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De cliënt is geregistreerd." })).toBeVisible();
  await expect(page.getByTestId("clienten")).toContainText(naam);

  await page.getByRole("link", { name: "Nieuwe hulpvraag voor deze cliënt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe hulpvraag");
  await expect(page.getByLabel("Cliënt", { exact: true }).locator("option:checked")).toContainText(naam);
});

test("hulpvraag via het formulier: herleidbare tekst weigert publiceren bij dat veld, na herstel is ze open", async ({
  page,
  server,
}) => {
  const clientId = await maakClient(server);
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/nieuw?client=${clientId}`);

  // Zod's messages per field, before anything is stored.
  await page.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(page.getByRole("group", { name: "Resultaten die de cliënt wil bereiken" })).toContainText(
    "Kies minstens één resultaat.",
  );
  await expect(page.getByLabel("Regio")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("checkbox", { name: "Schoon en leefbaar huis" }).check();
  await page.getByLabel(TOELICHTING_HUIS).fill("Het huis is schoon en veilig. Bel 06-12345678 voor een afspraak.");
  await page.getByRole("checkbox", { name: "01 Hulp bij het huishouden" }).check();
  await page.getByLabel("Regio").fill("7101");
  await page.getByLabel("Leeftijd").selectOption("75-84");
  await page.getByRole("radio", { name: "Alleenstaand" }).check();
  await page.getByLabel("Gewenste startdatum").fill(hulpvraagInvoer(clientId).startdatum);
  await page.getByLabel("Duur in maanden").fill("12");
  await page.getByLabel("Budgetplafond per maand in euro (niet verplicht)").fill("650,00");
  await expect(page.getByTestId("standaardtermijn")).toContainText("Publiceert u nu");
  await page.getByRole("button", { name: "Opslaan als concept" }).click();

  await expect(page).toHaveURL(/\/consulent\/hulpvragen\/hv_/);
  await expect(page.getByTestId("status")).toHaveText("Concept");
  await expect(page.getByTestId("voorbeeld")).toContainText("€ 650,00");
  await page.getByRole("button", { name: "Publiceren" }).click();
  const weigering = page.getByRole("alert");
  await expect(weigering).toContainText(TOELICHTING_HUIS);
  await expect(weigering).toContainText("06-12345678");
  await expect(page.getByTestId("voorbeeld")).toContainText("Herleidbaar");
  await expect(page.getByTestId("status")).toHaveText("Concept");

  await page.getByRole("link", { name: "Pas het concept aan" }).click();
  await page.getByRole("button", { name: "Opslaan en publiceren" }).click();
  const veld = page.getByLabel(TOELICHTING_HUIS);
  await expect(veld).toHaveAttribute("aria-invalid", "true");
  await expect(veld).toHaveAccessibleDescription(/06-12345678/);

  await veld.fill("Het huis is schoon en veilig; de cliënt doet zelf de afwas.");
  await page.getByRole("button", { name: "Opslaan en publiceren" }).click();
  await expect(page).toHaveURL(/\/consulent\/hulpvragen\/hv_[^/]+\?melding=/);
  await expect(page.getByTestId("status")).toHaveText("Open voor aanbiedingen");
  await expect(page.getByRole("table").filter({ hasText: "Gepubliceerd" })).toBeVisible();
});

test("een aanbieding verschijnt live op de hulpvraag, verandert en verdwijnt weer bij intrekken, zonder herladen", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server);
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/hulpvragen/${id}`);
  await liveVerbonden(page);
  await expect(page.getByText("Er zijn nog geen aanbiedingen.")).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
  });

  const { id: aanbiedingId, aanbieding } = await dienAanbiedingIn(server, id);
  const vergelijking = page.getByTestId("vergelijking");
  await expect(vergelijking).toContainText("Thuiszorg Achterhoek", { timeout: 2000 });
  await expect(vergelijking).toContainText("€ 450,00");
  await expect(vergelijking).toContainText("Ja, gedekt");
  await expect(page.getByTestId("aankondiging")).toHaveText("Nieuwe aanbieding van Thuiszorg Achterhoek.");

  const herzien = await server.api("PUT", `/api/v1/offers/${aanbiedingId}`, {
    token: await server.token(THUISZORG),
    body: { ...aanbieding, componenten: [{ ...aanbieding.componenten[0], prijsPerEenheidCent: 47_500 }] },
  });
  expect(herzien.status, herzien.text).toBe(200);
  await expect(vergelijking).toContainText("€ 475,00", { timeout: 2000 });
  await expect(vergelijking).toContainText("aangepast, versie 2");
  await expect(page.getByTestId("aankondiging")).toHaveText("Aangepaste aanbieding van Thuiszorg Achterhoek.");

  const intrekken = await server.api("POST", `/api/v1/offers/${aanbiedingId}/withdraw`, {
    token: await server.token(THUISZORG),
  });
  expect(intrekken.status, intrekken.text).toBe(200);
  await expect(vergelijking).toHaveCount(0, { timeout: 2000 });
  await expect(page.getByText("Er zijn nog geen aanbiedingen.")).toBeVisible();
  await expect(page.getByTestId("aankondiging")).toHaveText("Aanbieding ingetrokken door Thuiszorg Achterhoek.");
  expect(await page.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);
});

test("de lijst telt per status, filtert, zoekt en toont een nieuwe publicatie live", async ({ page, server }) => {
  const token = await server.token(CONSULENT);
  const clientId = await maakClient(server, CONSULENT, { naam: `Lijstcliënt ${Date.now()}` });
  const concept = await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(clientId) });
  expect(concept.status).toBe(201);

  await inloggen(page, CONSULENT);
  await page.goto("/consulent?status=concept");
  await liveVerbonden(page);
  const concepten = page.getByTestId("telling-concept");
  await expect(concepten).toHaveAttribute("aria-current", "page");
  const aantal = Number((await concepten.textContent())?.match(/\((\d+)\)/)?.[1]);
  await expect(page.getByTestId("hulpvragen")).toContainText(concept.body.id);

  await page.getByLabel("Zoek op cliënt, regio, nummer of toelichting").fill(concept.body.id);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/status=concept&zoek=/);
  await expect(page.getByTestId("hulpvragen").locator("tbody tr")).toHaveCount(1);

  await server.api("POST", `/api/v1/requests/${concept.body.id}/publish`, { token });
  await expect(concepten).toHaveText(`Concept (${aantal - 1})`, { timeout: 2000 });
  await expect(page.getByText("Geen hulpvragen gevonden met deze selectie.")).toBeVisible();
  await page.getByTestId("telling-open").click();
  await expect(page.getByTestId("hulpvragen")).toContainText(concept.body.id);
  await expect(page.getByTestId("hulpvragen")).toContainText(/nog \d+ dag/);
});

test("de consulent verlengt de termijn van een open hulpvraag en trekt haar in na bevestiging met een reden", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server);
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/hulpvragen/${id}`);
  const later = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Nieuwe reactietermijn").fill(`${later}T12:00`);
  await page.getByRole("button", { name: "Termijn verlengen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De reactietermijn is verlengd." })).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: "Reactietermijn verlengd" })).toContainText("12:00");

  await page.getByText("Hulpvraag intrekken…").click();
  await page.getByRole("button", { name: "Ja, trek de hulpvraag in" }).click();
  await expect(page.getByLabel("Reden van intrekken")).toHaveAccessibleDescription(/Geef een reden op/);
  await expect(page.getByTestId("status")).toHaveText("Open voor aanbiedingen");
  await page.getByLabel("Reden van intrekken").fill("De cliënt verhuist naar een verpleeghuis.");
  await page.getByRole("button", { name: "Ja, trek de hulpvraag in" }).click();
  await expect(page.getByTestId("status")).toHaveText("Ingetrokken");
  await expect(page.getByText("De cliënt verhuist naar een verpleeghuis.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Termijn verlengen" })).toHaveCount(0);
});

test.describe("zonder JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("het formulier toont de fouten per veld, houdt wat is ingevuld en slaat daarna op", async ({ page, server }) => {
    const clientId = await maakClient(server);
    await inloggen(page, CONSULENT);
    await page.goto(`/consulent/nieuw?client=${clientId}`);
    await page.getByLabel("Regio").fill("Kottenseweg-wijk");
    // A result's explanation appears once the result is ticked (CSS only, no script needed).
    await expect(page.getByLabel(TOELICHTING_HUIS)).toBeHidden();
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expect(page.getByRole("group", { name: "Resultaten die de cliënt wil bereiken" })).toContainText(
      "Kies minstens één resultaat.",
    );
    await expect(page.getByLabel("Regio")).toHaveValue("Kottenseweg-wijk");

    await page.getByRole("checkbox", { name: "Schoon en leefbaar huis" }).check();
    await page.getByLabel(TOELICHTING_HUIS).fill("Schoon en veilig huis.");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expect(page.getByLabel("Regio")).toHaveValue("Kottenseweg-wijk");
    await expect(page.getByLabel(TOELICHTING_HUIS)).toHaveValue("Schoon en veilig huis.");

    await page.getByRole("checkbox", { name: "01 Hulp bij het huishouden" }).check();
    await page.getByLabel("Leeftijd").selectOption("65-74");
    await page.getByRole("radio", { name: "Met partner" }).check();
    await page.getByLabel("Gewenste startdatum").fill(hulpvraagInvoer(clientId).startdatum);
    await page.getByLabel("Duur in maanden").fill("6");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await expect(page.getByTestId("status")).toHaveText("Concept");
    await expect(page.getByTestId("voorbeeld")).toContainText("Kottenseweg-wijk");
  });
});

test("een consulent van een andere gemeente krijgt 404 op de hulpvraag", async ({ page, server }) => {
  const id = await gepubliceerdeHulpvraag(server);
  await inloggen(page, CONSULENT_AALTEN);
  for (const pad of [`/consulent/hulpvragen/${id}`, `/consulent/hulpvragen/${id}/bewerken`]) {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  }
});

test("de pagina's van de consulent hebben geen WCAG 2.2 AA-fouten die axe vindt", async ({ page, server }) => {
  const id = await gepubliceerdeHulpvraag(server);
  await dienAanbiedingIn(server, id);
  await inloggen(page, CONSULENT);
  await zonderToegankelijkheidsfouten(page, [
    "/consulent",
    "/consulent/clienten",
    "/consulent/nieuw",
    `/consulent/hulpvragen/${id}`,
  ]);
});
