import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { io, type Socket } from "socket.io-client";
import { DEMO_WACHTWOORD, startServer, webInloggen, type TestServer } from "../support/server";
import { verbind, vingerafdruk } from "../support/database";
import {
  CONSULENT,
  clientInvoer,
  gepubliceerdeHulpvraag,
  hulpvraagInvoer,
  maakClient,
  pauze,
} from "../support/fabriek";
import { BEGELEIDING, THUISZORG, aanbod, clientToken, rondeInBeoordeling } from "../support/ronde";
import { feedVoor, type LiveEvent } from "../../realtime/events";
import { euro } from "../../app/format/nl";
import { RegelboekSchema } from "../../app/schemas/beheer";
import { CODE, tariefVan } from "../support/demo";
import {
  API,
  KAMERS,
  LIVE,
  LOGIN,
  PAGINAS,
  ROLLEN,
  TOEGESTAAN,
  type Body,
  type Cel,
  type LiveGebeurtenis,
  type Onderwerp,
  type PaginaRij,
  type Rij,
  type Rol,
} from "./autorisatie.matrix";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLIENTNAAM = clientInvoer().naam as string;
const BSN = clientInvoer().bsn as string;
const PRIJS = {
  S: tariefVan(CODE.huishoudenMaand) + 1357,
  K: tariefVan(CODE.huishoudenMaand) + 2468,
  G: tariefVan(CODE.huishoudenMaand) + 3579,
};
const overTweeWeken = () => new Date(Date.now() + 14 * 86400_000).toISOString();

let server: TestServer;
let sql: ReturnType<typeof verbind>;
let volgnummer = 0;

/** The subjects of one world: a request R with offers S and K, and what hangs around it. */
type Onderwerpen = {
  R: string;
  clientId: string;
  P: string;
  S: string;
  K: string;
  C: string;
  G: string;
  I: string;
  U: string;
  UX: string;
  UA: string;
  UB: string;
  A: string;
  CT: string;
  GA: string;
  GM: string;
  GW: string;
  T: string;
  PO: string;
};
type Geheimen = { teksten: string[]; prijzen: number[] };

let wereld: Onderwerpen;
let R2: string;
const clientTokens = new Map<string, string>();
const geheimenVan: Record<"R" | "C" | "G", Geheimen> = {
  R: { teksten: [], prijzen: [] },
  C: { teksten: [], prijzen: [] },
  G: { teksten: [], prijzen: [] },
};
const bevindingen: string[] = [];
/** Cells run, so that a filter mistake cannot quietly skip part of the matrix. */
let cellen = 0;
const meld = (ok: boolean, bericht: string) => {
  if (!ok) bevindingen.push(bericht);
};

// Letters only: a random "6260jh" is a postcode to the anonymity guard, and publishing fails.
const letters = () =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const kenmerk = (naam: string) => `kenmerk ${naam} ${++volgnummer} ${letters()}`;
const toelichting = (k: string) => `Woont zelfstandig en wil dat graag blijven doen; ${k}.`;

const aanbodS = () => {
  const a = aanbod("ab_thuiszorg_achterhoek", "01");
  a.componenten[0].prijsPerEenheidCent = PRIJS.S;
  return a;
};
const aanbodK = () => {
  const a = aanbod("ab_thuiszorg_achterhoek", "01", {
    consortiumId: "co_samen_thuis",
    samenvatting: "Samen Thuis: één plan voor schoon en leefbaar wonen.",
  });
  a.componenten[0].prijsPerEenheidCent = PRIJS.K;
  return a;
};

async function dienIn(id: string, email: string, body: unknown): Promise<string> {
  const r = await server.api("POST", `/api/v1/requests/${id}/offers`, { token: await server.token(email), body });
  assert.equal(r.status, 201, `aanbod op ${id}: ${r.text}`);
  return r.body.id;
}

/** An open request of Winterswijk (category 01) with Thuiszorg's own offer S and the consortium's offer K. */
async function open(k = kenmerk("R"), metAanbod = true) {
  const R = await gepubliceerdeHulpvraag(server, { toelichting: toelichting(k), deadline: overTweeWeken() });
  if (!metAanbod) return { R, S: "", K: "", k };
  const [S, K] = await Promise.all([dienIn(R, THUISZORG, aanbodS()), dienIn(R, BEGELEIDING, aanbodK())]);
  return { R, S, K, k };
}

