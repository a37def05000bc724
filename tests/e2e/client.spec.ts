import type { Locator, Page } from "@playwright/test";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { test, expect, liveVerbonden } from "./fixtures";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, aanbod, rondeInBeoordeling } from "../support/ronde";
import type { TestServer } from "../support/server";

/** Keyboard only: Tab until the element has focus. */
async function tabNaar(page: Page, doel: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await doel.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("met Tab niet bij het element gekomen");
}

/** An open request (categories 01 and 02) with Thuiszorg Achterhoek's offer, and an invite code for the client. */
async function hulpvraagMetUitnodiging(server: TestServer, over: Record<string, unknown> = {}) {
  const id = await gepubliceerdeHulpvraag(server, {
    productcategorieen: ["01", "02"],
    resultaten: [
      { code: "schoon_huis", toelichting: "Een schoon huis." },
      { code: "regie_financien", toelichting: "Grip op post en geld." },
    ],
    ...over,
  });
  const eerste = await server.api("POST", `/api/v1/requests/${id}/offers`, {
    token: await server.token(THUISZORG),
    body: aanbod("ab_thuiszorg_achterhoek", "01"),
  });
  expect(eerste.status, eerste.text).toBe(201);
  const u = await server.api("POST", `/api/v1/requests/${id}/invites`, {
    token: await server.token(CONSULENT),
    body: {},
  });
  expect(u.status, u.text).toBe(201);
  return { id, eersteAanbod: eerste.body.id as string, code: u.body.code as string, url: u.body.url as string };
}

test("de cliënt opent de uitnodiging, ziet het aanbod in gewone woorden en kiest met alleen het toetsenbord", async ({
  page,
  server,
}) => {
  const { id, eersteAanbod, code } = await hulpvraagMetUitnodiging(server);

  await page.goto("/uitnodiging");
  const veld = page.getByLabel("Uw code");
  await expect(veld).toHaveAttribute("autocomplete", "one-time-code");
  await tabNaar(page, veld);
  // As read aloud on the phone: lower case, a space instead of the dash.
  await page.keyboard.type(code.toLowerCase().replace("-", " "));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/client$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw hulpvraag");
  await liveVerbonden(page);

  await expect(page.getByRole("listitem").filter({ hasText: "Schoon en leefbaar huis" }).first()).toBeVisible();
  const kaarten = page.getByTestId("aanbod");
  await expect(kaarten).toHaveCount(1);
  await expect(kaarten.first().getByRole("heading", { level: 3 })).toHaveText("Aanbod 1: Thuiszorg Achterhoek");
  await expect(kaarten.first()).toContainText("Wij maken elke week het huis schoon, samen met u.");
  await expect(kaarten.first()).not.toContainText("€");

  // A second aanbieder bids while the client reads: the offer appears without reload, announced politely.
  const tweede = await server.api("POST", `/api/v1/requests/${id}/offers`, {
    token: await server.token(BEGELEIDING),
    body: aanbod("ab_begeleiding_oost", "02"),
  });
  expect(tweede.status, tweede.text).toBe(201);
  await expect(kaarten).toHaveCount(2);
  await expect(kaarten.nth(1).getByRole("heading", { level: 3 })).toHaveText("Aanbod 2: Begeleiding Oost");
  await expect(kaarten.nth(1)).toContainText("Een vaste begeleider helpt u met post, geld en afspraken.");
  await expect(page.getByTestId("aankondiging")).toHaveText("Er is een nieuw aanbod bijgekomen.");

  const groep = page.getByRole("group", { name: "Welk aanbod vindt u het beste?" });
  const eerste = groep.getByRole("radio", { name: "Aanbod 1: Thuiszorg Achterhoek" });
  await tabNaar(page, eerste);
  await page.keyboard.press("Space");
  await expect(eerste).toBeChecked();
  await tabNaar(page, page.getByLabel(/Wilt u er iets over zeggen/));
  await page.keyboard.type("Die mensen ken ik al.");
  await tabNaar(page, page.getByRole("button", { name: "Bewaar mijn voorkeur" }));
  await page.keyboard.press("Enter");

  const bevestiging = page.getByTestId("bevestiging");
  await expect(bevestiging).toContainText("Uw voorkeur is bewaard: Aanbod 1: Thuiszorg Achterhoek.");
  await expect(bevestiging).toBeFocused();
  const keuze = await server.api("GET", `/api/v1/requests/${id}/choice`, { token: await server.token(CONSULENT) });
  expect(keuze.body.client.offerId).toBe(eersteAanbod);
  expect(keuze.body.client.comment).toBe("Die mensen ken ik al.");

  // Changeable until the award: "none of these" with the keyboard (arrow keys move within a radio group).
  const geen = groep.getByRole("radio", { name: "Geen van deze aanbiedingen" });
  await tabNaar(page, page.getByRole("radio", { checked: true }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(geen).toBeChecked();
  await tabNaar(page, page.getByRole("button", { name: "Bewaar mijn voorkeur" }));
  await page.keyboard.press("Enter");
  await expect(bevestiging).toContainText("Uw voorkeur is bewaard: geen van deze aanbiedingen.");
});

test("de link uit de uitnodiging vult de code in maar opent pas na de knop; Afsluiten beëindigt de sessie", async ({
  page,
  server,
}) => {
  const { url } = await hulpvraagMetUitnodiging(server);
  const pad = new URL(url, "http://zorgveiling.local").pathname + new URL(url, "http://zorgveiling.local").search;
  await page.goto(pad);
  await expect(page).toHaveURL(/\/uitnodiging\?code=/);
  await expect(page.getByLabel("Uw code")).not.toHaveValue("");
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(page).toHaveURL(/\/client$/);
  await page.getByRole("main").getByRole("button", { name: "Afsluiten" }).click();
  await expect(page.getByText("U bent afgemeld")).toBeVisible();
  await page.goto("/client");
  await expect(page).toHaveURL(/\/uitnodiging$/);
});

test("na de gunning ziet de cliënt de uitkomst meteen, zonder te herladen, en kan niet meer kiezen", async ({
  page,
  server,
}) => {
  const {
    id,
    offers: [, begeleiding],
  } = await rondeInBeoordeling(server, [
    { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
  ]);
  const consulent = await server.token(CONSULENT);
  const u = await server.api("POST", `/api/v1/requests/${id}/invites`, { token: consulent, body: {} });
  await page.goto("/uitnodiging");
  await page.getByLabel("Uw code").fill(u.body.code);
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(page.getByText("Aanbieders kunnen niet meer reageren.")).toBeVisible();
  await page.getByRole("radio", { name: "Aanbod 2: Begeleiding Oost" }).check();
  await page.getByRole("button", { name: "Bewaar mijn voorkeur" }).click();
  await expect(page.getByTestId("bevestiging")).toBeVisible();
  await liveVerbonden(page);

  expect(
    (await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: begeleiding } }))
      .status,
  ).toBe(200);
  expect((await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} })).status).toBe(201);
  await expect(page.getByTestId("uitkomst")).toContainText(
    "De gemeente heeft gekozen voor Aanbod 2: Begeleiding Oost.",
  );
  await expect(page.getByTestId("aankondiging")).toHaveText(
    "De gemeente heeft een aanbod gekozen. De uitkomst staat bovenaan.",
  );
  await expect(page.getByTestId("aanbod").nth(0)).toContainText("Niet gekozen");
  await expect(page.getByTestId("aanbod").nth(1)).toContainText("Gekozen");
  await expect(page.getByRole("group", { name: "Welk aanbod vindt u het beste?" })).toHaveCount(0);
  await expect(page.getByText("U koos: Aanbod 2: Begeleiding Oost.")).toBeVisible();
});

