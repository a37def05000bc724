import { test, expect, inloggen } from "./fixtures";
import { ditSchermZonderToegankelijkheidsfouten, zonderToegankelijkheidsfouten } from "./toegankelijk";
import { CONSULENT } from "../support/fabriek";

test("de openbare pagina's, de foutpagina's en het aanmeldformulier met fouten hebben geen toegankelijkheidsfouten", async ({
  page,
}) => {
  await zonderToegankelijkheidsfouten(page, ["/", "/inloggen", "/toegankelijkheid", "/uitnodiging", "/bestaat-niet"]);
  await page.goto("/inloggen");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  await ditSchermZonderToegankelijkheidsfouten(page);
  await inloggen(page, CONSULENT);
  const geweigerd = await page.goto("/beheer");
  expect(geweigerd?.status()).toBe(403);
  await zonderToegankelijkheidsfouten(page, ["/beheer"]);
});

test("tekst met HTML of script wordt als tekst getoond, nooit uitgevoerd", async ({ page, server }) => {
  const token = await server.token(CONSULENT);
  const naam = `<img src=x onerror="window.geraakt=1"><script>window.geraakt=1</script> Jansen`;
  const client = await server.api("POST", "/api/v1/clients", {
    token,
    body: {
      naam,
      bsn: "111222333",
      straat: "Laan",
      huisnummer: "1",
      postcode: "7101AB",
      woonplaats: "Winterswijk",
      geboortedatum: "1950-01-01",
    },
  });
  expect(client.status).toBe(201);
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/clienten?zoek=${encodeURIComponent("Jansen")}`);
  await expect(page.getByTestId("clienten")).toContainText(naam);
  expect(await page.evaluate(() => (window as unknown as { geraakt?: number }).geraakt)).toBeUndefined();
});