async function concept(k = kenmerk("C")) {
  const clientId = await maakClient(server);
  const r = await server.api("POST", "/api/v1/requests", {
    token: await server.token(CONSULENT),
    body: hulpvraagInvoer(clientId, { toelichting: toelichting(k), deadline: overTweeWeken() }),
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
}

async function uitnodiging(id: string) {
  const r = await server.api("POST", `/api/v1/requests/${id}/invites`, {
    token: await server.token(CONSULENT),
    body: {},
  });
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; code: string };
}

async function gebruiker() {
  const r = await server.api("POST", "/api/v1/users", {
    token: await server.token(LOGIN.beheerder!),
    body: {
      email: `matrix-${++volgnummer}-${Date.now()}@winterswijk.demo`,
      naam: "Matrix Collega",
      rol: "consulent",
      password: "een-lang-matrix-wachtwoord",
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
}

/** A planner of Thuiszorg Achterhoek, made by its own aanbieder-beheerder. */
async function planner() {
  const r = await server.api("POST", "/api/v1/users", {
    token: await server.token(LOGIN.aanbiederBeheerder!),
    body: {
      email: `planner-${++volgnummer}-${Date.now()}@thuiszorg-achterhoek.demo`,
      naam: "Matrix Planner",
      rol: "aanbieder",
      password: "een-lang-matrix-wachtwoord",
    },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id as string;
}

const gebruikerId = async (email: string) =>
  (await sql`select id from gebruikers where email = ${email}`)[0].id as string;

async function clientVoor(hulpvraagId: string) {
  const bekend = clientTokens.get(hulpvraagId);
  if (bekend) return bekend;
  const t = await clientToken(server, hulpvraagId, `198.51.100.${(volgnummer++ % 200) + 10}`);
  clientTokens.set(hulpvraagId, t);
  return t;
}

/** The request a subject belongs to, for the client role and the secrets. */
const hulpvraagVan = (o: Onderwerpen, onderwerp?: Onderwerp) =>
  onderwerp === "C" ? o.C : onderwerp === "G" || onderwerp === "T" ? o.G : o.R;
const geheimenVoor = (onderwerp?: Onderwerp): Geheimen => {
  if (onderwerp === "C") return geheimenVan.C;
  if (onderwerp === "G" || onderwerp === "GW" || onderwerp === "T") return geheimenVan.G;
  if (onderwerp) return geheimenVan.R;
  // Lists without a subject must hold nothing of any of the world's requests.
  return {
    teksten: [...geheimenVan.R.teksten, ...geheimenVan.C.teksten, ...geheimenVan.G.teksten],
    prijzen: [...geheimenVan.R.prijzen, ...geheimenVan.G.prijzen],
  };
};

/** A concept has no client session yet (an invite needs a published request): there the client is R's. */
const clientHulpvraag = (o: Onderwerpen, onderwerp?: Onderwerp) =>
  onderwerp === "C" ? o.R : hulpvraagVan(o, onderwerp);

async function tokenVan(rol: Rol, o: Onderwerpen, onderwerp?: Onderwerp, vers = false): Promise<string | undefined> {
  if (rol === "anoniem") return undefined;
  if (rol === "client")
    return vers
      ? clientToken(server, clientHulpvraag(o, onderwerp), `198.51.100.${(volgnummer++ % 200) + 10}`)
      : clientVoor(clientHulpvraag(o, onderwerp));
  if (rol === "clientAnder")
    return vers ? clientToken(server, R2, `198.51.100.${(volgnummer++ % 200) + 10}`) : clientVoor(R2);
  if (!vers) return server.token(LOGIN[rol]!);
  const r = await server.api("POST", "/api/v1/auth/token", { body: { email: LOGIN[rol], password: DEMO_WACHTWOORD } });
  assert.equal(r.status, 200, r.text);
  return r.body.token;
}

/** The client knows the id of its own request: the layout of every page it opens carries it. */
const eigenHulpvraag = (rol: Rol, onderwerp?: Onderwerp) =>
  rol === "client" ? clientHulpvraag(wereld, onderwerp) : undefined;

/** What must not be in an answer for this cell. */
function verboden(cel: Cel, g: Geheimen, o: Onderwerpen, bekend?: string): { teksten: string[]; prijzen: number[] } {
  if (cel === "ja" || (typeof cel === "string" && cel.startsWith("→"))) return { teksten: [], prijzen: [] };
  if (cel === "anoniem") return { teksten: [CLIENTNAAM, BSN], prijzen: [] };
  if (cel === "verzegeld") return { teksten: [CLIENTNAAM, BSN, o.S], prijzen: [PRIJS.S] };
  if (cel === "zonderPrijs") return { teksten: [CLIENTNAAM, BSN], prijzen: g.prijzen };
  return { teksten: [...g.teksten, CLIENTNAAM, BSN].filter((t) => t !== bekend), prijzen: g.prijzen };
}

function lekt(tekst: string, v: { teksten: string[]; prijzen: number[] }): string[] {
  const gevonden = v.teksten.filter((t) => t && tekst.includes(t));
  for (const p of v.prijzen) {
    if (
      new RegExp(`[:,\\[]\\s*${p}(?![0-9])`).test(tekst) ||
      tekst.includes(euro(p)) ||
      tekst.includes(euro(p).replace(/\u00a0/g, " "))
    )
      gevonden.push(`prijs ${p}`);
  }
  return gevonden;
}

const nietBestaand = (id: string) => `${id.slice(0, 3)}bestaatniet${id.length}`;

async function parallel<T>(items: T[], n: number, werk: (t: T) => Promise<void>) {
  const rij = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (rij.length) await werk(rij.shift()!);
    }),
  );
}

// ---------------- the world ----------------

before(async () => {
  server = await startServer();
  sql = verbind(server.databaseUrl);
  for (const email of Object.values(LOGIN)) await server.token(email!);
  const kR = kenmerk("R");
  const kC = kenmerk("C");
  const kG = kenmerk("G");
  const [r, C, g, r2] = await Promise.all([
    open(kR),
    concept(kC),
    // G: awarded to Thuiszorg after both the client and the consulent chose its offer.
    (async () => {
      const b = aanbod("ab_thuiszorg_achterhoek", "01");
      b.componenten[0].prijsPerEenheidCent = PRIJS.G;
      const {
        id,
        offers: [a],
      } = await rondeInBeoordeling(server, [{ email: THUISZORG, body: b }], { toelichting: toelichting(kG) });
      const kies = async (token: string) =>
        assert.equal(
          (await server.api("POST", `/api/v1/requests/${id}/choice`, { token, body: { offerId: a } })).status,
          200,
        );
      await kies(await clientVoor(id));
      await kies(await server.token(CONSULENT));
      const gun = await server.api("POST", `/api/v1/requests/${id}/award`, {
        token: await server.token(CONSULENT),
        body: {},
      });
      assert.equal(gun.status, 201, gun.text);
      // T: its toewijzing, sent once, so that the provider has a WMO301 to read.
      const stuur = await server.api("POST", `/api/v1/toewijzingen/${gun.body.toewijzingId}/wmo301`, {
        token: await server.token(CONSULENT),
      });
      assert.equal(stuur.status, 201, stuur.text);
      return { id, a, T: gun.body.toewijzingId as string };
    })(),
    gepubliceerdeHulpvraag(server, { toelichting: toelichting(kenmerk("R2")), deadline: overTweeWeken() }),
  ]);
  R2 = r2;
  const clientId = (await server.api("GET", `/api/v1/requests/${r.R}`, { token: await server.token(CONSULENT) })).body
    .clientId;
  const [I, U, UA, UX, UB] = await Promise.all([
    uitnodiging(r.R),
    gebruiker(),
    planner(),
    gebruikerId("consulent@aalten.demo"),
    gebruikerId("planning@begeleiding-oost.demo"),
    clientVoor(r.R),
    clientVoor(R2),
  ]);
  const CT = (await server.api("GET", "/api/v1/contracts", { token: await server.token(LOGIN.beheerder!) })).body
    .items[0].id as string;
  // Aalten publishes a code of conduct (Winterswijk does not: its offers in this world must keep working).
  const code = await server.api("POST", "/api/v1/conduct-code", {
    token: await server.token("beheerder@aalten.demo"),
    body: { tekst: "Wij concurreren niet op arbeidsvoorwaarden en melden belangenverstrengeling." },
  });
  assert.equal(code.status, 201, code.text);
  // A reported breach in Aalten's register about Thuiszorg, for its beheerder to answer (Aalten has no demo toezichthouder).
  const GM = "gm_matrixmelding";
  await sql`insert into gedragscode_meldingen (id, gemeente_id, aanbieder_id, versie, omschrijving, gemeld_door) values (${GM}, ${code.body.gemeenteId}, 'ab_thuiszorg_achterhoek', 1, 'Matrixtest: een gemelde schending.', 'toezicht')`;
  // A staff transfer with a job commitment on the awarded request, for the gemeente to follow up.
  const PO = "po_matrixovername";
  await sql`insert into personeelsovernames (id, hulpvraag_id, gemeente_id, van_aanbieder_id, naar_aanbieder_id, hulpverlener_rol, cao, datum, toegezegd) values (${PO}, ${g.id}, 'winterswijk', 'ab_welzijn_winterswijk', 'ab_thuiszorg_achterhoek', 'begeleider', 'sociaal_werk', '2027-01-01', true)`;
  wereld = {
    R: r.R,
    clientId,
    P: clientId,
    S: r.S,
    K: r.K,
    C,
    G: g.id,
    I: I.id,
    U,
    UA,
    UX,
    UB,
    A: "ab_thuiszorg_achterhoek",
    CT,
    GA: code.body.gemeenteId,
    GM,
    GW: "winterswijk",
    T: g.T,
    PO,
  };
  geheimenVan.R = { teksten: [kR, r.R, r.S, r.K], prijzen: [PRIJS.S, PRIJS.K] };
  geheimenVan.C = { teksten: [kC, C], prijzen: [] };
  geheimenVan.G = { teksten: [kG, g.id, g.a], prijzen: [PRIJS.G] };
});
after(async () => {
  await sql?.end();
  await server?.stop();
});

// ---------------- API ----------------

async function bodyVoor(naam: Body | undefined, o: Onderwerpen): Promise<unknown> {
  const uniek = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  switch (naam) {
    case undefined:
      return undefined;
    case "inloggen":
      return { email: "planning@de-klaproos.demo", password: DEMO_WACHTWOORD };
    // Another name than the world's clients: a new client of Aalten is not a leak of Winterswijk's.
    case "client":
      return clientInvoer({ naam: "Aaltje Matrix", bsn: "123456782" });
    case "hulpvraag":
      return hulpvraagInvoer(o.clientId, { deadline: overTweeWeken() });
    case "wijziging":
      return { duurMaanden: 6 };
    case "intrekken":
      return { reden: "De cliënt is verhuisd (matrixtest)." };
    case "verlengen":
      return { deadline: new Date(Date.now() + 30 * 86400_000).toISOString() };
    case "aanbodS":
      return aanbodS();
    case "aanbodK":
      return aanbodK();
    case "uitnodiging":
      return {};
    case "code":
      return { code: (await uitnodiging(o.R)).code };
    case "keuzeS":
      return { offerId: o.S };
    case "gunning":
      return {};
    // Valid in form, refused by the chain (no start before the 301's retour rules, no XSD-valid file): 422 for who may.
    case "zorgStart":
      return { startdatum: "2020-01-01" };
    case "zorgStop":
      return { einddatum: "2020-01-01", reden: "19" };
    case "iwmoBericht":
      return { xml: "<geen-iwmo/>" };
    case "ronde":
      return { duurMaanden: 6 };
    case "aanbieder":
      return { naam: "Matrix Zorg", kvk: uniek(), agb: uniek() };
    case "consortium":
      return {
        naam: "Matrix Consortium",
        penvoerderId: "ab_welzijn_winterswijk",
        ledenIds: ["ab_welzijn_winterswijk", "ab_de_klaproos"],
      };
    // The lead time runs from the day of registration: dates from today.
    case "contract":
      return {
        aanbiederId: "ab_zorgbureau_nieuw",
        productcategorieen: ["05"],
        startdatum: dagVanaf(200),
        einddatum: dagVanaf(200 + 4 * 365),
        gegundOp: dagVanaf(-30),
      };
    // Too short on purpose: authorization passes (422), and Winterswijk gets no code that would stop this world's offers.
    case "gedragscode":
      return { tekst: "te kort" };
    case "gedragscodeAcceptatie":
      return { versie: 1 };
    case "melding":
      return {
        aanbiederId: "ab_thuiszorg_achterhoek",
        omschrijving: "Matrixtest: personeel weggeworven tijdens een overdracht.",
      };
    case "personeelsbestand":
      return { jaar: 2033, koppen: 50, fte: 35.5 };
    case "collectieveOvername":
      return {
        vanAanbiederId: "ab_welzijn_winterswijk",
        naarAanbiederId: "ab_thuiszorg_achterhoek",
        aantalMedewerkers: 4,
        voorwaarden: "Matrixtest: behoud van cao en dienstjaren.",
        datum: "2031-01-01",
      };
    case "opvolging":
      return { status: "gedaan", notitie: "Matrixtest: nagegaan bij beide aanbieders." };
    case "reactie":
      return { reactie: "Matrixtest: wij hebben dit besproken en hersteld." };
    case "contractCorrectie":
      return { reden: "Matrixtest: alleen de reden, niets anders." };
    case "productcode":
      return {
        code: `5W${++volgnummer % 1000}`,
        productcategorie: "05",
        omschrijving: "Matrixtest: woondiensten als taak",
        uitvoeringsvariant: "taakgericht",
        eenheid: "83",
        frequentie: "4",
        tariefPerEenheidCent: 30000,
        geldigVanaf: "2031-01-01",
        reden: "Matrixtest: een tarief in de toekomst.",
      };
    case "gebruiker":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@winterswijk.demo`,
        naam: "Matrix Nieuw",
        rol: "consulent",
        password: "een-lang-matrix-wachtwoord",
      };
    case "rol":
      return { rol: "consulent" };
    case "aanbiederCode": {
      const u = await server.api("POST", "/api/v1/aanbieders/ab_de_klaproos/invites", {
        token: await server.token(LOGIN.beheerder!),
      });
      assert.equal(u.status, 201, u.text);
      return {
        code: u.body.code,
        email: `beheer-${++volgnummer}-${Date.now()}@de-klaproos.demo`,
        naam: "Matrix Beheer",
        password: "een-lang-matrix-wachtwoord",
      };
    }
    case "planner":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@thuiszorg-achterhoek.demo`,
        naam: "Matrix Planner",
        rol: "aanbieder",
        aanbiederId: "ab_thuiszorg_achterhoek",
        password: "een-lang-matrix-wachtwoord",
      };
    case "plannerZonderId":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@thuiszorg-achterhoek.demo`,
        naam: "Matrix Planner",
        rol: "aanbieder",
        password: "een-lang-matrix-wachtwoord",
      };
    case "plannerAnder":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@begeleiding-oost.demo`,
        naam: "Matrix Planner",
        rol: "aanbieder",
        aanbiederId: "ab_begeleiding_oost",
        password: "een-lang-matrix-wachtwoord",
      };
    case "aanbiederBeheerderAnder":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@begeleiding-oost.demo`,
        naam: "Matrix Beheer",
        rol: "aanbieder-beheerder",
        aanbiederId: "ab_begeleiding_oost",
        password: "een-lang-matrix-wachtwoord",
      };
    case "gemeenteRolBijAanbieder":
      return {
        email: `matrix-${++volgnummer}-${Date.now()}@winterswijk.demo`,
        naam: "Matrix Nieuw",
        rol: "consulent",
        aanbiederId: "ab_thuiszorg_achterhoek",
        password: "een-lang-matrix-wachtwoord",
      };
    case "rolAanbieder":
      return { rol: "aanbieder" };
    case "rolAanbiederBeheerder":
      return { rol: "aanbieder-beheerder" };
    case "naarAndereGemeente":
      return { rol: "consulent", gemeenteId: "aalten" };
    case "naarAanbieder":
      return { rol: "aanbieder", aanbiederId: "ab_thuiszorg_achterhoek" };
    case "resultaatcheck":
      return { antwoorden: [{ resultaat: "schoon_huis", oordeel: "bereikt", cijfer: 8 }] };
    case "resultaatoordeel":
      return { maanden: 3, antwoorden: [{ resultaat: "schoon_huis", oordeel: "deels", cijfer: 7 }] };
    case "regelboek": {
      const huidig = (await server.api("GET", "/api/v1/rulebook", { token: await server.token(LOGIN.beheerder!) }))
        .body;
      return Object.fromEntries(
        Object.keys(RegelboekSchema.shape)
          .filter((k) => k in huidig)
          .map((k) => [k, huidig[k]]),
      );
    }
  }
}

const idVan = (o: Onderwerpen, onderwerp?: Onderwerp) => (onderwerp ? o[onderwerp] : "");
const vulIn = (sleutel: string, id: string) => sleutel.slice(sleutel.indexOf(" ") + 1).replace(/\{\w+\}/, id);
const methodVan = (sleutel: string) => sleutel.slice(0, sleutel.indexOf(" "));

/** A fresh subject for one allowed state-changing call, so that no call depends on another. */
async function versWereld(onderwerp?: Onderwerp, metAanbod = true): Promise<Onderwerpen> {
  if (onderwerp === "R" || onderwerp === "S" || onderwerp === "K") {
    const r = await open(undefined, metAanbod);
    return { ...wereld, R: r.R, S: r.S, K: r.K };
  }
  if (onderwerp === "C") return { ...wereld, C: await concept() };
  if (onderwerp === "I") return { ...wereld, I: (await uitnodiging(wereld.R)).id };
  if (onderwerp === "U") return { ...wereld, U: await gebruiker() };
  if (onderwerp === "UA") return { ...wereld, UA: await planner() };
  return wereld;
}

/** Calls that end the caller's own session get a session of their own. */
const EIGEN_SESSIE = new Set(["DELETE /api/v1/auth/token", "DELETE /api/v1/client/session", "POST /uitloggen"]);

function controleerToegestaan(
  waar: string,
  cel: Cel,
  status: number,
  tekst: string,
  g: Geheimen,
  o: Onderwerpen,
  leest: boolean,
) {
  meld(
    ![401, 403, 404].includes(status) && status < 500,
    `${waar}: toegestaan verwacht (${cel}), kreeg ${status} ${tekst.slice(0, 160)}`,
  );
  if (leest)
    meld(status >= 200 && status < 300, `${waar}: lezen hoort te lukken, kreeg ${status} ${tekst.slice(0, 160)}`);
  const lek = lekt(tekst, verboden(cel, g, o));
  meld(lek.length === 0, `${waar}: ${cel} maar het antwoord bevat ${lek.join(", ")}`);
}

async function weigeringApi(sleutel: string, r: Rij, rol: Rol) {
  const o = wereld;
  cellen++;
  const cel = r.cellen[rol];
  const method = methodVan(sleutel);
  const token = await tokenVan(rol, o, r.onderwerp);
  const body = await bodyVoor(r.body, o);
  const waar = `${sleutel} [${r.onderwerp ?? "-"}] als ${rol}`;
  const antwoord = await server.api(method, vulIn(sleutel, idVan(o, r.onderwerp)), { token, body });
  const verwacht = cel === "ongeldig" ? 422 : cel;
  meld(
    antwoord.status === verwacht,
    `${waar}: ${verwacht} verwacht, kreeg ${antwoord.status} ${antwoord.text.slice(0, 160)}`,
  );
  const code = antwoord.body?.error?.code;
  meld(cel !== "ongeldig" || code === "invalid_input", `${waar}: invalid_input verwacht, kreeg ${code}`);
  meld(
    Object.keys(antwoord.body ?? {}).join() === "error",
    `${waar}: een weigering is alleen de foutvorm: ${antwoord.text.slice(0, 160)}`,
  );
  const lek = lekt(antwoord.text, verboden("leeg", geheimenVoor(r.onderwerp), o, eigenHulpvraag(rol, r.onderwerp)));
  meld(lek.length === 0, `${waar}: de weigering bevat ${lek.join(", ")}`);
  // Existence leaks nothing: the subject answers exactly like an id that does not exist.
  let ander: { status: number; text: string } | null = null;
  if (r.onderwerp)
    ander = await server.api(method, vulIn(sleutel, nietBestaand(idVan(o, r.onderwerp))), { token, body });
  else if (cel === "ongeldig")
    ander = await server.api(method, vulIn(sleutel, ""), {
      token,
      body: { ...(body as object), clientId: nietBestaand(o.clientId) },
    });
  if (ander)
    meld(
      ander.status === antwoord.status && ander.text === antwoord.text,
      `${waar}: antwoordt anders dan voor een onbekend id (${antwoord.status} ${antwoord.text.slice(0, 80)} / ${ander.status} ${ander.text.slice(0, 80)})`,
    );
}

async function toegestaanApi(sleutel: string, r: Rij, rol: Rol) {
  // Bidding is tried on a request without offers yet, so that the bidder's call really succeeds.
  const o = r.muteert ? await versWereld(r.onderwerp, sleutel !== "POST /api/v1/requests/{id}/offers") : wereld;
  cellen++;
  const method = methodVan(sleutel);
  const token = await tokenVan(rol, o, r.onderwerp, EIGEN_SESSIE.has(sleutel));
  const antwoord = await server.api(method, vulIn(sleutel, idVan(o, r.onderwerp)), {
    token,
    body: await bodyVoor(r.body, o),
  });
  controleerToegestaan(
    `${sleutel} [${r.onderwerp ?? "-"}] als ${rol}`,
    r.cellen[rol],
    antwoord.status,
    antwoord.text,
    geheimenVoor(r.onderwerp),
    o,
    method === "GET",
  );
}

const geweigerd = (cel: Cel) => !TOEGESTAAN.includes(cel) && !String(cel).startsWith("→");

/**
 * Refusals, with the database fingerprinted around them: a refusal changes nothing. Reads are
 * refused all at once; each state-changing row on its own, so that a change names its row.
 */
async function weigeringenPerRij<T extends { cellen: Record<Rol, Cel>; onderwerp?: Onderwerp }>(
  matrix: [string, T[]][],
  weiger: (sleutel: string, r: T, rol: Rol) => Promise<void>,
) {
  const groepen = [
    matrix.filter(([k]) => methodVan(k) === "GET"),
    ...matrix.filter(([k]) => methodVan(k) !== "GET").map((rij) => [rij]),
  ];
  for (const groep of groepen) {
    const voor = await vingerafdruk(sql);
    const cellen = groep.flatMap(([sleutel, gevallen]) =>
      gevallen.flatMap((r) => ROLLEN.filter((rol) => geweigerd(r.cellen[rol])).map((rol) => ({ sleutel, r, rol }))),
    );
    await parallel(cellen, 8, ({ sleutel, r, rol }) => weiger(sleutel, r, rol));
    const na = await vingerafdruk(sql);
    const anders = Object.keys(voor).filter((t) => voor[t] !== na[t]);
    meld(
      anders.length === 0,
      `${groep.map(([k]) => k).join(", ")}: geweigerde verzoeken veranderden ${anders.join(", ")}`,
    );
  }
}

function toegestaneCellen<T extends { cellen: Record<Rol, Cel>; muteert?: boolean }>(
  matrix: [string, T[]][],
  muteert: boolean,
) {
  return matrix.flatMap(([sleutel, gevallen]) =>
    gevallen
      .filter((r) => Boolean(r.muteert) === muteert)
      .flatMap((r) => ROLLEN.filter((rol) => !geweigerd(r.cellen[rol])).map((rol) => ({ sleutel, r, rol }))),
  );
}

function verschil(verwacht: string[], gevonden: string[]) {
  return {
    ontbreektInMatrix: gevonden.filter((k) => !verwacht.includes(k)).sort(),
    nietGevonden: verwacht.filter((k) => !gevonden.includes(k)).sort(),
  };
}

describe("autorisatiematrix: API", () => {
  it("heeft een rij voor precies elk eindpunt uit openapi.json", async () => {
    const doc = (await server.api("GET", "/api/v1/openapi.json")).body;
    const eindpunten = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([pad, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${pad}`),
    );
    const { ontbreektInMatrix, nietGevonden } = verschil(Object.keys(API), eindpunten);
    assert.deepEqual(
      ontbreektInMatrix,
      [],
      `eindpunten zonder rij in tests/integration/autorisatie.matrix.ts: ${ontbreektInMatrix.join(", ")}`,
    );
    assert.deepEqual(nietGevonden, [], `rijen voor eindpunten die niet (meer) bestaan: ${nietGevonden.join(", ")}`);
  });

  it("weigert wie niet mag, zonder iets te veranderen of te verraden, en laat toe wie mag", async () => {
    bevindingen.length = 0;
    cellen = 0;
    const matrix = Object.entries(API);
    await weigeringenPerRij(matrix, weigeringApi);
    await parallel(toegestaneCellen(matrix, false), 6, ({ sleutel, r, rol }) => toegestaanApi(sleutel, r, rol));
    await parallel(toegestaneCellen(matrix, true), 4, ({ sleutel, r, rol }) => toegestaanApi(sleutel, r, rol));
    assert.deepEqual(bevindingen, [], `${bevindingen.length} bevindingen`);
    assert.equal(
      cellen,
      matrix.reduce((n, [, gevallen]) => n + gevallen.length * ROLLEN.length, 0),
      "elke cel is gelopen",
    );
  });
});

