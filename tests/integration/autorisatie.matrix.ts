/**
 * The authorization matrix (issue 7, item 1): for every API endpoint, page route and socket room,
 * what each role may do. autorisatie.test.ts first checks that these keys are exactly the routes
 * the server has (openapi.json, the Remix build, realtime/events.ts feedVoor), so a new route
 * without a row here fails the test.
 *
 * The subject of a row (`{id}` / `:id`) is one of the fixtures of the test's world:
 *   R  an open request of Winterswijk, category 01, with a unique kenmerk in its toelichting;
 *   S  the own offer of Thuiszorg Achterhoek on R;
 *   K  the offer of consortium Samen Thuis on R, bid by its penvoerder Begeleiding Oost, with
 *      the 01 component delivered by member Thuiszorg Achterhoek;
 *   C  a concept request of Winterswijk;  G  an awarded (gegund) request of Winterswijk;
 *   P  the client (person) of R, in the protected register;
 *   I  an invite on R (not the one the client signed in with);  U  a consulent user of Winterswijk.
 *   UX a consulent user of Aalten;  UA a planner of Thuiszorg Achterhoek;  UB the planner of Begeleiding Oost;
 *   A  the aanbieder Thuiszorg Achterhoek (contracted by Winterswijk);  CT a contract of Winterswijk;
 *   GA the gemeente Aalten, which published a code of conduct (version 1);  GM a reported breach of it by Thuiszorg.
 *   GW the gemeente Winterswijk, whose OCDS release package holds the award G.
 *   T  the toewijzing of G (to Thuiszorg Achterhoek), its WMO301 already sent once.
 *   PO a staff transfer with a job commitment in Winterswijk (Welzijn Winterswijk to Thuiszorg), to follow up.
 *
 * Role "aanbiederBeheerder" is beheer@thuiszorg-achterhoek.demo, the aanbieder-beheerder who manages
 * Thuiszorg's own logins. User management is tried for every role on users of every kind of
 * organisation (own gemeente, other gemeente, own aanbieder, other aanbieder), including changing
 * an existing user's role or organisation: a gemeente can never make or change a provider's login.
 *
 * Role "consortiumlid" is planning@begeleiding-oost.demo: member (and penvoerder) of
 * co_samen_thuis, without a contract for category 01, so it sees R only through its consortium
 * partner. On K it is the bidder. The other side of membership, a member that is not the bidder,
 * is Thuiszorg Achterhoek on K: the K rows show it may read the consortium's offer but not revise
 * or withdraw it. On S (Thuiszorg's own bid) the consortium partner is a competitor like any other.
 */
import {
  AANBIEDER_BEHEERDER,
  BEGELEIDING,
  BEHEERDER,
  CONSULENT,
  CONSULENT_AALTEN,
  THUISZORG,
  TOEZICHT,
  ZONDER_CONTRACT,
} from "../support/demo";

export const ROLLEN = [
  "anoniem",
  "consulent",
  "consulentAnder",
  "aanbieder",
  "aanbiederZonder",
  "consortiumlid",
  "client",
  "clientAnder",
  "beheerder",
  "toezichthouder",
  "aanbiederBeheerder",
] as const;
export type Rol = (typeof ROLLEN)[number];

export const LOGIN: Partial<Record<Rol, string>> = {
  consulent: CONSULENT,
  consulentAnder: CONSULENT_AALTEN,
  aanbieder: THUISZORG,
  aanbiederZonder: ZONDER_CONTRACT,
  consortiumlid: BEGELEIDING,
  beheerder: BEHEERDER,
  toezichthouder: TOEZICHT,
  aanbiederBeheerder: AANBIEDER_BEHEERDER,
};

/**
 * Allowed cells: "ja" (any answer that is not a refusal; 409/422 mean authorization passed),
 * or allowed with what must not be in the answer: "leeg" nothing about the subject at all,
 * "anoniem" no client name, "verzegeld" no client name and nothing of S (a competitor's offer),
 * "zonderPrijs" no client name and no offer prices (the client's view).
 * Refused cells: the exact status (the answer must then be the same as for an id that does not
 * exist, and hold nothing of the subject), "ongeldig" for an id in the body outside the caller's
 * scope (422 invalid_input, the same as for an unknown id), and for pages "inloggen" /
 * "uitnodiging" (redirect to the sign-in page or the invite page).
 * Pages also know "→/pad": a plain redirect to exactly that address.
 */
export type Toegestaan = "ja" | "leeg" | "anoniem" | "verzegeld" | "zonderPrijs";
export type Geweigerd = 401 | 403 | 404 | "ongeldig" | "inloggen" | "uitnodiging";
export type Cel = Toegestaan | Geweigerd | `→/${string}`;
export const TOEGESTAAN: readonly Cel[] = ["ja", "leeg", "anoniem", "verzegeld", "zonderPrijs"];

