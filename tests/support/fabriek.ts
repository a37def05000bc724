import { io, type Socket } from "socket.io-client";
import type { TestServer } from "./server";
import type { LiveBerichten, LiveEvent, LiveEventType } from "../../realtime/events";

import { CONSULENT } from "./demo";
export { CONSULENT, CONSULENT_AALTEN } from "./demo";

let volgnummer = 0;

export const clientInvoer = (over: Record<string, unknown> = {}) => ({
  naam: "Geertruida Hendrika Wolters",
  voorletters: "GH",
  achternaam: "Wolters",
  geslacht: "2",
  bsn: "111222333",
  straat: "Meddosestraat",
  huisnummer: "14",
  postcode: "7101 AB",
  woonplaats: "Winterswijk",
  geboortedatum: "1941-03-12",
  ...over,
});

export async function maakClient(
  server: TestServer,
  email = CONSULENT,
  over: Record<string, unknown> = {},
): Promise<string> {
  const r = await server.api("POST", "/api/v1/clients", { token: await server.token(email), body: clientInvoer(over) });
  if (r.status !== 201) throw new Error(`cliënt aanmaken: ${r.status} ${r.text}`);
  return r.body.id;
}

export const hulpvraagInvoer = (clientId: string, over: Record<string, unknown> = {}) => ({
  clientId,
  regio: "7101",
  leeftijdsklasse: "75-84",
  huishouden: "alleenstaand",
  toelichting: `Woont zelfstandig en wil dat graag blijven doen (${++volgnummer}).`,
  resultaten: [{ code: "schoon_huis", toelichting: "Het huis is schoon en veilig; de cliënt doet zelf de afwas." }],
  productcategorieen: ["01"],
  startdatum: new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10),
  duurMaanden: 12,
  ...over,
});

/** A published request of the demo gemeente Winterswijk; returns its id. */
export async function gepubliceerdeHulpvraag(
  server: TestServer,
  over: Record<string, unknown> = {},
  email = CONSULENT,
): Promise<string> {
  const token = await server.token(email);
  const clientId = await maakClient(server, email);
  const r = await server.api("POST", "/api/v1/requests", { token, body: hulpvraagInvoer(clientId, over) });
  if (r.status !== 201) throw new Error(`hulpvraag aanmaken: ${r.status} ${r.text}`);
  const p = await server.api("POST", `/api/v1/requests/${r.body.id}/publish`, { token });
  if (p.status !== 200) throw new Error(`publiceren: ${p.status} ${p.text}`);
  return r.body.id;
}

/** A socket with a bearer token that records every live event it hears: a staff member's (by e-mail) or `{ token }` (a client's). */
export async function luisteraar(server: TestServer, wie: string | { token: string }) {
  const token = typeof wie === "string" ? await server.token(wie) : wie.token;
  const socket: Socket = io(server.url, { transports: ["websocket"], reconnection: false, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", resolve);
    socket.on("connect_error", reject);
  });
  const events: LiveEvent[] = [];
  socket.on("live", (e: LiveEvent) => events.push(e));
  return {
    socket,
    events,
    /** Waits for the first event of this type whose payload matches, or fails after `ms`. */
    wacht: <T extends LiveEventType>(type: T, past: (payload: LiveBerichten[T]) => boolean, ms = 3000) =>
      new Promise<Extract<LiveEvent, { type: T }>>((resolve, reject) => {
        const isHet = (e: LiveEvent): e is Extract<LiveEvent, { type: T }> =>
          e.type === type && past(e.payload as LiveBerichten[T]);
        const gevonden = events.find(isHet);
        if (gevonden) return resolve(gevonden);
        const timer = setTimeout(() => reject(new Error(`geen passend live event ${type} ontvangen`)), ms);
        socket.on("live", (e: LiveEvent) => {
          if (isHet(e)) {
            clearTimeout(timer);
            resolve(e);
          }
        });
      }),
    sluit: () => socket.close(),
  };
}

export const pauze = (ms: number) => new Promise((r) => setTimeout(r, ms));