// ---------------- pages ----------------

type BuildRoute = { path?: string; parentId?: string; index?: boolean; module: { action?: unknown } };

async function paginaSleutels(): Promise<string[]> {
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as {
    routes: Record<string, BuildRoute>;
  };
  const volledig = (id: string): string => {
    const r = build.routes[id];
    const ouder = r.parentId ? volledig(r.parentId) : "";
    return [ouder, r.path ?? ""].filter(Boolean).join("/");
  };
  return Object.entries(build.routes)
    .filter(([id]) => id !== "root")
    .flatMap(([id, r]) => {
      const pad = `/${volledig(id)}`;
      return r.module.action ? [`GET ${pad}`, `POST ${pad}`] : [`GET ${pad}`];
    });
}

const cookies: Partial<Record<Rol, string>> = {};

async function cookieVan(rol: Rol, o: Onderwerpen, onderwerp?: Onderwerp, vers = false): Promise<string | undefined> {
  if (rol === "anoniem") return undefined;
  if (rol === "client" || rol === "clientAnder")
    return `zv_client=${encodeURIComponent((await tokenVan(rol, o, onderwerp, vers))!)}`;
  if (!vers && cookies[rol]) return cookies[rol];
  const { res, cookie } = await webInloggen(server, LOGIN[rol]!);
  assert.ok(cookie?.startsWith("zv_sessie="), `inloggen als ${rol}: ${res.status}`);
  if (!vers) cookies[rol] = cookie;
  return cookie;
}