test("een verkeerde code geeft een duidelijke Nederlandse melding", async ({ page }) => {
  await page.goto("/uitnodiging");
  await page.getByLabel("Uw code").fill("kkkk-kkkk");
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(page.getByRole("alert")).toContainText("De code werkt niet");
  await expect(
    page.getByText(
      "Deze code klopt niet, is verlopen of is ingetrokken. Vraag uw consulent om een nieuwe uitnodiging.",
    ),
  ).toBeVisible();
  await expect(page.getByLabel("Uw code")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/uitnodiging$/);
});

test("na te veel foute codes zegt de pagina hoe lang de cliënt moet wachten", async ({ page }) => {
  // An address of its own (the server trusts the loopback proxy), so other tests in this worker are not slowed down.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.77" });
  await page.goto("/uitnodiging");
  const veld = page.getByLabel("Uw code");
  for (let i = 0; i < 5; i++) {
    await veld.fill(`MMMM-${"34679ACD"[i]}XYW`);
    const antwoord = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
    expect((await antwoord).status()).toBe(401);
  }
  await expect(page.getByRole("alert")).toContainText("De code werkt niet");
  await veld.fill("MMMM-TTTT");
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(page.getByRole("alert")).toContainText("Even wachten");
  await expect(page.getByRole("alert")).toContainText(/Probeer het over \d+ (seconden|minuten) opnieuw\./);
});

test("de pagina's van de cliënt hebben geen toegankelijkheidsfouten (axe, WCAG 2.2 AA); de cliënt leest wat er met de huidige hulpverlener gebeurt", async ({
  page,
  server,
}) => {
  // The client now gets help from Thuiszorg Achterhoek and wants to keep that caregiver (rule 4).
  const { id, code } = await hulpvraagMetUitnodiging(server, {
    huidigeZorg: {
      aanbiederId: "ab_thuiszorg_achterhoek",
      hulpverlenerRol: "vaste huishoudelijke hulp",
      behouden: true,
    },
  });
  const r = await server.api("POST", `/api/v1/requests/${id}/offers`, {
    token: await server.token(BEGELEIDING),
    body: aanbod("ab_begeleiding_oost", "02", { overnameHulpverlener: true }),
  });
  expect(r.status, r.text).toBe(201);
  await zonderToegankelijkheidsfouten(page, ["/uitnodiging"]);
  await page.getByLabel("Uw code").fill(code);
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(page.getByTestId("aanbod")).toHaveCount(2);
  await expect(page.getByTestId("aanbod").nth(0)).toContainText("Uw huidige hulpverlener blijft.");
  await expect(page.getByTestId("aanbod").nth(1)).toContainText(
    "Uw huidige hulpverlener mag blijven. Deze aanbieder biedt haar of hem een baan aan.",
  );
  await liveVerbonden(page);
  await zonderToegankelijkheidsfouten(page, ["/client"]);
  await page.getByRole("radio", { name: "Aanbod 2: Begeleiding Oost" }).check();
  await page.getByRole("button", { name: "Bewaar mijn voorkeur" }).click();
  await expect(page.getByTestId("bevestiging")).toBeVisible();
  await zonderToegankelijkheidsfouten(page, ["/client?bewaard=ja"]);
});
