import { and, desc, eq, lte, sql } from "drizzle-orm";
import {
  aanbieders,
  consortia,
  consortiumLeden,
  contracten,
  hulpvragen,
  personeelsovernames,
  tarieven,
} from "../../db/schema";
import { db, type Executor, type Tx } from "../../db/client.server";
import type { Component } from "../../db/schema/markt";
import { amsterdamDatum } from "./deadline";
import { euro } from "../format/nl";
import { DomainError, type FoutDetail } from "./errors";
import { vereisRol, type Actor } from "./actor";
import { leesRegelboek, type Regelboek } from "./regelboek.server";
import type { AanbiedingInvoer } from "../schemas/aanbieding";
import { vooraf } from "./vooraf.server";
import { kapVan } from "./personeelsbestand.server";
import { reeleVloer, vloerBerekening } from "./reeel-tarief";

type Hulpvraag = typeof hulpvragen.$inferSelect;

export type Leveranciers = {
  consortium: typeof consortia.$inferSelect | null;
  /** Who may deliver: the bidder alone, or every member of its consortium (the penvoerder included). */
  leden: string[];
  /** The names of all of them, for the offer as it is shown: read here once, not again per payload. */
  namen: Map<string, string>;
};

/**
 * Who may deliver: the bidder alone, or the members of the consortium it leads (rule 1). The
 * consortium and its members (with names) are asked for together: one round trip.
 */
export async function leveranciersVoor(
  tx: Tx,
  bieder: string,
  consortiumId: string | null | undefined,
): Promise<Leveranciers> {
  if (!consortiumId) {
    const rijen = await naamVan(tx, { id: bieder });
    return { consortium: null, leden: [bieder], namen: new Map(rijen.map((r) => [r.id, r.naam])) };
  }
  const [[c], leden] = await Promise.all([
    tx.select().from(consortia).where(eq(consortia.id, consortiumId)),
    tx
      .select({ id: consortiumLeden.aanbiederId, naam: aanbieders.naam })
      .from(consortiumLeden)
      .innerJoin(aanbieders, eq(aanbieders.id, consortiumLeden.aanbiederId))
      .where(eq(consortiumLeden.consortiumId, consortiumId)),
  ]);
  if (!c) throw new DomainError("invalid_input", [{ field: "consortiumId", message: "Dit consortium bestaat niet." }]);
  if (c.penvoerderId !== bieder)
    throw new DomainError("invalid_input", [
      { field: "consortiumId", message: "Alleen de penvoerder dient een aanbod in namens het consortium." },
    ]);
  return { consortium: c, leden: leden.map((l) => l.id), namen: new Map(leden.map((l) => [l.id, l.naam])) };
}

/**
 * The contracts of the suppliers in the gemeente and the tariffs in force today for the asked
 * categories, in one round trip: what `contractenVoor` and `tariefOp` give per component and
 * per category, filtered the same way below.
 */
async function contractenEnTarieven(
  tx: Tx,
  gemeenteId: string,
  leveranciers: string[],
  categorieen: string[],
  datum: string,
) {
  return Promise.all([
    contractenVan(tx, { gemeenteId, leveranciers }),
    tarievenOp(tx, { gemeenteId, categorieen, datum }),
  ]);
}

// Built once (vooraf.server.ts): these run for every offer.
const naamVan = vooraf(() =>
  db()
    .select({ id: aanbieders.id, naam: aanbieders.naam })
    .from(aanbieders)
    .where(eq(aanbieders.id, sql.placeholder("id")))
    .prepare("aanbod_naam"),
);
const contractenVan = vooraf(() =>
  db()
    .select()
    .from(contracten)
    .where(
      and(
        eq(contracten.gemeenteId, sql.placeholder("gemeenteId")),
        sql`${contracten.aanbiederId} = any(${sql.placeholder("leveranciers")}::text[])`,
      ),
    )
    .prepare("aanbod_contracten"),
);
const tarievenOp = vooraf(() =>
  db()
    .selectDistinctOn([tarieven.productcategorie])
    .from(tarieven)
    .where(
      and(
        eq(tarieven.gemeenteId, sql.placeholder("gemeenteId")),
        sql`${tarieven.productcategorie} = any(${sql.placeholder("categorieen")}::text[])`,
        lte(tarieven.geldigVanaf, sql.placeholder("datum")),
      ),
    )
    .orderBy(tarieven.productcategorie, desc(tarieven.geldigVanaf), desc(tarieven.createdAt))
    .prepare("aanbod_tarieven"),
);