function formulierVoor(naam: PaginaRij["formulier"], o: Onderwerpen) {
  if (naam === "aanbodIntrekken") return new URLSearchParams({ _actie: "intrekken", aanbiedingId: o.S });
  if (naam === "hulpvraagIntrekken")
    return new URLSearchParams({ intent: "intrekken", reden: "De cliënt is verhuisd (matrixtest)." });
  if (naam === "keuzeS") return new URLSearchParams({ offerId: o.S });
  if (naam === "concept") {
    const h = hulpvraagInvoer(o.clientId);
    return new URLSearchParams({
      regio: h.regio,
      leeftijdsklasse: h.leeftijdsklasse,
      huishouden: h.huishouden,
      toelichting: h.toelichting,
      resultaten: "schoon_huis",
      "toelichting.schoon_huis": "Het huis is schoon en veilig.",
      productcategorieen: "01",
      startdatum: h.startdatum,
      duurMaanden: "12",
      urgentie: "regulier",
    });
  }
  return new URLSearchParams();
}

const paginaPad = (sleutel: string, o: Onderwerpen, onderwerp?: Onderwerp, id?: string) =>
  vulIn(sleutel, "")
    .replace(":id", id ?? (onderwerp === "P" ? o.P : hulpvraagVan(o, onderwerp)))
    .replace(":formaat", "xml")
    .replace("/*", "/bestaat-niet-in-de-matrix");

