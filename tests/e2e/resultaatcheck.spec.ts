import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, eigenBrowser } from "./fixtures";
import { ditSchermZonderToegankelijkheidsfouten } from "./toegankelijk";
import { startServer } from "../support/server";

/**
 * The follow-up round in the browser (issue 16, items 5 and 7), on the demo's awarded request
 * whose care started four months ago: the clock opens its 3-month check at the start, the
 * consulent hands over the code, the client answers on a phone (and without JavaScript), the
 * consulent reads the answers and records her own view.
 */
const PAD = "/consulent/hulpvragen/hv_demo_resultaat/resultaten";

async function zonderZijwaartsScrollen(page: Page) {
  const breed = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(breed, `${page.url()} scrolt ${breed} px zijwaarts`).toBeLessThanOrEqual(0);
}

async function openCode(page: Page, code: string) {
  await page.goto("/uitnodiging");
  await page.getByLabel("Uw code").fill(code);
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await page.waitForURL("**/client/resultaten");
}

test("de cliënt vult de resultaatcheck in op een telefoon en zonder JavaScript; de consulent leest de antwoorden en legt haar oordeel vast", async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const server = await startServer({ env: { SEED_DEMO_VOORBEELD: "true" } });
  const fouten: string[] = [];
  const baseURL = server.url.replace("127.0.0.1", "localhost");
  try {
    // The consulent, on a desktop: the check is open and, without an e-mail address, shows its code and letter.
    const consulent = await eigenBrowser(browser, fouten);
    const cp = consulent.page;
    await cp.setViewportSize({ width: 1280, height: 900 });
    await cp.goto(`${baseURL}/inloggen`);
    await cp.getByLabel("E-mailadres").fill("consulent@winterswijk.demo");
    await cp.getByLabel("Wachtwoord").fill("zorgveiling-demo");
    await cp.getByRole("button", { name: "Inloggen" }).click();
    await cp.waitForURL((u) => !u.pathname.startsWith("/inloggen"));
    // Her start page says a check waits for her; the request page links to it too.
    for (let i = 0; i < 20 && !(await cp.getByTestId("checks-wachten").count()); i++) {
      await cp.waitForTimeout(250);
      await cp.goto(`${baseURL}/consulent`);
    }
    await expect(cp.getByTestId("checks-wachten")).toContainText("check na 3 maanden: geef de cliënt de code");
    await ditSchermZonderToegankelijkheidsfouten(cp);
    await cp.goto(`${baseURL}/consulent/hulpvragen/hv_demo_resultaat`);
    await cp.getByTestId("naar-resultaten").click();
    await cp.waitForURL(`**${PAD}`);
    for (let i = 0; i < 20 && !(await cp.getByTestId("checkcode").count()); i++) {
      await cp.waitForTimeout(250);
      await cp.reload();
    }
    const code = (await cp.getByTestId("checkcode").textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(cp.getByTestId("checkbrief")).toContainText(code);
    await expect(cp.getByTestId("client-nog-niet-3")).toBeVisible();
    await ditSchermZonderToegankelijkheidsfouten(cp);
    // Printed, only the letter is on the page.
    await cp.emulateMedia({ media: "print" });
    await expect(cp.getByRole("heading", { name: "Resultaten volgen" })).toBeHidden();
    await expect(cp.getByTestId("checkbrief")).toBeVisible();
    await cp.pdf({ path: path.join(info.outputDir, "resultaatcheck-brief.pdf"), format: "A4" }).catch(() => {});
    await cp.emulateMedia({ media: "screen" });

    // The client on a phone: the questions, accessible, not wider than the screen; a half answer is refused at its question.
    const telefoon = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    const tp = await telefoon.newPage();
    tp.on("pageerror", (e) => fouten.push(`telefoon: ${e}`));
    await openCode(tp, code);
    await expect(tp.getByRole("heading", { name: "Hoe gaat het nu?" })).toBeVisible();
    await expect(tp.getByRole("group", { name: /Schoon en leefbaar huis/ })).toBeVisible();
    await ditSchermZonderToegankelijkheidsfouten(tp);
    await zonderZijwaartsScrollen(tp);
    await tp.screenshot({ path: path.join(info.outputDir, "schermen", "390-client-resultaten.png"), fullPage: true });
    const huis = tp.getByTestId("vraag-schoon_huis");
    // Keyboard: the first choice by Tab and arrow keys, as someone without a mouse would.
    await huis.getByLabel("Ja, dit is gelukt").focus();
    await tp.keyboard.press("Space");
    await expect(huis.getByLabel("Ja, dit is gelukt")).toBeChecked();
    await huis.getByLabel("Welk cijfer geeft u de hulp hierbij?").selectOption("8");
    await tp.getByRole("button", { name: "Verstuur mijn antwoorden" }).click();
    await expect(tp.getByTestId("vraag-schone_kleding")).toContainText("Kies: bereikt, een beetje of niet.");
    await ditSchermZonderToegankelijkheidsfouten(tp);

    // The same code in a browser without JavaScript, on a desktop: the whole check, posted as a plain form.
    const zonderJs = await browser.newContext({
      baseURL,
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const zp = await zonderJs.newPage();
    await openCode(zp, code);
    for (const [vraag, keuze, cijfer] of [
      ["vraag-schoon_huis", "Ja, dit is gelukt", "8"],
      ["vraag-schone_kleding", "Een beetje", "6"],
    ] as const) {
      const v = zp.getByTestId(vraag);
      await v.getByLabel(keuze).check();
      await v.getByLabel("Welk cijfer geeft u de hulp hierbij?").selectOption(cijfer);
    }
    await zp
      .getByTestId("vraag-schone_kleding")
      .getByLabel("Wilt u nog iets vertellen? (mag leeg blijven)")
      .fill("De handdoeken blijven soms liggen.");
    await zp.getByRole("button", { name: "Verstuur mijn antwoorden" }).click();
    await expect(zp.getByTestId("bedankt")).toBeVisible();
    await expect(zp.getByText("Schone en draagbare kleding: een beetje bereikt, cijfer 6")).toBeVisible();

    // Back on the phone: answered once, now thanked; at 1280 px the same page is clean too.
    await tp.reload();
    await expect(tp.getByTestId("bedankt")).toBeVisible();
    await ditSchermZonderToegankelijkheidsfouten(tp);
    await zonderZijwaartsScrollen(tp);
    await tp.setViewportSize({ width: 1280, height: 900 });
    await ditSchermZonderToegankelijkheidsfouten(tp);

    // The consulent sees the answers and records her professional view on the same scale.
    await cp.reload();
    const antwoorden = cp.getByTestId("client-antwoorden-3");
    await expect(antwoorden).toContainText("De handdoeken blijven soms liggen.");
    await expect(antwoorden).toContainText("een beetje bereikt");
    await expect(cp.getByTestId("checkcode")).toHaveCount(0);
    const check = cp.getByTestId("check-3");
    for (const [vraag, keuze, cijfer] of [
      ["vraag-schoon_huis", "Bereikt", "8"],
      ["vraag-schone_kleding", "Deels bereikt", "7"],
    ] as const) {
      const v = check.getByTestId(vraag);
      await v.getByLabel(keuze, { exact: true }).check();
      await v.getByLabel("Cijfer voor de ondersteuning bij dit resultaat").selectOption(cijfer);
    }
    await check.getByRole("button", { name: "Oordeel vastleggen" }).click();
    await expect(cp.getByText("Uw oordeel is vastgelegd.")).toBeVisible();
    await expect(check.getByTestId("vraag-schone_kleding").getByLabel("Deels bereikt", { exact: true })).toBeChecked();
    await ditSchermZonderToegankelijkheidsfouten(cp);
    await cp.setViewportSize({ width: 390, height: 844 });
    await ditSchermZonderToegankelijkheidsfouten(cp);
    await zonderZijwaartsScrollen(cp);
    await cp.screenshot({
      path: path.join(info.outputDir, "schermen", "390-consulent-resultaten.png"),
      fullPage: true,
    });

    await Promise.all([consulent.context.close(), telefoon.close(), zonderJs.close()]);
    expect(fouten).toEqual([]);
  } finally {
    await server.stop();
  }
});
