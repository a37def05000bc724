import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

async function schendingen(page: Page, waar: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return r.violations.map(
    (v) =>
      `${waar}: ${v.id} (${v.help}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}

/** Every WCAG 2.2 A/AA rule axe can check automatically, on each page; a violation names the page and the element. */
export async function zonderToegankelijkheidsfouten(page: Page, paden: string[]) {
  const fouten: string[] = [];
  for (const pad of paden) {
    await page.goto(pad);
    fouten.push(...(await schendingen(page, pad)));
  }
  expect(fouten).toEqual([]);
}

/** The page as it is now, e.g. a form showing its refusals. */
export async function ditSchermZonderToegankelijkheidsfouten(page: Page) {
  expect(await schendingen(page, page.url())).toEqual([]);
}