async function vraagPagina(sleutel: string, r: PaginaRij, rol: Rol, o: Onderwerpen, id?: string, vers = false) {
  const method = methodVan(sleutel);
  const headers: Record<string, string> =
    method === "POST" ? { "content-type": "application/x-www-form-urlencoded", origin: server.url } : {};
  const cookie = await cookieVan(rol, o, r.onderwerp, vers);
  if (cookie) headers.cookie = cookie;
  const res = await fetch(server.url + paginaPad(sleutel, o, r.onderwerp, id), {
    method,
    redirect: "manual",
    headers,
    body: method === "POST" ? formulierVoor(r.formulier, o) : undefined,
  });
  const plek = res.headers.get("location");
  return { status: res.status, plek: plek ? new URL(plek, server.url) : null, tekst: await res.text() };
}

function uitkomst(a: { status: number; plek: URL | null }): string {
  if (a.plek && a.status >= 300 && a.status < 400) {
    if (a.plek.pathname === "/inloggen" && a.plek.searchParams.has("terug")) return "inloggen";
    if (a.plek.pathname === "/uitnodiging" && a.plek.search === "") return "uitnodiging";
    return `→${a.plek.pathname}${a.plek.search}`;
  }
  return String(a.status);
}

async function weigeringPagina(sleutel: string, r: PaginaRij, rol: Rol) {
  const cel = r.cellen[rol];
  cellen++;
  const waar = `${sleutel} [${r.onderwerp ?? "-"}] als ${rol}`;
  const a = await vraagPagina(sleutel, r, rol, wereld);
  meld(uitkomst(a) === String(cel), `${waar}: ${cel} verwacht, kreeg ${uitkomst(a)} ${a.tekst.slice(0, 120)}`);
  // A refused form post shows the page again: it may hold what the role may read there, nothing more.
  const lezen = PAGINAS[sleutel.replace(/^POST /, "GET ")]?.cellen[rol];
  const lek = lekt(
    a.tekst,
    verboden(
      lezen && TOEGESTAAN.includes(lezen) ? lezen : "leeg",
      geheimenVoor(r.onderwerp),
      wereld,
      eigenHulpvraag(rol, r.onderwerp),
    ),
  );
  meld(lek.length === 0, `${waar}: de weigering bevat ${lek.join(", ")}`);
  if (r.onderwerp) {
    const b = await vraagPagina(sleutel, r, rol, wereld, nietBestaand(hulpvraagVan(wereld, r.onderwerp)));
    meld(
      uitkomst(b).replace(/terug=[^&]*/, "") === uitkomst(a).replace(/terug=[^&]*/, "") && b.status === a.status,
      `${waar}: antwoordt anders dan voor een onbekend id (${uitkomst(a)} / ${uitkomst(b)})`,
    );
  }
}

