import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { CONSULENT, CONSULENT_AALTEN } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";

const tweeBiedingen = () => [
  { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
  { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
];

test.describe("zonder JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("gunnen wacht bij een andere keuze van de cliënt op een collega, en weigert na een eerdere gunning (already_awarded)", async ({
    page,
    context,
    browser,
    server,
  }) => {
    // Care now comes from Thuiszorg Achterhoek: awarding to Begeleiding Oost moves it (rule 4, reason 09).
    const huidigeZorg = { aanbiederId: "ab_thuiszorg_achterhoek", hulpverlenerRol: "verzorgende IG", behouden: false };
    const {
      id,
      offers: [thuiszorg, begeleiding],
    } = await rondeInBeoordeling(server, tweeBiedingen(), { huidigeZorg });
    const client = await clientToken(server, id);
    const kiest = (offerId: string) =>
      server.api("POST", `/api/v1/requests/${id}/choice`, { token: client, body: { offerId } });
    expect((await kiest(thuiszorg)).status).toBe(200);

    await inloggen(page, CONSULENT);
    await page.goto(`/consulent/hulpvragen/${id}`);
    await expect(page.getByTestId("voorkeur-client")).toContainText("De cliënt kiest: Thuiszorg Achterhoek");
    await page.getByRole("radio", { name: /^Begeleiding Oost/ }).check();
    await page.getByLabel("Motivatie", { exact: true }).fill("Grip op post en geld is nu het dringendst.");
    await page.getByRole("button", { name: "Keuze vastleggen" }).click();
    await expect(page.getByTestId("keuze-consulent")).toContainText(
      "U koos: Begeleiding Oost, omdat: “Grip op post en geld is nu het dringendst.”",
    );
    // Against the client's preference the page offers no award: a colleague must confirm first (four eyes).
    await expect(page.getByTestId("vier-ogen")).toContainText(
      "moet een collega-consulent van de gemeente uw motivatie lezen en bevestigen",
    );
    await expect(page.getByRole("button", { name: "Ja, gun dit aanbod" })).toHaveCount(0);
    await expect(page.getByTestId("status")).toHaveText("In beoordeling");

    // The client comes round; a second tab keeps the form as it was loaded.
    expect((await kiest(begeleiding)).status).toBe(200);
    await page.goto(`/consulent/hulpvragen/${id}`);
    await expect(page.getByTestId("status")).toHaveText("Keuze gemaakt");
    const tweede = await context.newPage();
    await tweede.goto(`/consulent/hulpvragen/${id}`);

    await page.getByText("Gunnen…").click();
    await page.getByRole("button", { name: "Ja, gun dit aanbod" }).click();
    await expect(page.getByTestId("uitkomst")).toContainText("Gegund aan Begeleiding Oost");
    await expect(page.getByTestId("uitkomst")).toContainText("09: de zorg gaat naar een andere aanbieder");
    await expect(page.getByTestId("personeelsovername")).toContainText(
      "De verzorgende IG gaat van Thuiszorg Achterhoek naar Begeleiding Oost",
    );

    await tweede.getByText("Gunnen…").click();
    await tweede.getByRole("button", { name: "Ja, gun dit aanbod" }).click();
    await expect(tweede.getByRole("alert")).toContainText("Deze hulpvraag is al gegund.");
    await expect(tweede.getByTestId("uitkomst")).toContainText("Gegund aan Begeleiding Oost");
    const toewijzing = await server.api("GET", `/api/v1/requests/${id}/toewijzing`, {
      token: await server.token(CONSULENT),
    });
    expect(toewijzing.body.aanbieder.naam).toBe("Begeleiding Oost");

    // The files are the gemeente's: an aanbieder is refused, another gemeente gets 404, as does an unknown format.
    const xml = await page.request.get(`/consulent/hulpvragen/${id}/toewijzing/xml`);
    expect(xml.status()).toBe(200);
    expect(xml.headers()["content-disposition"]).toMatch(/^attachment; filename="wmo301-tw_/);
    expect((await page.request.get(`/consulent/hulpvragen/${id}/toewijzing/pdf`)).status()).toBe(404);
    for (const [email, pad, status] of [
      [CONSULENT_AALTEN, "csv", 404],
      [THUISZORG, "json", 403],
    ] as const) {
      const ander = await browser.newContext();
      const p = await ander.newPage();
      await inloggen(p, email);
      expect((await p.request.get(`/consulent/hulpvragen/${id}/toewijzing/${pad}`)).status(), email).toBe(status);
      await ander.close();
    }
  });
});

test("geen passend aanbod sluit de ronde pas na bevestiging; een nieuwe ronde opent als concept", async ({
  page,
  server,
}) => {
  const { id } = await rondeInBeoordeling(server, tweeBiedingen().slice(0, 1));
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/hulpvragen/${id}`);
  await liveVerbonden(page);
  await zonderToegankelijkheidsfouten(page, [`/consulent/hulpvragen/${id}`]);

  await page.getByRole("radio", { name: "Geen passend aanbod (de ronde sluit)" }).check();
  await page.getByRole("button", { name: "Keuze vastleggen" }).click();
  await expect(page.getByText("Weet u zeker dat geen aanbod past?")).toBeVisible();
  await expect(page.getByTestId("status")).toHaveText("In beoordeling");
  await page.getByRole("button", { name: "Ja, geen passend aanbod: sluit deze ronde" }).click();
  await expect(page.getByTestId("status")).toHaveText("Geen passend aanbod");

  await page.getByRole("button", { name: "Nieuwe ronde" }).click();
  await expect(page).toHaveURL(/\/consulent\/hulpvragen\/hv_[^/]+\/bewerken\?melding=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concept bewerken");
  const nieuw = page.url().split("/")[5];
  expect(nieuw).not.toBe(id);
  await page.goto(`/consulent/hulpvragen/${id}`);
  await expect(page.getByRole("link", { name: "Naar de nieuwe ronde" })).toHaveAttribute(
    "href",
    `/consulent/hulpvragen/${nieuw}`,
  );
});

test("de consulent trekt een uitnodiging in na bevestiging; de code opent daarna niets meer", async ({
  page,
  server,
}) => {
  const { id } = await rondeInBeoordeling(server, tweeBiedingen().slice(0, 1));
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/hulpvragen/${id}`);
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();
  const code = (await page.getByTestId("uitnodigingscode").textContent())!.trim();
  const tabel = page.getByRole("table", { name: "Uitnodigingen voor deze hulpvraag" });
  await expect(tabel).toContainText("Geldig tot");

  // Only once: after a reload the code is gone, the invite stays listed.
  await page.reload();
  await expect(page.getByTestId("uitnodigingscode")).toHaveCount(0);
  await tabel.getByText("Intrekken…").click();
  await tabel.getByRole("button", { name: "Ja, trek deze uitnodiging in" }).click();
  await expect(page.getByText("De uitnodiging is ingetrokken.")).toBeVisible();
  await expect(tabel).toContainText("Ingetrokken op");
  const sessie = await server.api("POST", "/api/v1/client/session", {
    body: { code },
    headers: { "x-forwarded-for": "198.51.100.77" },
  });
  expect(sessie.status).toBe(401);
});