export type Onderwerp =
  "R" | "S" | "K" | "C" | "G" | "I" | "U" | "P" | "UX" | "UA" | "UB" | "A" | "CT" | "GA" | "GM" | "GW" | "T" | "PO";

export type Rij = {
  onderwerp?: Onderwerp;
  /** State-changing: each allowed cell gets a fresh subject; refused cells must change nothing. */
  muteert?: boolean;
  /** Valid input, so that a refusal is about who asks and not about what is asked. */
  body?: Body;
  cellen: Record<Rol, Cel>;
};

/** Bodies are filled in by the test from its fixtures (ids, offer prices). */
export type Body =
  | "inloggen"
  | "client"
  | "hulpvraag"
  | "wijziging"
  | "intrekken"
  | "verlengen"
  | "aanbodS"
  | "aanbodK"
  | "uitnodiging"
  | "code"
  | "keuzeS"
  | "gunning"
  | "ronde"
  | "aanbieder"
  | "consortium"
  | "contract"
  | "contractCorrectie"
  | "gedragscode"
  | "gedragscodeAcceptatie"
  | "melding"
  | "reactie"
  | "productcode"
  | "personeelsbestand"
  | "collectieveOvername"
  | "opvolging"
  | "gebruiker"
  | "rol"
  | "regelboek"
  | "aanbiederCode"
  | "planner"
  | "plannerZonderId"
  | "plannerAnder"
  | "aanbiederBeheerderAnder"
  | "gemeenteRolBijAanbieder"
  | "rolAanbieder"
  | "rolAanbiederBeheerder"
  | "naarAndereGemeente"
  | "naarAanbieder"
  | "zorgStart"
  | "zorgStop"
  | "iwmoBericht"
  | "resultaatcheck"
  | "resultaatoordeel";

/** Cells not named are refused: 401 for anonymous callers, 403 for a role this is not for. */
function rij(
  onderwerp: Onderwerp | undefined,
  cellen: Partial<Record<Rol, Cel>>,
  opties: Omit<Rij, "onderwerp" | "cellen"> = {},
): Rij {
  return {
    onderwerp,
    ...opties,
    cellen: Object.fromEntries(ROLLEN.map((r) => [r, cellen[r] ?? (r === "anoniem" ? 401 : 403)])) as Record<Rol, Cel>,
  };
}
const iedereen = (cel: Cel, behalveAnoniem?: Cel): Partial<Record<Rol, Cel>> =>
  Object.fromEntries(ROLLEN.map((r) => [r, r === "anoniem" && behalveAnoniem ? behalveAnoniem : cel]));
const STAF = {
  consulent: "ja",
  consulentAnder: "ja",
  aanbieder: "ja",
  aanbiederZonder: "ja",
  consortiumlid: "ja",
  beheerder: "ja",
  toezichthouder: "ja",
} as const;
const GEMEENTE_LEEST = { consulent: "ja", consulentAnder: 404, beheerder: "ja", toezichthouder: "ja" } as const;

/** An offer as its readers see it; the consortium's offer (K) differs only for the consortium. */
const aanbodLezen = (k: boolean): Partial<Record<Rol, Cel>> => ({
  ...GEMEENTE_LEEST,
  aanbieder: "ja",
  aanbiederZonder: 404,
  consortiumlid: k ? "ja" : 404,
  client: "zonderPrijs",
  clientAnder: 404,
  aanbiederBeheerder: 404,
});
/** Only the bidder changes an offer: Thuiszorg its own S, the penvoerder the consortium's K. */
const aanbodWijzigen = (k: boolean): Partial<Record<Rol, Cel>> => ({
  aanbieder: k ? 404 : "ja",
  aanbiederZonder: 404,
  consortiumlid: k ? "ja" : 404,
});
const consulentMuteert = { consulent: "ja", consulentAnder: 404 } as const;

