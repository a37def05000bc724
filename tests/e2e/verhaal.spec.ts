import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, eigenBrowser, liveVerbonden } from "./fixtures";
import { CONSULENT, maakClient } from "../support/fabriek";
import { BEGELEIDING, THUISZORG, WELZIJN } from "../support/demo";
import type { TestServer } from "../support/server";
import { zonderToegankelijkheidsfouten } from "./toegankelijk";

const HUIS = "Schoon en leefbaar huis";
const REGIE = "Regie over het eigen leven en de eigen financiën";
const MOTIVATIE = "Dit aanbod werkt het meest gericht aan grip op post en geld, en de cliënt koos het zelf.";

/** Amsterdam wall-clock time as a datetime-local value: what the consulent types. */
function amsterdamLokaal(d: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Amsterdam",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Marks the page; `nietHerladen` proves later that what changed came in live. */
const markeer = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { zonderHerladen: boolean }).zonderHerladen = true;
  });
const nietHerladen = async (page: Page) =>
  expect(await page.evaluate(() => (window as unknown as { zonderHerladen?: boolean }).zonderHerladen)).toBe(true);

async function dienIn(
  page: Page,
  hulpvraagId: string,
  o: { categorie: string; resultaat: string; prijs: string; cao: string; samenvatting: string },
) {
  await page.goto(`/aanbieder/hulpvragen/${hulpvraagId}`);
  await liveVerbonden(page);
  const onderdeel = page.getByTestId("onderdeel-0");
  // The category's monthly code (outputgericht, one result a month): the price per eenheid is the monthly price.
  await onderdeel.getByLabel("Productcode").selectOption(`${o.categorie}W01`);
  await onderdeel
    .getByLabel("Wat gaat u doen, en hoe bereikt dat het resultaat?")
    .fill(`Vaste medewerker, elke week, gericht op: ${o.resultaat.toLowerCase()}.`);
  await onderdeel.getByLabel(o.resultaat).check();
  await onderdeel.getByLabel("Omvang (aantal eenheden)").fill("1");
  await onderdeel.getByLabel("Prijs per eenheid in euro").fill(o.prijs);
  await page.getByLabel("Cao waaronder het personeel werkt").selectOption(o.cao);
  await page.getByLabel("Samenvatting voor de cliënt").fill(o.samenvatting);
  await page.getByRole("button", { name: "Aanbieding indienen" }).click();
  await expect(page.getByText("Uw aanbieding is ingediend.")).toBeVisible();
  return new URL(page.url()).searchParams.get("aanbieding")!;
}

/** The consortium bids through its penvoerder's API client: the third offer the consulent compares. */
async function consortiumBiedt(server: TestServer, hulpvraagId: string) {
  const token = await server.token(BEGELEIDING);
  const h = (await server.api("GET", `/api/v1/requests/${hulpvraagId}`, { token })).body;
  const eind = new Date(`${h.startdatum}T00:00:00Z`);
  eind.setUTCFullYear(eind.getUTCFullYear() + 1);
  eind.setUTCDate(eind.getUTCDate() - 1);
  const r = await server.api("POST", `/api/v1/requests/${hulpvraagId}/offers`, {
    token,
    body: {
      consortiumId: "co_samen_thuis",
      startdatum: h.startdatum,
      einddatum: eind.toISOString().slice(0, 10),
      cao: "sociaal_werk",
      dienstverband: "loondienst",
      overnameHulpverlener: false,
      samenvatting: "Twee organisaties helpen u samen: met het huis en met de post.",
      componenten: [
        {
          aanbiederId: "ab_thuiszorg_achterhoek",
          productcode: "01W01",
          omschrijving: "Wekelijks schoonmaken.",
          resultaten: ["schoon_huis"],
          omvang: 1,
          prijsPerEenheidCent: 43_000,
        },
        {
          aanbiederId: "ab_begeleiding_oost",
          productcode: "02W01",
          omschrijving: "Elke week samen de post doornemen.",
          resultaten: ["regie_financien"],
          omvang: 1,
          prijsPerEenheidCent: 58_000,
        },
      ],
    },
  });
  expect(r.status, r.text).toBe(201);
}

async function download(page: Page, link: RegExp) {
  const [bestand] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  return { naam: bestand.suggestedFilename(), inhoud: readFileSync((await bestand.path())!, "utf8") };
}

