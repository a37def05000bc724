import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every WCAG 2.2 A/AA rule axe can check automatically, on each page; a violation names the page and the element. */
export async function zonderToegankelijkheidsfouten(page: Page, paden: string[]) {
  const fouten: string[] = [];
  for (const pad of paden) {
    await page.goto(pad);
    const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    for (const v of r.violations) fouten.push(`${pad}: ${v.id} (${v.help}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  }
  expect(fouten).toEqual([]);
}
