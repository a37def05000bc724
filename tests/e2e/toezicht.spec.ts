import type { Page } from "@playwright/test";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { test, expect, inloggen } from "./fixtures";
import { CONSULENT, clientInvoer, gepubliceerdeHulpvraag } from "../support/fabriek";
import { verbind } from "../support/database";
import { BEGELEIDING, THUISZORG, TOEZICHT, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";
import type { TestServer } from "../support/server";

const VERTEGENWOORDIGER = "Hendrik Wolters (zoon)";
const nl = (n: number) => String(n).replace(".", ",");

/**
 * A whole round on the record: two offers, a refused award (choice_mismatch), an invite naming the
 * client's son, the client's and consulent's choice with a comment, and the award.
 */
async function gegundeRonde(server: TestServer) {
  const {
    id,
    offers: [gekozen],
  } = await rondeInBeoordeling(server, [
    { email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") },
    { email: BEGELEIDING, body: aanbod("ab_begeleiding_oost", "02") },
  ]);
  const consulent = await server.token(CONSULENT);
  const geweigerd = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
  expect(geweigerd.body?.error?.code).toBe("choice_mismatch");
  const uitnodiging = await server.api("POST", `/api/v1/requests/${id}/invites`, {
    token: consulent,
    body: { vertegenwoordiger: VERTEGENWOORDIGER },
  });
  expect(uitnodiging.status, uitnodiging.text).toBe(201);
  const client = await clientToken(server, id);
  expect(
    (
      await server.api("POST", `/api/v1/requests/${id}/choice`, {
        token: client,
        body: { offerId: gekozen, motivation: "Mijn zoon Hendrik kent ze." },
      })
    ).status,
  ).toBe(200);
  expect(
    (await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: gekozen } }))
      .status,
  ).toBe(200);
  const gunning = await server.api("POST", `/api/v1/requests/${id}/award`, { token: consulent, body: {} });
  expect(gunning.status, gunning.text).toBe(201);
  return id;
}

/** Nothing of the client record, the representative or the client's own words reaches the supervisor. */
async function geenClientgegevens(page: Page) {
  const html = await page.content();
  const client = clientInvoer();
  for (const gegeven of [
    client.naam,
    client.bsn,
    client.straat,
    client.postcode,
    client.geboortedatum,
    VERTEGENWOORDIGER,
    "Mijn zoon Hendrik",
  ]) {
    expect(html, `de pagina toont "${gegeven}"`).not.toContain(gegeven);
  }
}

test("de toezichthouder ziet de marktcijfers en het audittrail met de controle van de keten, en filtert op hulpvraag", async ({
  page,
  server,
}) => {
  const id = await gegundeRonde(server);
  await gegundeRonde(server);
  await inloggen(page, TOEZICHT);

  await expect(page).toHaveURL(/\/toezicht$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Marktcijfers");
  // Other tests in this worker share the server: compare with the figures API rather than fixed numbers.
  const cijfers = (await server.api("GET", "/api/v1/figures", { token: await server.token(TOEZICHT) })).body;
  const thuiszorg = cijfers.gunningenPerAanbieder.find((g: { naam: string }) => g.naam === "Thuiszorg Achterhoek");
  expect(thuiszorg.gunningen).toBeGreaterThanOrEqual(2);
  const rij = (tabel: string, naam: RegExp) =>
    page.getByRole("table", { name: tabel }).getByRole("row", { name: naam });
  await expect(rij("Gunningen per aanbieder", /Thuiszorg Achterhoek/)).toHaveText(
    new RegExp(
      `Thuiszorg Achterhoek\\s*${nl(thuiszorg.gunningen)}\\s*${nl(thuiszorg.viaConsortium)}\\s*${nl(thuiszorg.aandeel)} %`,
    ),
  );
  await expect(rij("Hulpvragen per status", /Gegund/)).toHaveText(
    new RegExp(`Gegund\\s*${cijfers.hulpvragenPerStatus.gegund}$`),
  );
  expect(cijfers.weigeringenPerRegel.choice_mismatch).toBeGreaterThanOrEqual(2);
  await expect(rij("Weigeringen per regel", /Regel 7: keuzes verschillen/)).toContainText(
    `(choice_mismatch)${cijfers.weigeringenPerRegel.choice_mismatch}`,
  );
  await expect(rij("Aanbiedingen en gunningen", /Tijd van publicatie tot gunning/)).toContainText(" uur");
  await geenClientgegevens(page);
  await zonderToegankelijkheidsfouten(page, ["/toezicht"]);

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Audittrail" }).click();
  await expect(page).toHaveURL(/\/toezicht\/audit$/);
  await expect(page.getByTestId("keten")).toContainText(/De auditketen is intact \(\d+ regels\)\./);
  await expect(page.getByRole("table", { name: /Audittrail/ }).getByRole("row")).not.toHaveCount(0);
  await geenClientgegevens(page);
  await zonderToegankelijkheidsfouten(page, ["/toezicht/audit"]);

  await page.getByLabel("Hulpvraag (id)").fill(id);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`requestId=${id}`));
  const regels = page.getByRole("table", { name: /Audittrail/ }).locator("tbody tr");
  await expect(regels.filter({ hasText: "hulpvraag.gegund" })).toHaveCount(1);
  await expect(regels.filter({ hasText: "uitnodiging.aangemaakt" })).toHaveCount(2);
  for (const tekst of await regels.allTextContents()) expect(tekst).toContain(id);
  // The invite that named the client's son: the name is shielded, in the summary and in the details.
  const uitnodiging = regels
    .filter({ hasText: "uitnodiging.aangemaakt" })
    .filter({ hasText: "vertegenwoordiger: [afgeschermd]" });
  await expect(uitnodiging).toHaveCount(1);
  await uitnodiging.locator("summary").click();
  await expect(uitnodiging.locator("pre").first()).toBeVisible();
  await geenClientgegevens(page);
  await zonderToegankelijkheidsfouten(page, [`/toezicht/audit?requestId=${id}`]);
});