/** Key: "METHOD /api/v1/path/{param}", as openapi.json lists them. One or more cases per key. */
export const API: Record<string, Rij[]> = {
  "POST /api/v1/auth/token": [rij(undefined, iedereen("ja"), { body: "inloggen" })],
  "DELETE /api/v1/auth/token": [rij(undefined, iedereen("ja", 401), { muteert: true })],
  "GET /api/v1/me": [rij(undefined, iedereen("ja", 401))],

  "POST /api/v1/clients": [
    rij(undefined, { consulent: "ja", consulentAnder: "ja" }, { muteert: true, body: "client" }),
  ],
  // The AVG access request: everything about one client, for the staff of that gemeente who handle it.
  "GET /api/v1/clients/{id}/export": [rij("P", { consulent: "ja", consulentAnder: 404, beheerder: "ja" })],
  "POST /api/v1/requests": [
    rij(undefined, { consulent: "ja", consulentAnder: "ongeldig" }, { muteert: true, body: "hulpvraag" }),
  ],
  "GET /api/v1/requests": [
    rij(undefined, {
      consulent: "ja",
      consulentAnder: "leeg",
      aanbieder: "anoniem",
      aanbiederZonder: "leeg",
      consortiumlid: "anoniem",
      beheerder: "ja",
      toezichthouder: "anoniem",
    }),
  ],
  "GET /api/v1/requests/{id}": [
    rij("R", {
      ...GEMEENTE_LEEST,
      toezichthouder: "anoniem",
      aanbieder: "anoniem",
      aanbiederZonder: 404,
      consortiumlid: "anoniem",
      client: "anoniem",
      clientAnder: 404,
    }),
  ],
  "PATCH /api/v1/requests/{id}": [rij("C", consulentMuteert, { muteert: true, body: "wijziging" })],
  "GET /api/v1/requests/{id}/history": [rij("R", GEMEENTE_LEEST)],
  "POST /api/v1/requests/{id}/publish": [rij("C", consulentMuteert, { muteert: true })],
  "POST /api/v1/requests/{id}/withdraw": [rij("R", consulentMuteert, { muteert: true, body: "intrekken" })],
  "POST /api/v1/requests/{id}/extend": [rij("R", consulentMuteert, { muteert: true, body: "verlengen" })],

  "POST /api/v1/requests/{id}/offers": [
    rij("R", { aanbieder: "ja", aanbiederZonder: 404, consortiumlid: "ja" }, { muteert: true, body: "aanbodS" }),
  ],
  "GET /api/v1/requests/{id}/offers": [
    rij("R", {
      ...GEMEENTE_LEEST,
      aanbieder: "ja",
      aanbiederZonder: 404,
      consortiumlid: "verzegeld",
      client: "zonderPrijs",
      clientAnder: 404,
    }),
  ],
  "GET /api/v1/offers": [rij(undefined, { aanbieder: "ja", aanbiederZonder: "leeg", consortiumlid: "verzegeld" })],
  "GET /api/v1/offers/{id}": [rij("S", aanbodLezen(false)), rij("K", aanbodLezen(true))],
  // The versions hold the prices: not for the client, whose view of an offer has none.
  "GET /api/v1/offers/{id}/versions": [
    rij("S", { ...aanbodLezen(false), client: 403, clientAnder: 403, aanbiederBeheerder: 403 }),
    rij("K", { ...aanbodLezen(true), client: 403, clientAnder: 403, aanbiederBeheerder: 403 }),
  ],
  "PUT /api/v1/offers/{id}": [
    rij("S", aanbodWijzigen(false), { muteert: true, body: "aanbodS" }),
    rij("K", aanbodWijzigen(true), { muteert: true, body: "aanbodK" }),
  ],
  "POST /api/v1/offers/{id}/withdraw": [
    rij("S", aanbodWijzigen(false), { muteert: true }),
    rij("K", aanbodWijzigen(true), { muteert: true }),
  ],

  "POST /api/v1/requests/{id}/invites": [rij("R", consulentMuteert, { muteert: true, body: "uitnodiging" })],
  "GET /api/v1/requests/{id}/invites": [rij("R", { consulent: "ja", consulentAnder: 404 })],
  "POST /api/v1/invites/{id}/revoke": [rij("I", consulentMuteert, { muteert: true })],
  "POST /api/v1/client/session": [rij(undefined, iedereen("ja"), { muteert: true, body: "code" })],
  "DELETE /api/v1/client/session": [rij(undefined, iedereen("ja", 401), { muteert: true })],
  "GET /api/v1/requests/{id}/choice": [rij("R", { ...GEMEENTE_LEEST, client: "ja", clientAnder: 404 })],
  "POST /api/v1/requests/{id}/choice": [
    rij("R", { ...consulentMuteert, client: "ja", clientAnder: 404 }, { muteert: true, body: "keuzeS" }),
  ],
  // Four eyes: a consulent of the gemeente (the open R has nothing to confirm: 422, authorization passed); never a client.
  "POST /api/v1/requests/{id}/choice/review": [rij("R", consulentMuteert, { muteert: true })],
  "POST /api/v1/requests/{id}/award": [rij("R", consulentMuteert, { muteert: true, body: "gunning" })],
  "POST /api/v1/requests/{id}/rounds": [rij("R", consulentMuteert, { muteert: true, body: "ronde" })],

  "GET /api/v1/requests/{id}/toewijzing": [rij("G", { consulent: "ja", consulentAnder: 404, beheerder: "ja" })],
  // Open contracting: the award without personal data is public to the gemeente's staff and every provider;
  // its price only to the staff and the winner (Thuiszorg won G) until the regelboek's delay is over.
  "GET /api/v1/requests/{id}/ocds": [
    rij("G", {
      ...GEMEENTE_LEEST,
      aanbieder: "anoniem",
      aanbiederZonder: "zonderPrijs",
      consortiumlid: "zonderPrijs",
    }),
  ],
  "GET /api/v1/municipalities/{id}/ocds": [
    rij("GW", {
      ...GEMEENTE_LEEST,
      aanbieder: "anoniem",
      aanbiederZonder: "zonderPrijs",
      consortiumlid: "zonderPrijs",
    }),
  ],
  // The iWmo chain of a toewijzing: the gemeente sends and takes in the retour, its provider reports start and stop.
  "GET /api/v1/toewijzingen/{id}": [
    rij("T", {
      consulent: "ja",
      consulentAnder: 404,
      beheerder: "ja",
      toezichthouder: "ja",
      aanbieder: "ja",
      aanbiederZonder: 404,
      consortiumlid: 404,
    }),
  ],
  "POST /api/v1/toewijzingen/{id}/wmo301": [
    rij("T", { consulent: "ja", consulentAnder: 404, beheerder: "ja" }, { muteert: true }),
  ],
  "GET /api/v1/toewijzingen/{id}/wmo301": [
    rij("T", {
      consulent: "ja",
      consulentAnder: 404,
      beheerder: "ja",
      aanbieder: "ja",
      aanbiederZonder: 404,
      consortiumlid: 404,
    }),
  ],
  "POST /api/v1/toewijzingen/{id}/berichten": [
    rij(
      "T",
      {
        consulent: "ja",
        consulentAnder: 404,
        beheerder: "ja",
        aanbieder: "ja",
        aanbiederZonder: 404,
        consortiumlid: 404,
      },
      { muteert: true, body: "iwmoBericht" },
    ),
  ],
  "POST /api/v1/toewijzingen/{id}/start": [
    rij("T", { aanbieder: "ja", aanbiederZonder: 404, consortiumlid: 404 }, { muteert: true, body: "zorgStart" }),
  ],
  "POST /api/v1/toewijzingen/{id}/stop": [
    rij("T", { aanbieder: "ja", aanbiederZonder: 404, consortiumlid: 404 }, { muteert: true, body: "zorgStop" }),
  ],
  "GET /api/v1/iwmo/overdue": [
    rij(undefined, { consulent: "ja", consulentAnder: "leeg", beheerder: "ja", toezichthouder: "ja" }),
  ],
  "GET /api/v1/staff-transfers": [rij(undefined, { ...STAF, consulentAnder: "leeg", aanbiederZonder: "leeg" })],
  // Rule 4 counted on staff: a provider keeps its own personeelsbestand; the gemeente reads that of its contracted providers.
  "GET /api/v1/organisation/staff": [
    rij(undefined, { aanbieder: "ja", aanbiederZonder: "ja", consortiumlid: "ja", aanbiederBeheerder: "ja" }),
  ],
  "PUT /api/v1/organisation/staff": [
    rij(undefined, { aanbiederBeheerder: "ja" }, { muteert: true, body: "personeelsbestand" }),
  ],
  "GET /api/v1/providers/{id}/staff": [
    rij("A", {
      consulent: "ja",
      consulentAnder: "ja",
      beheerder: "ja",
      toezichthouder: "ja",
      aanbieder: "ja",
      aanbiederZonder: 404,
      consortiumlid: 404,
      aanbiederBeheerder: "ja",
    }),
  ],
  "GET /api/v1/staff-cap": [rij(undefined, { ...STAF, aanbiederBeheerder: "ja" })],
  "GET /api/v1/collective-transfers": [rij(undefined, { ...STAF, aanbiederBeheerder: "ja" })],
  "POST /api/v1/collective-transfers": [
    rij(undefined, { beheerder: "ja" }, { muteert: true, body: "collectieveOvername" }),
  ],
  "PUT /api/v1/staff-transfers/{id}/follow-up": [
    rij(
      "PO",
      { consulent: "ja", consulentAnder: 404, beheerder: "ja", toezichthouder: "ja" },
      { muteert: true, body: "opvolging" },
    ),
  ],
  "GET /api/v1/staff-transfers/attention": [rij(undefined, { beheerder: "ja", toezichthouder: "ja" })],
  "GET /api/v1/audit": [rij(undefined, { beheerder: "ja", toezichthouder: "ja" })],
  "GET /api/v1/audit/verify": [rij(undefined, { beheerder: "ja", toezichthouder: "ja" })],
  "GET /api/v1/figures": [rij(undefined, { beheerder: "ja", toezichthouder: "ja" })],

  "GET /api/v1/aanbieders": [rij(undefined, STAF)],
  "POST /api/v1/aanbieders": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "aanbieder" })],
  "GET /api/v1/consortia": [rij(undefined, STAF)],
  "POST /api/v1/consortia": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "consortium" })],
  "GET /api/v1/contracts": [
    rij(undefined, { consulent: "ja", consulentAnder: "ja", beheerder: "ja", toezichthouder: "ja" }),
  ],
  "POST /api/v1/contracts": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "contract" })],
  // The code of conduct: every member of staff reads what concerns them; a gemeente's beheerder publishes; a provider's beheerder accepts.
  "GET /api/v1/conduct-code": [rij(undefined, { ...STAF, aanbiederBeheerder: "ja" })],
  "POST /api/v1/conduct-code": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "gedragscode" })],
  "POST /api/v1/conduct-code/{id}/accept": [
    rij("GA", { aanbiederBeheerder: "ja" }, { muteert: true, body: "gedragscodeAcceptatie" }),
  ],
  // The register of breaches: the gemeente's supervision reports, the provider reads its own and answers.
  "GET /api/v1/conduct-code/breaches": [
    rij(undefined, {
      toezichthouder: "ja",
      beheerder: "ja",
      aanbieder: "ja",
      aanbiederZonder: "ja",
      consortiumlid: "ja",
      aanbiederBeheerder: "ja",
    }),
  ],
  "POST /api/v1/conduct-code/breaches": [rij(undefined, { toezichthouder: "ja" }, { muteert: true, body: "melding" })],
  "POST /api/v1/conduct-code/breaches/{id}/response": [
    rij("GM", { aanbiederBeheerder: "ja" }, { muteert: true, body: "reactie" }),
  ],
  // A correction with its reason: the gemeente's beheerder only.
  "PATCH /api/v1/contracts/{id}": [rij("CT", { beheerder: "ja" }, { muteert: true, body: "contractCorrectie" })],
  // The productcodelijst: gemeente staff read their own, a provider those of the gemeenten it has a contract with
  // (none without one); only the gemeente's beheerder writes, on its own list (another gemeente's list is never reached).
  "GET /api/v1/productcodes": [rij(undefined, { ...STAF, aanbiederBeheerder: "ja" })],
  "POST /api/v1/productcodes": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "productcode" })],
  // A gemeente beheerder invites a contracted aanbieder; the aanbieder makes its own first login with the code.
  "POST /api/v1/aanbieders/{id}/invites": [rij("A", { beheerder: "ja" }, { muteert: true })],
  "POST /api/v1/aanbieder-invites/accept": [rij(undefined, iedereen("ja"), { muteert: true, body: "aanbiederCode" })],
  // User management: every organisation manages its own logins, and only its own.
  "GET /api/v1/users": [rij(undefined, { beheerder: "ja", aanbiederBeheerder: "ja" })],
  "POST /api/v1/users": [
    rij(undefined, { beheerder: "ja" }, { muteert: true, body: "gebruiker" }),
    // The tenant escape: a gemeente beheerder making a login that acts for an aanbieder.
    rij(undefined, { aanbiederBeheerder: "ja" }, { muteert: true, body: "planner" }),
    rij(undefined, { aanbiederBeheerder: "ja" }, { muteert: true, body: "plannerZonderId" }),
    rij(undefined, {}, { muteert: true, body: "plannerAnder" }),
    rij(undefined, {}, { muteert: true, body: "aanbiederBeheerderAnder" }),
    rij(undefined, {}, { muteert: true, body: "gemeenteRolBijAanbieder" }),
  ],
  "PATCH /api/v1/users/{id}": [
    // A role of the other kind of organisation is refused before the user is looked up.
    rij("U", { beheerder: "ja" }, { muteert: true, body: "rol" }),
    rij("U", { aanbiederBeheerder: 404 }, { muteert: true, body: "rolAanbieder" }),
    // The organisation of a user never changes: the field is refused as unknown.
    rij("U", { beheerder: "ongeldig", aanbiederBeheerder: "ongeldig" }, { muteert: true, body: "naarAndereGemeente" }),
    rij("U", { beheerder: "ongeldig", aanbiederBeheerder: "ongeldig" }, { muteert: true, body: "naarAanbieder" }),
    rij("UX", { beheerder: 404 }, { muteert: true, body: "rol" }),
    rij("UA", { aanbiederBeheerder: "ja" }, { muteert: true, body: "rolAanbiederBeheerder" }),
    rij("UA", { beheerder: 404 }, { muteert: true, body: "rol" }),
    rij("UB", { aanbiederBeheerder: 404 }, { muteert: true, body: "rolAanbiederBeheerder" }),
  ],
  "GET /api/v1/rulebook": [
    rij(undefined, { consulent: "ja", consulentAnder: "ja", beheerder: "ja", toezichthouder: "ja" }),
  ],
  "POST /api/v1/rulebook": [rij(undefined, { beheerder: "ja" }, { muteert: true, body: "regelboek" })],

  // Results checks: only a client whose session came from a check's invite has one (R's client: 404);
  // single answers are for the gemeente's consulenten only, never a provider; aggregates for all who weigh offers.
  "GET /api/v1/client/result-check": [rij(undefined, { client: 404, clientAnder: 404 })],
  "POST /api/v1/client/result-check": [
    rij(undefined, { client: 404, clientAnder: 404 }, { muteert: true, body: "resultaatcheck" }),
  ],
  "GET /api/v1/requests/{id}/result-checks": [rij("G", { consulent: "ja", consulentAnder: 404 })],
  // G's check is not due: the consulent gets check_not_open (422, authorization passed); Aalten's a 404.
  "POST /api/v1/requests/{id}/result-checks": [rij("G", consulentMuteert, { muteert: true, body: "resultaatoordeel" })],
  "GET /api/v1/results/aggregates": [
    rij(undefined, {
      consulent: "ja",
      consulentAnder: "ja",
      aanbieder: "ja",
      aanbiederZonder: "ja",
      consortiumlid: "ja",
      beheerder: "ja",
      toezichthouder: "ja",
    }),
  ],
};

