import assert from "node:assert/strict";
import { CONSULENT, gepubliceerdeHulpvraag, pauze } from "./fabriek";
import type { TestServer } from "./server";

import { BEGELEIDING, MAANDCODE, THUISZORG, tariefVan } from "./demo";
export { BEGELEIDING, BEHEERDER, THUISZORG, TOEZICHT, WELZIJN } from "./demo";

const startdatum = () => new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10);
const eenJaarLater = (start: string) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * An offer that passes rules 1–4: one component with the monthly code of `categorie` (one result
 * a month), just above its reëel tarief; `component` overrides that component.
 */
export const aanbod = (
  aanbiederId: string,
  categorie: "01" | "02",
  over: Record<string, unknown> = {},
  component: Record<string, unknown> = {},
) => ({
  startdatum: startdatum(),
  einddatum: eenJaarLater(startdatum()),
  cao: categorie === "01" ? "vvt" : "sociaal_werk",
  dienstverband: "loondienst",
  overnameHulpverlener: false,
  samenvatting:
    categorie === "01"
      ? "Wij maken elke week het huis schoon, samen met u."
      : "Een vaste begeleider helpt u met post, geld en afspraken.",
  componenten: [
    {
      aanbiederId,
      productcode: MAANDCODE[categorie],
      omschrijving:
        categorie === "01" ? "Wekelijkse schoonmaak van het hele huis." : "Twee keer per week begeleiding thuis.",
      resultaten: [categorie === "01" ? "schoon_huis" : "regie_financien"],
      omvang: 1,
      prijsPerEenheidCent: tariefVan(MAANDCODE[categorie]) + 2500,
      ...component,
    },
  ],
  ...over,
});

export type Bieding = { email: string; body: unknown };

export async function wachtOpStatus(server: TestServer, id: string, status: string, ms = 12_000) {
  const token = await server.token(CONSULENT);
  const einde = Date.now() + ms;
  for (;;) {
    const r = await server.api("GET", `/api/v1/requests/${id}`, { token });
    if (r.body?.status === status) return r.body;
    if (Date.now() > einde) throw new Error(`hulpvraag ${id} bleef op ${r.body?.status}, niet ${status}`);
    await pauze(250);
  }
}

/**
 * A request for categories 01 and 02, published with a deadline a few seconds ahead, the given
 * offers submitted, and then closed by the server clock (status beoordeling). Offer ids in order.
 */
export async function rondeInBeoordeling(
  server: TestServer,
  biedingen: Bieding[],
  hulpvraag: Record<string, unknown> = {},
) {
  for (const b of [...biedingen.map((x) => x.email), CONSULENT]) await server.token(b);
  const id = await gepubliceerdeHulpvraag(server, {
    productcategorieen: ["01", "02"],
    resultaten: [
      { code: "schoon_huis", toelichting: "Een schoon huis." },
      { code: "regie_financien", toelichting: "Grip op post en geld." },
    ],
    deadline: new Date(Date.now() + 4000).toISOString(),
    ...hulpvraag,
  });
  const offers: string[] = [];
  for (const b of biedingen) {
    const r = await server.api("POST", `/api/v1/requests/${id}/offers`, {
      token: await server.token(b.email),
      body: b.body,
    });
    assert.equal(r.status, 201, r.text);
    offers.push(r.body.id);
  }
  await wachtOpStatus(server, id, "beoordeling");
  return { id, offers };
}

/** A client token for a request, through an invite as the client would get it. */
export async function clientToken(server: TestServer, hulpvraagId: string, adres = "198.51.100.1") {
  const u = await server.api("POST", `/api/v1/requests/${hulpvraagId}/invites`, {
    token: await server.token(CONSULENT),
    body: {},
  });
  assert.equal(u.status, 201, u.text);
  const s = await server.api("POST", "/api/v1/client/session", {
    body: { code: u.body.code },
    headers: { "x-forwarded-for": adres },
  });
  assert.equal(s.status, 201, s.text);
  return s.body.token as string;
}