test("het audittrail filtert op wie en op periode, en weigert een periode die achterstevoren staat", async ({
  page,
  server,
}) => {
  await gepubliceerdeHulpvraag(server);
  await inloggen(page, TOEZICHT);
  await page.goto("/toezicht/audit");
  await page.getByLabel("Wie").selectOption({ label: "Cees Consulent (consulent)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actorId=/);
  const wie = page.getByRole("table", { name: /Audittrail/ }).getByTestId("audit-zin");
  await expect(wie.first()).toBeVisible();
  for (const zin of await wie.allTextContents()) expect(zin).toMatch(/^Cees Consulent /);

  const vandaag = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
  const gisteren = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(
    new Date(Date.now() - 86400_000),
  );
  await page.goto(`/toezicht/audit?tot=${gisteren}`);
  await expect(page.getByText("Er zijn geen regels die bij deze filters passen.")).toBeVisible();
  await page.goto(`/toezicht/audit?van=${vandaag}&tot=${vandaag}`);
  await expect(
    page
      .getByRole("table", { name: /Audittrail/ })
      .locator("tbody tr")
      .first(),
  ).toBeVisible();
  await page.goto(`/toezicht/audit?van=${vandaag}&tot=${gisteren}`);
  await expect(page.getByText("De einddatum ligt voor de begindatum.")).toBeVisible();
  await expect(page.getByLabel("Tot en met (datum)")).toHaveAttribute("aria-invalid", "true");
});

test("een regel die buiten de applicatie om is veranderd, staat bovenaan als breuk in de keten", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server);
  const sql = verbind(server.databaseUrl);
  // Rewrites one entry around the append-only trigger, as only a database superuser could.
  const herschrijf = (id: number, na: unknown) =>
    sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger user`;
      await tx`update audit_log set na = ${sql.json(na as never)} where id = ${id}`;
      await tx`alter table audit_log enable trigger user`;
    });
  const [doel] =
    await sql`select id, na from audit_log where hulpvraag_id = ${id} and actie = 'hulpvraag.gepubliceerd'`;
  try {
    await herschrijf(doel.id, { status: "ingetrokken" });
    await inloggen(page, TOEZICHT);
    await page.goto("/toezicht/audit");
    await expect(page.getByTestId("keten")).toContainText(`De auditketen is verbroken bij regel ${doel.id}.`);
    await zonderToegankelijkheidsfouten(page, ["/toezicht/audit"]);
  } finally {
    // Put the original back, so the chain holds again for the other tests on this server.
    await herschrijf(doel.id, doel.na);
    await sql.end();
  }
  await page.reload();
  await expect(page.getByTestId("keten")).toContainText("De auditketen is intact");
});

test("een consulent krijgt de pagina's van de toezichthouder niet te zien", async ({ page }) => {
  await inloggen(page, CONSULENT);
  for (const pad of ["/toezicht", "/toezicht/audit"]) {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen toegang");
  }
});
