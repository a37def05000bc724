import path from "node:path";
import { test, expect, inloggen } from "./fixtures";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";
import { gepubliceerdeHulpvraag } from "../support/fabriek";
import { AANBIEDER_BEHEERDER } from "../support/demo";
import { BEHEERDER, THUISZORG, TOEZICHT } from "../support/ronde";

/**
 * The main pages of every role on a phone (390 px) and a desktop (1280 px): axe finds nothing,
 * nothing scrolls sideways, one font family everywhere, and a screenshot of each is kept in
 * test-results/schermen/ for people to look at (not compared pixel by pixel).
 */
const BREEDTES = [390, 1280] as const;

const PAGINAS: { email: string; paden: (id: string) => string[] }[] = [
  {
    email: "consulent@winterswijk.demo",
    paden: (id) => ["/consulent", "/consulent/clienten", "/consulent/nieuw", `/consulent/hulpvragen/${id}`],
  },
  {
    email: THUISZORG,
    paden: (id) => [
      "/aanbieder",
      `/aanbieder/hulpvragen/${id}`,
      "/aanbieder/aanbiedingen",
      "/aanbieder/meldingen",
      "/aanbieder/resultaten",
    ],
  },
  {
    email: BEHEERDER,
    paden: () => [
      "/beheer",
      "/beheer/aanbieders",
      "/beheer/contracten",
      "/beheer/productcodes",
      "/beheer/personeel",
      "/beheer/regelboek",
      "/beheer/gebruikers",
      "/beheer/gedragscode",
      "/beheer/berichten",
    ],
  },
  { email: AANBIEDER_BEHEERDER, paden: () => ["/organisatie", "/organisatie/personeel", "/organisatie/gedragscodes"] },
  {
    email: TOEZICHT,
    paden: () => [
      "/toezicht",
      "/toezicht/audit",
      "/toezicht/jaarverslag",
      "/toezicht/resultaten",
      "/toezicht/personeel",
      "/toezicht/gedragscode",
    ],
  },
];

const bestandsnaam = (pad: string) =>
  pad
    .replace(/^\//, "")
    .replace(/hv_[0-9a-z]+/, "hulpvraag")
    .replace(/[^a-z0-9]+/gi, "-") || "start";

for (const breedte of BREEDTES) {
  test(`de hoofdpagina's op ${breedte} px: toegankelijk, niet breder dan het scherm, één lettertype; schermafdrukken bewaard`, async ({
    page,
    server,
  }, info) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: breedte, height: breedte === 390 ? 844 : 900 });
    const id = await gepubliceerdeHulpvraag(server);
    for (const rol of PAGINAS) {
      await page.context().clearCookies();
      await inloggen(page, rol.email);
      for (const pad of rol.paden(id)) {
        await zonderToegankelijkheidsfouten(page, [pad]);
        const breed = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect.soft(breed, `${pad} scrolt ${breed} px zijwaarts op ${breedte} px`).toBeLessThanOrEqual(0);
        // Every text element in one family (code blocks aside): no fallback to a serif font.
        const families = await page.evaluate(() => [
          ...new Set(
            [...document.querySelectorAll("body *:not(pre):not(code):not(script):not(style)")]
              .filter(
                (e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
              )
              .filter((e) => !e.closest(".zv-code, #veld-code, pre"))
              .map((e) => getComputedStyle(e).fontFamily),
          ),
        ]);
        expect.soft(families, `${pad}: lettertypen`).toHaveLength(1);
        expect.soft(families[0]).not.toMatch(/^("?Times|serif)/);
        await page.screenshot({
          path: path.join(info.project.outputDir, "schermen", `${breedte}-${bestandsnaam(pad)}.png`),
          fullPage: true,
        });
      }
    }
  });
}

test("nieuwe hulpvraag: de toelichting bij een resultaat verschijnt pas als het is aangevinkt, ook zonder JavaScript", async ({
  browser,
  server,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: server.url.replace("127.0.0.1", "localhost"),
  });
  const page = await context.newPage();
  await inloggen(page, "consulent@winterswijk.demo");
  await page.goto("/consulent/nieuw");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: path.join(test.info().project.outputDir, "schermen", "zonder-js-nieuw.png") });
  await expect(page.locator(".zv-resultaat").first()).toBeVisible();
  const toelichting = page.getByLabel(/^Toelichting bij /);
  await expect(toelichting.first()).toBeHidden();
  expect(
    await toelichting.evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length),
  ).toBe(0);
  const eerste = page.locator(".zv-resultaat").first();
  await eerste.getByRole("checkbox").check();
  await expect(eerste.getByLabel(/^Toelichting bij /)).toBeVisible();
  await context.close();
});

test("de uitnodigingsbrief: afgedrukt staat alleen de brief met code en adres op het papier", async ({
  page,
  server,
}) => {
  const id = await gepubliceerdeHulpvraag(server);
  await inloggen(page, "consulent@winterswijk.demo");
  await page.goto(`/consulent/hulpvragen/${id}`);
  await page.getByRole("button", { name: "Uitnodiging maken" }).click();
  const code = (await page.getByTestId("uitnodigingscode").textContent())!.trim();
  const brief = page.getByTestId("uitnodigingsbrief");
  await expect(brief).toContainText(code);
  await expect(brief).toContainText("/uitnodiging");
  await page.emulateMedia({ media: "print" });
  await expect(brief).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
  await page.pdf({ path: path.join(test.info().project.outputDir, "schermen", "uitnodigingsbrief.pdf"), format: "A4" });
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