// ---------------- pages ----------------

export type PaginaRij = {
  onderwerp?: Onderwerp;
  muteert?: boolean;
  formulier?: "leeg" | "concept" | "aanbodIntrekken" | "hulpvraagIntrekken" | "keuzeS";
  cellen: Record<Rol, Cel>;
};

/** Cells not named: signed-out callers and clients are sent to sign in, staff of another role get 403. */
function pagina(
  onderwerp: Onderwerp | undefined,
  cellen: Partial<Record<Rol, Cel>>,
  opties: Omit<PaginaRij, "onderwerp" | "cellen"> = {},
): PaginaRij {
  return {
    onderwerp,
    ...opties,
    cellen: Object.fromEntries(
      ROLLEN.map((r) => [
        r,
        cellen[r] ?? (r === "anoniem" || r === "client" || r === "clientAnder" ? "inloggen" : 403),
      ]),
    ) as Record<Rol, Cel>,
  };
}
const BEHEER = pagina(undefined, { beheerder: "ja" });
const BEHEER_POST = pagina(undefined, { beheerder: "ja" }, { muteert: true, formulier: "leeg" });
const STARTPAGINA = {
  consulent: "→/consulent",
  consulentAnder: "→/consulent",
  aanbieder: "→/aanbieder",
  aanbiederZonder: "→/aanbieder",
  consortiumlid: "→/aanbieder",
  beheerder: "→/beheer",
  toezichthouder: "→/toezicht",
  aanbiederBeheerder: "→/organisatie",
} as const;
const ALLEEN_CLIENT = {
  anoniem: "uitnodiging",
  ...Object.fromEntries(Object.keys(LOGIN).map((r) => [r, "uitnodiging"])),
} as Partial<Record<Rol, Cel>>;