/** Why rule 4 applies: the client keeps the caregiver, or the current provider's yearly cap is reached. */
export type Overnamegrond = { grond: "behouden" | "plafond"; tekst: string };

/**
 * Whether the offer must commit to employing the current caregiver (rule 4), and why. `aantal` is
 * the number of the current provider's staff moving with this client, `startdatum` sets the year.
 * `vergrendel` is for the award transaction: the outgoing provider's row is locked before counting.
 */
export async function overnameVereist(
  executor: Executor,
  h: Pick<Hulpvraag, "huidigeZorg">,
  leveranciers: string[],
  regels: Regelboek,
  verhuizing: { aantal: number; startdatum: string; vergrendel?: boolean },
): Promise<Overnamegrond | null> {
  const huidig = h.huidigeZorg;
  if (!huidig || leveranciers.includes(huidig.aanbiederId)) return null;
  if (huidig.behouden) return { grond: "behouden", tekst: "De cliënt wil de huidige hulpverlener houden." };
  const jaar = Number(verhuizing.startdatum.slice(0, 4));
  const kap = await kapVan(
    executor,
    huidig.aanbiederId,
    jaar,
    regels.personeelsmutatiePlafondProcent,
    verhuizing.vergrendel,
  );
  if (kap.gebruikt + verhuizing.aantal <= kap.toegestaan) return null;
  const mw = (n: number) => `${n} ${n === 1 ? "medewerker" : "medewerkers"}`;
  const tekst =
    kap.koppen === null
      ? `De huidige aanbieder heeft voor ${jaar} geen personeelsbestand vastgelegd; zonder personeelsbestand is het plafond van ${kap.procent}% personeelsmutaties 0.`
      : `Het plafond van ${kap.procent}% personeelsmutaties zonder personeelsovername is bereikt voor de huidige aanbieder: in ${jaar} ${mw(kap.toegestaan)} van de ${kap.koppen}, al ${kap.gebruikt} gebruikt, en dit aanbod verhuist er ${verhuizing.aantal}.`;
  return { grond: "plafond", tekst };
}

/**
 * Rule 4 as the offer form explains it before anything is submitted: the same judgement as
 * `controleerAanbieding`, for an offer of this aanbieder alone, so the page never says
 * something the server will not hold to.
 */
export async function overnameVereistVoorAanbieder(
  actor: Actor,
  h: Pick<Hulpvraag, "gemeenteId" | "huidigeZorg" | "startdatum">,
): Promise<Overnamegrond | null> {
  const aanbieder = vereisRol(actor, "aanbieder");
  if (!aanbieder.aanbiederId || !h.huidigeZorg) return null;
  return overnameVereist(db(), h, [aanbieder.aanbiederId], await leesRegelboek(h.gemeenteId), {
    aantal: 1,
    startdatum: h.startdatum,
  });
}

/**
 * Rules 1–4 for one offer, in the order a provider can fix them. Returns the components with
 * what they were judged against (tariff, contract), so later changes never rewrite the judgement.
 */
