import { test, expect, inloggen, eigenBrowser } from "./fixtures";
import { CONSULENT } from "../support/fabriek";
import { THUISZORG, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";
import { verbind } from "../support/database";
import { lees301, retour302, stop307 } from "../support/iwmo";
import { iwmoFouten } from "../support/schemas";

const vandaag = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
const dagen = (n: number) => {
  const d = new Date(`${vandaag()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const nl = (iso: string) =>
  new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

test("na de gunning: de consulent verstuurt de WMO301 en leest de WMO302 in, de aanbieder meldt start en einde in de browser", async ({
  page,
  browser,
  server,
  fouten,
}) => {
  // An award to Thuiszorg with the gemeente's own beschikking, through the API.
  const {
    id,
    offers: [a],
  } = await rondeInBeoordeling(server, [{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }]);
  const consulent = await server.token(CONSULENT);
  await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token: await clientToken(server, id),
    body: { offerId: a },
  });
  await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: a } });
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, {
    token: consulent,
    body: { beschikkingNummer: "WSW-2026-77", beschikkingDatum: dagen(-2) },
  });
  expect(g.status, g.text).toBe(201);
  // Time passing: the care was due to start 10 days ago.
  const sql = verbind(server.databaseUrl);
  await sql`update toewijzingen set inhoud = jsonb_set(inhoud, '{componenten}',
    (select jsonb_agg(c || jsonb_build_object('startdatum', ${dagen(-10)}::text)) from jsonb_array_elements(inhoud->'componenten') c))
    where id = ${g.body.toewijzingId}`;

  // The consulent sees the beschikking, sends the 301 after confirming, and reads in the provider's 302.
  await inloggen(page, CONSULENT);
  await page.goto(`/consulent/hulpvragen/${id}`);
  await expect(page.getByTestId("beschikking")).toHaveText(`WSW-2026-77, ${nl(dagen(-2))}`);
  const keten = page.getByTestId("iwmo-keten");
  await expect(keten.getByTestId("iwmo-status")).toHaveText("Nog niet verzonden naar de aanbieder.");
  await keten.getByText("Versturen naar de aanbieder (WMO301)…").click();
  await keten.getByRole("button", { name: "Ja, verstuur de toewijzing" }).click();
  await expect(keten.getByTestId("iwmo-status")).toHaveText(/wacht op het retourbericht/);
  const [xml301] = await sql<
    { xml: string }[]
  >`select xml from iwmo_berichten where toewijzing_id = ${g.body.toewijzingId}`;
  const retour = retour302(xml301.xml, { dagtekening: vandaag() });
  expect(iwmoFouten("wmo302", retour)).toBeNull();
  await keten
    .getByLabel("Retourbericht van de aanbieder (WMO302)")
    .setInputFiles({ name: "wmo302.xml", mimeType: "application/xml", buffer: Buffer.from(retour) });
  await keten.getByRole("button", { name: "Bestand inlezen" }).click();
  await expect(keten.getByTestId("iwmo-status")).toHaveText(
    "De aanbieder heeft de toewijzing zonder fouten ontvangen.",
  );
  await expect(keten.getByTestId("iwmo-berichten")).toContainText("WMO302 retour");

  // The provider, in its own browser: downloads the 301, is refused a start before the toewijzing, then starts.
  const { context, page: aanbieder } = await eigenBrowser(browser, fouten, THUISZORG);
  await aanbieder.goto(`/aanbieder/hulpvragen/${id}`);
  const zorg = aanbieder.getByTestId("iwmo-keten");
  const download = aanbieder.waitForEvent("download");
  await zorg.getByRole("link", { name: "Download de toewijzing (WMO301, XML)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^wmo301-ZV\d{10}\.xml$/);
  await zorg.getByLabel("Datum waarop de zorg begon").fill(dagen(-11));
  await zorg.getByRole("button", { name: "Start melden" }).click();
  await expect(zorg.getByText("De zorg kan niet eerder starten dan de ingangsdatum van de toewijzing.")).toBeVisible();
  await zorg.getByLabel("Datum waarop de zorg begon").fill(dagen(-8));
  await zorg.getByRole("button", { name: "Start melden" }).click();
  await expect(zorg.getByTestId("zorg-start")).toHaveText(nl(dagen(-8)));

  // The end of care as a WMO307 file from the provider's own system.
  const stop = stop307(lees301(xml301.xml), dagen(-8), dagen(-1), "19", { dagtekening: vandaag() });
  expect(iwmoFouten("wmo307", stop)).toBeNull();
  await zorg
    .getByLabel("Of lever het stopbericht aan (WMO307)")
    .setInputFiles({ name: "wmo307.xml", mimeType: "application/xml", buffer: Buffer.from(stop) });
  await zorg.getByRole("button", { name: "Bestand inlezen" }).click();
  await expect(zorg.getByTestId("zorg-stop")).toHaveText(`${nl(dagen(-1))} (Levering volgens plan beëindigd)`);
  await expect(zorg.getByTestId("iwmo-berichten")).toContainText("WMO307 stop zorg");

  // The consulent's page shows the same.
  await page.reload();
  await expect(keten.getByTestId("zorg-start")).toHaveText(nl(dagen(-8)));
  await context.close();
  await sql.end();
});

test("de cliënt leest bij de uitkomst de beschikking en hoe bezwaar maken gaat, met de laatste dag", async ({
  page,
  server,
}) => {
  const {
    id,
    offers: [a],
  } = await rondeInBeoordeling(server, [{ email: THUISZORG, body: aanbod("ab_thuiszorg_achterhoek", "01") }]);
  const consulent = await server.token(CONSULENT);
  const u = await server.api("POST", `/api/v1/requests/${id}/invites`, { token: consulent, body: {} });
  await server.api("POST", `/api/v1/requests/${id}/choice`, {
    token: await clientToken(server, id),
    body: { offerId: a },
  });
  await server.api("POST", `/api/v1/requests/${id}/choice`, { token: consulent, body: { offerId: a } });
  const g = await server.api("POST", `/api/v1/requests/${id}/award`, {
    token: consulent,
    body: { beschikkingNummer: "WSW-2026-78", beschikkingDatum: "2026-11-20" },
  });
  expect(g.status, g.text).toBe(201);
  await page.goto("/uitnodiging");
  await page.getByLabel("Uw code").fill(u.body.code);
  await page.getByRole("button", { name: "Open mijn hulpvraag" }).click();
  await page.waitForURL(/\/client/);
  const bezwaar = page.getByTestId("bezwaar");
  await expect(bezwaar).toContainText("WSW-2026-78");
  await expect(bezwaar).toContainText("20 november 2026");
  await expect(bezwaar).toContainText("binnen zes weken: uiterlijk op 1 januari 2027");
});