/** Key: "METHOD /full/path/:param" as the Remix build has it; POST for every route with an action. */
export const PAGINAS: Record<string, PaginaRij> = {
  "GET /": pagina(undefined, { anoniem: "→/inloggen", ...STARTPAGINA, client: "→/client", clientAnder: "→/client" }),
  "GET /inloggen": pagina(undefined, { anoniem: "ja", ...STARTPAGINA, client: "ja", clientAnder: "ja" }),
  "POST /inloggen": pagina(undefined, iedereen("ja"), { formulier: "leeg" }),
  // The choice "alleen hier" or "overal afmelden" is for signed-in staff; anyone else has nothing to sign out of.
  "GET /uitloggen": pagina(undefined, {
    ...iedereen("ja"),
    anoniem: "→/inloggen",
    client: "→/inloggen",
    clientAnder: "→/inloggen",
  }),
  "POST /uitloggen": pagina(undefined, iedereen("→/inloggen"), { muteert: true, formulier: "leeg" }),
  "GET /toegankelijkheid": pagina(undefined, iedereen("ja")),
  "GET /*": pagina(undefined, iedereen(404)),

  "GET /aanbieder": pagina(undefined, { aanbieder: "anoniem", aanbiederZonder: "leeg", consortiumlid: "anoniem" }),
  "GET /aanbieder/aanbiedingen": pagina(undefined, {
    aanbieder: "anoniem",
    aanbiederZonder: "leeg",
    consortiumlid: "verzegeld",
  }),
  // The WMO301 of G, for the provider it was sent to (a download with the session cookie).
  "GET /aanbieder/hulpvragen/:id/wmo301": pagina("G", { aanbieder: "ja", aanbiederZonder: 404, consortiumlid: 404 }),
  "GET /aanbieder/meldingen": pagina(undefined, { aanbieder: "ja", aanbiederZonder: "ja", consortiumlid: "ja" }),
  "POST /aanbieder/meldingen": pagina(
    undefined,
    { aanbieder: "ja", aanbiederZonder: "ja", consortiumlid: "ja" },
    { muteert: true, formulier: "leeg" },
  ),
  "GET /aanbieder/resultaten": pagina(undefined, { aanbieder: "ja", aanbiederZonder: "ja", consortiumlid: "ja" }),
  "GET /aanbieder/hulpvragen/:id": pagina("R", {
    aanbieder: "anoniem",
    aanbiederZonder: 404,
    consortiumlid: "verzegeld",
  }),
  "POST /aanbieder/hulpvragen/:id": pagina(
    "S",
    { aanbieder: "ja", aanbiederZonder: 404, consortiumlid: 404 },
    { muteert: true, formulier: "aanbodIntrekken" },
  ),

  "GET /consulent": pagina(undefined, { consulent: "ja", consulentAnder: "leeg" }),
  "GET /consulent/clienten": pagina(undefined, { consulent: "ja", consulentAnder: "leeg" }),
  "GET /consulent/clienten/:id/inzage": pagina("P", { consulent: "ja", consulentAnder: 404, beheerder: "ja" }),
  "POST /consulent/clienten": pagina(
    undefined,
    { consulent: "ja", consulentAnder: "ja" },
    { muteert: true, formulier: "leeg" },
  ),
  "GET /consulent/agenda": pagina(undefined, { consulent: "ja", consulentAnder: "ja" }),
  "POST /consulent/agenda": pagina(
    undefined,
    { consulent: "ja", consulentAnder: "ja" },
    { muteert: true, formulier: "leeg" },
  ),
  "GET /agenda/:sleutel": pagina(undefined, iedereen(404)),
  "GET /consulent/nieuw": pagina(undefined, { consulent: "ja", consulentAnder: "leeg" }),
  "POST /consulent/nieuw": pagina(
    undefined,
    { consulent: "ja", consulentAnder: "ja" },
    { muteert: true, formulier: "leeg" },
  ),
  "GET /consulent/hulpvragen.csv": pagina(undefined, { consulent: "ja", consulentAnder: "leeg" }),
  "GET /consulent/hulpvragen/:id": pagina("R", { consulent: "ja", consulentAnder: 404 }),
  "POST /consulent/hulpvragen/:id": pagina(
    "R",
    { consulent: "ja", consulentAnder: 404 },
    { muteert: true, formulier: "hulpvraagIntrekken" },
  ),
  "GET /consulent/hulpvragen/:id/bewerken": pagina("C", { consulent: "ja", consulentAnder: 404 }),
  "GET /consulent/hulpvragen/:id/resultaten": pagina("G", { consulent: "ja", consulentAnder: 404 }),
  "POST /consulent/hulpvragen/:id/resultaten": pagina(
    "G",
    { consulent: "ja", consulentAnder: 404 },
    { muteert: true, formulier: "leeg" },
  ),
  "GET /consulent/hulpvragen/:id/toewijzing/:formaat": pagina("G", {
    consulent: "ja",
    consulentAnder: 404,
    beheerder: "ja",
  }),
  "POST /consulent/hulpvragen/:id/bewerken": pagina(
    "C",
    { consulent: "ja", consulentAnder: 404 },
    { muteert: true, formulier: "concept" },
  ),

  "GET /beheer": BEHEER,
  "GET /beheer/aanbieders": BEHEER,
  "POST /beheer/aanbieders": BEHEER_POST,
  "GET /beheer/berichten": BEHEER,
  "GET /beheer/contracten": BEHEER,
  "POST /beheer/contracten": BEHEER_POST,
  "GET /beheer/gebruikers": BEHEER,
  "POST /beheer/gebruikers": BEHEER_POST,
  "GET /beheer/regelboek": BEHEER,
  "POST /beheer/regelboek": BEHEER_POST,
  "GET /beheer/gedragscode": BEHEER,
  "POST /beheer/gedragscode": BEHEER_POST,
  "GET /beheer/productcodes": BEHEER,
  "POST /beheer/productcodes": BEHEER_POST,
  "GET /beheer/personeel": BEHEER,
  "POST /beheer/personeel": BEHEER_POST,

  "GET /organisatie": pagina(undefined, { aanbiederBeheerder: "ja" }),
  "POST /organisatie": pagina(undefined, { aanbiederBeheerder: "ja" }, { muteert: true, formulier: "leeg" }),
  "GET /organisatie/gedragscodes": pagina(undefined, { aanbiederBeheerder: "ja" }),
  "POST /organisatie/gedragscodes": pagina(
    undefined,
    { aanbiederBeheerder: "ja" },
    { muteert: true, formulier: "leeg" },
  ),
  // Every provider account sees its own cap use; only the provider's beheerder records the personeelsbestand.
  "GET /organisatie/personeel": pagina(undefined, {
    aanbieder: "ja",
    aanbiederZonder: "ja",
    consortiumlid: "ja",
    aanbiederBeheerder: "ja",
  }),
  "POST /organisatie/personeel": pagina(undefined, { aanbiederBeheerder: "ja" }, { muteert: true, formulier: "leeg" }),
  "GET /aanbieder-uitnodiging": pagina(undefined, iedereen("ja")),
  "POST /aanbieder-uitnodiging": pagina(undefined, iedereen("ja"), { formulier: "leeg" }),

  "GET /toezicht": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/audit": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/audit.csv": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/gedragscode": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/jaarverslag": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/cijfers.csv": pagina(undefined, { toezichthouder: "ja" }),
  "POST /toezicht/gedragscode": pagina(undefined, { toezichthouder: "ja" }, { muteert: true, formulier: "leeg" }),
  "GET /toezicht/personeel": pagina(undefined, { toezichthouder: "ja" }),
  "GET /toezicht/resultaten": pagina(undefined, { toezichthouder: "ja" }),

  // The client's own pages: an invite code opens one request, without an account.
  "GET /uitnodiging": pagina(undefined, iedereen("ja")),
  "POST /uitnodiging": pagina(
    undefined,
    { anoniem: "ja", client: "ja", clientAnder: "ja", ...Object.fromEntries(Object.keys(LOGIN).map((r) => [r, 403])) },
    { formulier: "leeg" },
  ),
  "GET /client": pagina(undefined, { ...ALLEEN_CLIENT, client: "zonderPrijs", clientAnder: "leeg" }),
  "POST /client": pagina(
    "R",
    { ...ALLEEN_CLIENT, client: "ja", clientAnder: "ja" },
    { muteert: true, formulier: "keuzeS" },
  ),
  // The check's page is for a session opened with a check's invite; the client of an open request goes back to it.
  "GET /client/resultaten": pagina(undefined, { ...ALLEEN_CLIENT, client: "→/client", clientAnder: "→/client" }),
  "POST /client/resultaten": pagina(
    undefined,
    { ...ALLEEN_CLIENT, client: "→/client", clientAnder: "→/client" },
    { formulier: "leeg" },
  ),
};