test("het hele verhaal: publiceren, live bieden, de cliënt kiest mee, gunnen, toewijzing downloaden, uitkomst live bij de aanbieders", async ({
  browser,
  server,
}) => {
  // The deadline is real time: typed to the minute, 75–135 s ahead, and the story around it needs about a minute more.
  test.setTimeout(300_000);
  const fouten: string[] = [];
  const clientId = await maakClient(server, CONSULENT, {
    naam: "Johanna Berendina Klein Gunnewiek",
    voorletters: "JB",
    achternaam: "Klein Gunnewiek",
  });
  const [consulent, thuiszorg, welzijn, client] = await Promise.all([
    eigenBrowser(browser, fouten, CONSULENT),
    eigenBrowser(browser, fouten, THUISZORG),
    eigenBrowser(browser, fouten, WELZIJN),
    eigenBrowser(browser, fouten),
  ]);
  const c = consulent.page;

  // 1. The consulent writes the request after the keukentafelgesprek and publishes it with a short deadline.
  await c.goto(`/consulent/nieuw?client=${clientId}`);
  await c.getByRole("checkbox", { name: HUIS }).check();
  await c.getByLabel(`Toelichting bij ${HUIS}`).fill("Het huis is schoon en veilig; de cliënt doet zelf de afwas.");
  await c.getByRole("checkbox", { name: REGIE }).check();
  await c.getByLabel(`Toelichting bij ${REGIE}`).fill("Grip op post, rekeningen en afspraken.");
  await c.getByRole("checkbox", { name: "01 Hulp bij het huishouden" }).check();
  await c.getByRole("checkbox", { name: "02 Begeleiding" }).check();
  await c.getByLabel("Regio").fill("7102");
  await c.getByLabel("Leeftijd").selectOption("75-84");
  await c.getByRole("radio", { name: "Alleenstaand" }).check();
  await c.getByLabel("Gewenste startdatum").fill(new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10));
  await c.getByLabel("Duur in maanden").fill("12");
  const deadline = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  await c.getByLabel("Reactietermijn tot (niet verplicht)").fill(amsterdamLokaal(deadline));
  await c.getByRole("button", { name: "Opslaan als concept" }).click();
  await expect(c).toHaveURL(/\/consulent\/hulpvragen\/hv_/);
  const id = new URL(c.url()).pathname.split("/").pop()!;
  await c.getByRole("button", { name: "Publiceren" }).click();
  await expect(c.getByTestId("status")).toHaveText("Open voor aanbiedingen");
  await liveVerbonden(c);
  await markeer(c);

  // 2. Two aanbieders bid in their own browsers, the consortium through its API; the consulent sees each arrive.
  const vergelijking = c.getByTestId("vergelijking");
  const verliezendAanbod = await dienIn(thuiszorg.page, id, {
    categorie: "01",
    resultaat: HUIS,
    prijs: "450",
    cao: "hht",
    samenvatting: "Elke week maakt dezelfde hulp uw huis schoon.",
  });
  await expect(vergelijking).toContainText("Thuiszorg Achterhoek");
  const winnendAanbod = await dienIn(welzijn.page, id, {
    categorie: "02",
    resultaat: REGIE,
    prijs: "600",
    cao: "sociaal_werk",
    samenvatting: "Een vaste begeleider helpt u elke week met post en geld.",
  });
  await expect(vergelijking).toContainText("Welzijn Winterswijk");
  await consortiumBiedt(server, id);
  await expect(vergelijking).toContainText("Samen Thuis Achterhoek (consortium, penvoerder Begeleiding Oost)");
  await expect(c.getByTestId("aankondiging")).toHaveText(
    "Nieuwe aanbieding van Samen Thuis Achterhoek (consortium, penvoerder Begeleiding Oost).",
  );

  // The loser waits on its request page, the winner on its offers list: both should change by themselves.
  await thuiszorg.page.goto(`/aanbieder/hulpvragen/${id}`);
  await liveVerbonden(thuiszorg.page);
  await markeer(thuiszorg.page);
  await welzijn.page.goto("/aanbieder/aanbiedingen");
  await liveVerbonden(welzijn.page);
  await markeer(welzijn.page);

  // 3. The consulent invites the client with a mantelzorger; the code is shown once, large.
  await c.getByLabel("Wie helpt de cliënt kiezen? (niet verplicht)").fill("dochter (mantelzorger)");
  await c.getByRole("button", { name: "Uitnodiging maken" }).click();
  const code = (await c.getByTestId("uitnodigingscode").textContent())!.trim();
  expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}$/);
  await expect(c.getByTestId("uitnodigingslink")).toHaveAttribute("href", new RegExp(`/uitnodiging\\?code=${code}$`));
  await expect(c.getByRole("table", { name: "Uitnodigingen voor deze hulpvraag" })).toContainText(
    "De cliënt en dochter (mantelzorger)",
  );
  await liveVerbonden(c);
  await markeer(c);

  // 4. The client, in a fourth browser, opens the invite and prefers Welzijn Winterswijk.
  const k = client.page;
  await k.goto("/uitnodiging");
  await k.getByLabel("Uw code").fill(code);
  await k.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await expect(k).toHaveURL(/\/client/);
  const voorkeurGroep = k.getByRole("group", { name: "Welk aanbod vindt u het beste?" });
  await voorkeurGroep.getByRole("radio", { name: /Welzijn Winterswijk/ }).check();
  await k
    .getByLabel("Wilt u er iets over zeggen? (Dit mag leeg blijven.)")
    .fill("Met de post wil ik echt hulp. Schoonmaken lukt met mijn dochter.");
  await k.getByRole("button", { name: "Bewaar mijn voorkeur" }).click();
  await expect(k.getByText(/Uw voorkeur is bewaard/)).toBeVisible();

  const clientKeuze = c.getByTestId("voorkeur-client");
  await expect(clientKeuze).toContainText("De cliënt kiest: Welzijn Winterswijk");
  await expect(clientKeuze).toContainText("Met de post wil ik echt hulp.");
  await expect(c.getByTestId("aankondiging")).toHaveText("De cliënt heeft een voorkeur doorgegeven.");

  // 5. At the deadline the server closes the round and the page moves on by itself.
  await expect(c.getByTestId("status")).toHaveText("In beoordeling", {
    timeout: deadline.getTime() - Date.now() + 15_000,
  });
  await nietHerladen(c);
  const keuze = c.getByRole("group", { name: "Welk aanbod kiest u?" });
  await expect(keuze.getByRole("radio")).toHaveCount(4);

  // Choosing differently from the client needs a written motivation (rule 7): refused at the field.
  await keuze.getByRole("radio", { name: /^Thuiszorg Achterhoek/ }).check();
  await c.getByRole("button", { name: "Keuze vastleggen" }).click();
  const motivatie = c.getByLabel("Motivatie", { exact: true });
  await expect(motivatie).toHaveAttribute("aria-invalid", "true");
  await expect(motivatie).toHaveAccessibleDescription(/De cliënt koos iets anders/);

  await keuze.getByRole("radio", { name: /^Welzijn Winterswijk.*voorkeur van de cliënt/ }).check();
  await c.getByRole("button", { name: "Keuze vastleggen" }).click();
  await expect(c.getByText("Uw keuze is vastgelegd.")).toBeVisible();
  await expect(c.getByTestId("status")).toHaveText("Keuze gemaakt");

  // 6. The award: a second, explicit step, with the motivation the aanbieders read.
  await c.getByText("Gunnen…").click();
  await c.getByLabel("Korte motivatie voor de aanbieders").fill(MOTIVATIE);
  await c.getByRole("button", { name: "Ja, gun dit aanbod" }).click();
  await expect(c.getByTestId("status")).toHaveText("Gegund");
  await expect(c.getByTestId("uitkomst")).toContainText("Gegund aan Welzijn Winterswijk");
  await expect(c.getByTestId("uitkomst")).toContainText(MOTIVATIE);

  const xml = await download(c, /WMO301/);
  expect(xml.naam).toMatch(/^wmo301-tw_.+\.xml$/);
  expect(xml.inhoud).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\r\n<wmo301:Bericht /);
  expect(xml.inhoud).toContain("<iwmo:Achternaam>Klein Gunnewiek</iwmo:Achternaam>");
  expect(xml.inhoud).toContain("98000004"); // AGB of Welzijn Winterswijk
  const csv = await download(c, /CSV/);
  expect(csv.inhoud.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(
    /^"toewijzingId";"gemeenteCode";"bsn";"clientNaam";/,
  );
  expect(csv.inhoud).toContain("Johanna Berendina Klein Gunnewiek");
  const ocds = JSON.parse((await download(c, /OCDS/)).inhoud);
  expect(ocds.awards[0].suppliers.map((s: { name: string }) => s.name)).toEqual(["Welzijn Winterswijk"]);
  expect(JSON.stringify(ocds)).not.toContain("Klein Gunnewiek");

  // 7. The losing and the winning aanbieder see their outcome without reloading, with the motivation.
  const afgewezen = thuiszorg.page.getByTestId(`aanbieding-${verliezendAanbod}`);
  await expect(afgewezen).toContainText("Uw aanbieding is afgewezen");
  await expect(afgewezen).toContainText(MOTIVATIE);
  await nietHerladen(thuiszorg.page);
  const gewonnen = welzijn.page.getByTestId(`aanbieding-${winnendAanbod}`);
  await expect(gewonnen).toContainText("Gegund");
  await expect(gewonnen).toContainText(MOTIVATIE);
  await nietHerladen(welzijn.page);

  // And the other way round, after navigating: the list for the loser, the request page for the winner.
  await thuiszorg.page.getByRole("link", { name: "Mijn aanbiedingen" }).click();
  const verloren = thuiszorg.page.getByTestId(`aanbieding-${verliezendAanbod}`);
  await expect(verloren).toContainText("Niet gekozen");
  await expect(verloren).toContainText(MOTIVATIE);
  await gewonnen.getByRole("link").click();
  await expect(welzijn.page.getByTestId(`aanbieding-${winnendAanbod}`)).toContainText("Uw aanbieding is gegund.");

  // The finished round, as each side reads it, within what axe can check of WCAG 2.2 AA.
  await zonderToegankelijkheidsfouten(c, [`/consulent/hulpvragen/${id}`]);
  await zonderToegankelijkheidsfouten(thuiszorg.page, [`/aanbieder/hulpvragen/${id}`, "/aanbieder/aanbiedingen"]);

  for (const d of [consulent, thuiszorg, welzijn, client]) await d.context.close();
  expect(fouten, "fouten in de browserconsoles").toEqual([]);
});