export async function controleerAanbieding(
  tx: Tx,
  h: Hulpvraag,
  invoer: AanbiedingInvoer,
  leveranciers: string[],
  regels: Regelboek,
): Promise<Component[]> {
  const ongeldig: FoutDetail[] = [];
  const resultatenGevraagd = new Set(h.resultaten.map((r) => r.code));
  invoer.componenten.forEach((c, i) => {
    if (!leveranciers.includes(c.aanbiederId))
      ongeldig.push({
        field: `componenten.${i}.aanbiederId`,
        message: "Dit onderdeel moet geleverd worden door uw organisatie of een lid van het consortium.",
      });
    if (!h.productcategorieen.includes(c.productcategorie))
      ongeldig.push({ field: `componenten.${i}.productcategorie`, message: "Deze productcategorie is niet gevraagd." });
    c.resultaten.forEach((r, j) => {
      if (!resultatenGevraagd.has(r))
        ongeldig.push({
          field: `componenten.${i}.resultaten.${j}`,
          message: "Dit resultaat staat niet in de hulpvraag.",
        });
    });
  });
  if (ongeldig.length) throw new DomainError("invalid_input", ongeldig);

  if (invoer.dienstverband === "alfahulp") {
    throw new DomainError("staffing_not_allowed", [
      {
        field: "dienstverband",
        message: "Alfahulp is niet toegestaan in zorg in natura: het personeel is in dienst van de aanbieder.",
      },
    ]);
  }
  if (invoer.dienstverband === "zzp" && !regels.zzpToegestaan) {
    throw new DomainError("staffing_not_allowed", [
      { field: "dienstverband", message: "Deze gemeente staat de inzet van zzp'ers niet toe." },
    ]);
  }

  const vandaag = amsterdamDatum(new Date());
  const [alleContracten, tarievenVandaag] = await contractenEnTarieven(
    tx,
    h.gemeenteId,
    [...new Set(invoer.componenten.map((c) => c.aanbiederId))],
    [...new Set(invoer.componenten.map((c) => c.productcategorie))],
    vandaag,
  );
  const beoordeeld: Component[] = [];
  for (const [i, c] of invoer.componenten.entries()) {
    const kandidaten = alleContracten.filter(
      (k) =>
        k.aanbiederId === c.aanbiederId &&
        k.productcategorieen.includes(c.productcategorie) &&
        k.startdatum <= invoer.startdatum &&
        k.einddatum >= invoer.startdatum,
    );
    if (kandidaten.length === 0) {
      throw new DomainError("not_contracted", [
        {
          field: `componenten.${i}.aanbiederId`,
          message: `Geen contract met de gemeente voor productcategorie ${c.productcategorie} op de startdatum.`,
        },
      ]);
    }
    const dekkend = kandidaten.find((k) => k.einddatum >= invoer.einddatum);
    if (!dekkend) {
      const laatste = kandidaten
        .map((k) => k.einddatum)
        .sort()
        .at(-1);
      throw new DomainError("outside_contract_period", [
        {
          field: "einddatum",
          message: `Het contract voor productcategorie ${c.productcategorie} loopt tot ${laatste}; het arrangement mag niet later eindigen.`,
        },
      ]);
    }
    beoordeeld.push({ ...c, urenPerWeek: c.urenPerWeek ?? null, contractId: dekkend.id });
  }

  // Rule 3, per category, with the tariff in force today; hour-based tariffs add a floor of their own.
  const perCategorie = new Map<string, { prijs: number; uren: number; eerste: number }>();
  beoordeeld.forEach((c, i) => {
    const som = perCategorie.get(c.productcategorie) ?? { prijs: 0, uren: 0, eerste: i };
    som.prijs += c.prijsPerMaandCent;
    som.uren += c.urenPerWeek ?? 0;
    perCategorie.set(c.productcategorie, som);
  });
  for (const [categorie, som] of perCategorie) {
    const tarief = tarievenVandaag.find((t) => t.productcategorie === categorie);
    if (!tarief) continue;
    const vloer = reeleVloer(tarief, som.uren);
    for (const c of beoordeeld) if (c.productcategorie === categorie) c.reeelTariefCent = vloer;
    if (som.prijs < vloer) {
      throw new DomainError("below_floor_tariff", [
        {
          field: `componenten.${som.eerste}.prijsPerMaandCent`,
          message: `Het reële tarief voor productcategorie ${categorie} is ${vloerBerekening(tarief, som.uren)}.`,
        },
      ]);
    }
  }
  const totaal = beoordeeld.reduce((s, c) => s + c.prijsPerMaandCent, 0);
  if (h.budgetPerMaandCent !== null && totaal > h.budgetPerMaandCent) {
    throw new DomainError("above_budget", [
      {
        field: "componenten",
        message: `Het aanbod kost ${euro(totaal)} per maand; het plafond is ${euro(h.budgetPerMaandCent)}.`,
      },
    ]);
  }

  const reden = await overnameVereist(tx, h, leveranciers, regels, {
    aantal: invoer.overnameAantal,
    startdatum: invoer.startdatum,
  });
  if (reden && !invoer.overnameHulpverlener) {
    throw new DomainError("staff_transfer_required", [
      {
        field: "overnameHulpverlener",
        message: `${reden.tekst} Zeg toe dat u deze hulpverlener een baan aanbiedt onder de geldende cao.`,
      },
    ]);
  }
  return beoordeeld;
}
