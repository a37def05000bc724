import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { test, expect, inloggen, liveVerbonden } from "./fixtures";
import { CONSULENT, gepubliceerdeHulpvraag } from "../support/fabriek";
import { TOEZICHT } from "../support/ronde";

/** Toezicht live, sortable tables by keyboard, and the yearly report (issue 16 items 4 and 6). */

test("de cijfers van de toezichthouder veranderen live, zonder de pagina te herladen", async ({ page, server }) => {
  await inloggen(page, TOEZICHT);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Marktcijfers");
  await liveVerbonden(page);
  const openRij = page.getByRole("table", { name: "Hulpvragen per status" }).getByRole("row", { name: /Open voor/ });
  const telling = async () =>
    (await openRij.count()) ? Number((await openRij.getByRole("cell").nth(1).textContent())?.trim()) : 0;
  const voor = await telling();
  // A marker on the window: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { zonderHerladen: boolean }).zonderHerladen = true));

  await gepubliceerdeHulpvraag(server);
  await expect(openRij.getByRole("cell").nth(1)).toHaveText(String(voor + 1));
  // A refusal is counted live too.
  const id = await gepubliceerdeHulpvraag(server);
  const weigering = await server.api("POST", `/api/v1/requests/${id}/award`, {
    token: await server.token(CONSULENT),
    body: {},
  });
  const code = weigering.body.error.code as string;
  await expect(page.getByRole("table", { name: "Weigeringen per regel" })).toContainText(`(${code})`);
  expect(await page.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);
});

test("een tabel sorteren met het toetsenbord: een knop in de kolomkop, aria-sort en de querystring", async ({
  page,
  server,
}) => {
  await gepubliceerdeHulpvraag(server);
  await gepubliceerdeHulpvraag(server, { urgentie: "spoed" });
  await inloggen(page, CONSULENT);
  const tabel = page.getByTestId("hulpvragen");
  const kop = tabel.getByRole("columnheader", { name: /Urgentie/ });
  await expect(kop).toHaveAttribute("aria-sort", "none");
  const knop = kop.getByRole("button");
  await knop.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sorteer=urgentie%3Aop/);
  await expect(kop).toHaveAttribute("aria-sort", "ascending");
  await expect(tabel.getByRole("row").nth(1)).toContainText("Spoed");
  // The focus stays on the header's button, so a second key press turns the order around.
  await expect(kop.getByRole("button")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/[?&]sorteer=urgentie%3Aaf/);
  await expect(kop).toHaveAttribute("aria-sort", "descending");
  await expect(tabel.getByRole("row").nth(1)).toContainText("Regulier");
  await zonderToegankelijkheidsfouten(page, ["/consulent?sorteer=urgentie%3Aaf"]);
});

test("het jaarverslag toont de cijfers met grafiek en tabel, wordt als A4 afgedrukt zonder navigatie, en is toegankelijk", async ({
  page,
}) => {
  await inloggen(page, TOEZICHT);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Jaarverslag" }).click();
  const jaar = new Date().getFullYear();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Jaarverslag toezicht ${jaar}`);
  await expect(page.getByRole("heading", { name: "Kerncijfers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Signalen" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Kerncijfers" })).toContainText("Gunningen");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Toon jaar" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(1000);
  await page.emulateMedia({ media: "screen" });
  await zonderToegankelijkheidsfouten(page, ["/toezicht/jaarverslag", "/toezicht"]);
});