async function toegestaanPagina(sleutel: string, r: PaginaRij, rol: Rol) {
  const cel = r.cellen[rol];
  cellen++;
  const o = r.muteert ? await versWereld(r.onderwerp) : wereld;
  const a = await vraagPagina(sleutel, r, rol, o, undefined, EIGEN_SESSIE.has(sleutel));
  const waar = `${sleutel} [${r.onderwerp ?? "-"}] als ${rol}`;
  if (String(cel).startsWith("→")) return meld(uitkomst(a) === cel, `${waar}: ${cel} verwacht, kreeg ${uitkomst(a)}`);
  meld(!["inloggen", "uitnodiging"].includes(uitkomst(a)), `${waar}: toegestaan verwacht, kreeg ${uitkomst(a)}`);
  controleerToegestaan(waar, cel, a.status, a.tekst, geheimenVoor(r.onderwerp), o, methodVan(sleutel) === "GET");
}

describe("autorisatiematrix: pagina's", () => {
  it("heeft een rij voor precies elke route uit de Remix-build", async () => {
    const { ontbreektInMatrix, nietGevonden } = verschil(Object.keys(PAGINAS), await paginaSleutels());
    assert.deepEqual(
      ontbreektInMatrix,
      [],
      `routes zonder rij in tests/integration/autorisatie.matrix.ts: ${ontbreektInMatrix.join(", ")}`,
    );
    assert.deepEqual(nietGevonden, [], `rijen voor routes die niet in de build staan: ${nietGevonden.join(", ")}`);
  });

  it("toont elke pagina alleen aan wie mag, en een weigering verraadt niets", async () => {
    bevindingen.length = 0;
    cellen = 0;
    const bestaand = new Set(await paginaSleutels());
    // Rows for routes another branch is still adding run as soon as the route is in the build.
    const matrix = Object.entries(PAGINAS)
      .filter(([k]) => bestaand.has(k))
      .map(([k, r]) => [k, [r]] as [string, PaginaRij[]]);
    await weigeringenPerRij(matrix, weigeringPagina);
    await parallel(toegestaneCellen(matrix, false), 6, ({ sleutel, r, rol }) => toegestaanPagina(sleutel, r, rol));
    await parallel(toegestaneCellen(matrix, true), 4, ({ sleutel, r, rol }) => toegestaanPagina(sleutel, r, rol));
    assert.deepEqual(bevindingen, [], `${bevindingen.length} bevindingen`);
    assert.equal(cellen, matrix.length * ROLLEN.length, "elke cel is gelopen");
  });
});