// ---------------- socket rooms ----------------

/**
 * Key: a feed kind of realtime/events.ts `feedVoor` (feeds are room names). Per role the room of
 * that kind it joins: "eigen" its own (gemeente, aanbieder or user), "R"/"R2" the request of its
 * invite, or null for none. Anonymous sockets are refused at the handshake.
 */
export const KAMERS: Record<string, Record<Exclude<Rol, "anoniem">, "eigen" | "R" | "R2" | null>> = {
  gemeente: {
    consulent: "eigen",
    consulentAnder: "eigen",
    aanbieder: null,
    aanbiederZonder: null,
    consortiumlid: null,
    client: null,
    clientAnder: null,
    beheerder: "eigen",
    toezichthouder: "eigen",
    aanbiederBeheerder: null,
  },
  hulpvraag: {
    consulent: null,
    consulentAnder: null,
    aanbieder: null,
    aanbiederZonder: null,
    consortiumlid: null,
    client: "R",
    clientAnder: "R2",
    beheerder: null,
    toezichthouder: null,
    aanbiederBeheerder: null,
  },
  // The aanbieder-beheerder manages logins; it does not bid, so it does not hear its organisation's market feed.
  aanbieder: {
    consulent: null,
    consulentAnder: null,
    aanbieder: "eigen",
    aanbiederZonder: "eigen",
    consortiumlid: "eigen",
    client: null,
    clientAnder: null,
    beheerder: null,
    toezichthouder: null,
    aanbiederBeheerder: null,
  },
  // The supervisor's own feed (figures:changed): only the toezichthouder of the gemeente.
  toezicht: {
    consulent: null,
    consulentAnder: null,
    aanbieder: null,
    aanbiederZonder: null,
    consortiumlid: null,
    client: null,
    clientAnder: null,
    beheerder: null,
    toezichthouder: "eigen",
    aanbiederBeheerder: null,
  },
  gebruiker: {
    consulent: "eigen",
    consulentAnder: "eigen",
    aanbieder: "eigen",
    aanbiederZonder: "eigen",
    consortiumlid: "eigen",
    client: null,
    clientAnder: null,
    beheerder: "eigen",
    toezichthouder: "eigen",
    aanbiederBeheerder: "eigen",
  },
};