// ---------------- sockets ----------------

type Luisteraar = { socket: Socket; events: LiveEvent[]; verbonden: Promise<void> };

function luister(auth: { token?: string }): Luisteraar {
  const socket: Socket = io(server.url, { transports: ["websocket"], reconnection: false, auth });
  const events: LiveEvent[] = [];
  socket.on("live", (e: LiveEvent) => events.push(e));
  const verbonden = new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  return { socket, events, verbonden };
}

const sync = (l: Luisteraar, feeds: Record<string, number>) =>
  new Promise<{ events: LiveEvent[]; feeds: Record<string, number> }>((resolve) =>
    l.socket.emit("sync", { feeds }, resolve),
  );

describe("autorisatiematrix: socket-kamers", () => {
  it("heeft een rij voor precies elke soort kamer uit feedVoor", () => {
    const { ontbreektInMatrix, nietGevonden } = verschil(Object.keys(KAMERS), Object.keys(feedVoor));
    assert.deepEqual(ontbreektInMatrix, [], `kamers zonder rij: ${ontbreektInMatrix.join(", ")}`);
    assert.deepEqual(nietGevonden, [], `rijen voor kamers die niet bestaan: ${nietGevonden.join(", ")}`);
  });

  it("laat elke rol alleen in de eigen kamers, en een buitenstaander hoort niets over een hulpvraag", async () => {
    bevindingen.length = 0;
    const anoniem = luister({});
    await assert.rejects(anoniem.verbonden, /unauthorized/, "een socket zonder sessie wordt geweigerd");
    anoniem.socket.close();

    const k = kenmerk("live");
    const id = await concept(k);
    const rollen = ROLLEN.filter((r): r is Exclude<Rol, "anoniem"> => r !== "anoniem");
    const luisteraars = {} as Record<Exclude<Rol, "anoniem">, Luisteraar>;
    for (const rol of rollen.filter((r) => r !== "client"))
      luisteraars[rol] = luister({ token: await tokenVan(rol, wereld) });
    await Promise.all(Object.values(luisteraars).map((l) => l.verbonden));
    const pub = await server.api("POST", `/api/v1/requests/${id}/publish`, { token: await server.token(CONSULENT) });
    assert.equal(pub.status, 200, pub.text);
    // An invite needs a published request: the client listens from here on.
    const clientVanId = await clientToken(server, id, "198.51.100.250");
    luisteraars.client = luister({ token: clientVanId });
    await luisteraars.client.verbonden;
    const S = await dienIn(id, THUISZORG, aanbodS());
    const K = await dienIn(id, BEGELEIDING, aanbodK());

    const herken: Record<LiveGebeurtenis, (e: LiveEvent) => boolean> = {
      gepubliceerd: (e) => e.type === "request:published" && e.payload.hulpvraagId === id,
      aanbodS: (e) => e.type === "offer:created" && e.payload.aanbieding.id === S,
      aanbodK: (e) => e.type === "offer:created" && e.payload.aanbieding.id === K,
    };
    const einde = Date.now() + 5000;
    while (
      Date.now() < einde &&
      !rollen.every((r) => LIVE[r].hoort.every((g) => luisteraars[r].events.some(herken[g])))
    )
      await pauze(50);
    await pauze(500);

    const geheim: Geheimen = { teksten: [k, id, S, K], prijzen: [PRIJS.S, PRIJS.K] };
    const o = { ...wereld, R: id, S, K };
    for (const rol of rollen) {
      const l = luisteraars[rol];
      const gehoord = (Object.keys(herken) as LiveGebeurtenis[]).filter((g) => l.events.some(herken[g]));
      meld(
        JSON.stringify(gehoord) === JSON.stringify(LIVE[rol].hoort),
        `${rol} hoorde ${gehoord.join(", ") || "niets"}, verwacht ${LIVE[rol].hoort.join(", ") || "niets"}`,
      );
      const lek = lekt(JSON.stringify(l.events), verboden(LIVE[rol].zonder, geheim, o));
      meld(lek.length === 0, `${rol} hoorde ${lek.join(", ")}`);

      // The rooms: the server's sync answer names exactly the feeds this socket is in,
      // whatever it asks for, and replays nothing from feeds that are not its own.
      const me = (
        await server.api("GET", "/api/v1/me", { token: rol === "client" ? clientVanId : await tokenVan(rol, wereld) })
      ).body;
      const andermans = {
        [feedVoor.hulpvraag(id)]: 0,
        [feedVoor.gemeente("winterswijk")]: 0,
        [feedVoor.toezicht("winterswijk")]: 0,
        [feedVoor.aanbieder("ab_thuiszorg_achterhoek")]: 0,
        [feedVoor.aanbieder("ab_begeleiding_oost")]: 0,
      };
      const antwoord = await sync(l, andermans);
      const verwacht = Object.entries(KAMERS)
        .flatMap(([soort, perRol]) => {
          const welke = perRol[rol];
          if (!welke) return [];
          if (welke === "R") return [feedVoor.hulpvraag(id)];
          if (welke === "R2") return [feedVoor.hulpvraag(R2)];
          const eigen = {
            gemeente: me.gemeenteId,
            toezicht: me.gemeenteId,
            aanbieder: me.aanbiederId,
            gebruiker: me.id,
            hulpvraag: me.requestId,
          }[soort];
          return [(feedVoor as Record<string, (x: string) => string>)[soort](eigen)];
        })
        .sort();
      meld(
        JSON.stringify(Object.keys(antwoord.feeds).sort()) === JSON.stringify(verwacht),
        `${rol} zit in ${Object.keys(antwoord.feeds).sort().join(", ")}, verwacht ${verwacht.join(", ")}`,
      );
      const vreemd = antwoord.events.filter((e) => !verwacht.includes(e.feed));
      meld(
        vreemd.length === 0,
        `${rol} kreeg bij sync events uit andermans kamers: ${vreemd.map((e) => e.feed).join(", ")}`,
      );
      const syncLek = lekt(JSON.stringify(antwoord.events), verboden(LIVE[rol].zonder, geheim, o));
      meld(syncLek.length === 0, `${rol} kreeg bij sync ${syncLek.join(", ")}`);
      l.socket.close();
    }
    assert.deepEqual(bevindingen, [], `${bevindingen.length} bevindingen`);
  });
});

function dagVanaf(dagen: number) {
  return new Date(Date.now() + dagen * 86400_000).toISOString().slice(0, 10);
}