/**
 * Live events about a request published while every role listens: which each role hears, and
 * what may not be in anything it hears. The client signs in after publication (an invite needs
 * a published request), so it hears the offers, not the publication.
 */
export type LiveGebeurtenis = "gepubliceerd" | "aanbodS" | "aanbodK";
export const LIVE: Record<
  Exclude<Rol, "anoniem">,
  { hoort: LiveGebeurtenis[]; zonder: "ja" | "leeg" | "verzegeld" | "zonderPrijs" }
> = {
  consulent: { hoort: ["gepubliceerd", "aanbodS", "aanbodK"], zonder: "ja" },
  consulentAnder: { hoort: [], zonder: "leeg" },
  aanbieder: { hoort: ["gepubliceerd", "aanbodS", "aanbodK"], zonder: "ja" },
  aanbiederZonder: { hoort: [], zonder: "leeg" },
  consortiumlid: { hoort: ["gepubliceerd", "aanbodK"], zonder: "verzegeld" },
  client: { hoort: ["aanbodS", "aanbodK"], zonder: "zonderPrijs" },
  clientAnder: { hoort: [], zonder: "leeg" },
  beheerder: { hoort: ["gepubliceerd", "aanbodS", "aanbodK"], zonder: "ja" },
  toezichthouder: { hoort: ["gepubliceerd", "aanbodS", "aanbodK"], zonder: "ja" },
  aanbiederBeheerder: { hoort: [], zonder: "leeg" },
};
