import { and, eq, sql } from "drizzle-orm";
import { aanbieders, consortia, consortiumLeden, contracten, hulpvragen, personeelsovernames } from "../../db/schema";
import { db, type Executor, type Tx } from "../../db/client.server";
import type { Component } from "../../db/schema/markt";
import { amsterdamDatum } from "./deadline";
import { euro } from "../format/nl";
import { DomainError, type FoutDetail } from "./errors";
import { vereisRol, type Actor } from "./actor";
import { leesRegelboek, type Regelboek } from "./regelboek.server";
import type { AanbiedingInvoer } from "../schemas/aanbieding";
import { vooraf } from "./vooraf.server";
import { voldoetAanVloer, vloerWeigering } from "./reeel-tarief";
import { codesMetTariefOp } from "./productcodes.server";
import { maandbedragCent, omvangTekst, pastBijVariant } from "./productcode-varianten";
import { kapVan } from "./personeelsbestand.server";

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
 * The contracts of the suppliers in the gemeente and the named codes with the tariff in force
 * today, in one round trip: what every component is judged against below.
 */
async function contractenEnCodes(tx: Tx, gemeenteId: string, leveranciers: string[], codes: string[], datum: string) {
  return Promise.all([contractenVan(tx, { gemeenteId, leveranciers }), codesMetTariefOp(tx, gemeenteId, codes, datum)]);
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
  const [alleContracten, codes] = await contractenEnCodes(
    tx,
    h.gemeenteId,
    [...new Set(invoer.componenten.map((c) => c.aanbiederId))],
    [...new Set(invoer.componenten.map((c) => c.productcode))],
    vandaag,
  );
  const beoordeeld: Component[] = [];
  for (const [i, c] of invoer.componenten.entries()) {
    const veld = (v: string) => `componenten.${i}.${v}`;
    // The code: on the list of the request's gemeente (another gemeente's code is not found), active, with a tariff today.
    const gevonden = codes.find((r) => r.code.code === c.productcode);
    if (!gevonden || !gevonden.code.actief || !gevonden.tarief) {
      throw new DomainError("unknown_productcode", [
        {
          field: veld("productcode"),
          message: !gevonden
            ? `Productcode ${c.productcode} staat niet op de productcodelijst van de gemeente van deze hulpvraag.`
            : !gevonden.code.actief
              ? `Productcode ${c.productcode} is niet meer actief; kies een andere code.`
              : `Voor productcode ${c.productcode} geldt vandaag nog geen reëel tarief.`,
        },
      ]);
    }
    const { code, tarief } = gevonden;
    if (!h.productcategorieen.includes(code.productcategorie))
      throw new DomainError("invalid_input", [
        {
          field: veld("productcode"),
          message: `Productcode ${code.code} hoort bij productcategorie ${code.productcategorie}, die deze hulpvraag niet vraagt.`,
        },
      ]);
    // The omvang is stated in the code's own eenheid and frequentie; taakgericht is one month of the task.
    const eenheid = c.eenheid ?? code.eenheid;
    const frequentie = c.frequentie ?? code.frequentie;
    if (
      eenheid !== code.eenheid ||
      frequentie !== code.frequentie ||
      !pastBijVariant(code.uitvoeringsvariant, eenheid, frequentie)
    )
      throw new DomainError("wrong_unit", [
        {
          field: veld(eenheid !== code.eenheid ? "eenheid" : "frequentie"),
          message: `Productcode ${code.code} wordt uitgedrukt in ${omvangTekst(1, code.eenheid, code.frequentie).replace(/^1 /, "")}; geef de omvang in die eenheid en frequentie.`,
        },
      ]);
    if (code.uitvoeringsvariant === "taakgericht" && c.omvang !== 1)
      throw new DomainError("wrong_unit", [
        {
          field: veld("omvang"),
          message: `Productcode ${code.code} is taakgericht: de omvang is 1 (de taak per maand), de prijs het bedrag per maand.`,
        },
      ]);

    // Rule 1: a contract of this supplier on the start date for the category, naming this code, covering the whole period.
    const kandidaten = alleContracten.filter(
      (k) =>
        k.aanbiederId === c.aanbiederId &&
        k.productcategorieen.includes(code.productcategorie) &&
        k.startdatum <= invoer.startdatum &&
        k.einddatum >= invoer.startdatum,
    );
    if (kandidaten.length === 0) {
      throw new DomainError("not_contracted", [
        {
          field: veld("aanbiederId"),
          message: `Geen contract met de gemeente voor productcategorie ${code.productcategorie} op de startdatum.`,
        },
      ]);
    }
    const metCode = kandidaten.filter((k) => k.productcodes.includes(code.code));
    if (metCode.length === 0) {
      throw new DomainError("product_not_contracted", [
        {
          field: veld("productcode"),
          message: `Het contract met de gemeente noemt productcode ${code.code} niet; kies een code die het contract noemt.`,
        },
      ]);
    }
    const dekkend = metCode.find((k) => k.einddatum >= invoer.einddatum);
    if (!dekkend) {
      const laatste = metCode
        .map((k) => k.einddatum)
        .sort()
        .at(-1);
      throw new DomainError("outside_contract_period", [
        {
          field: "einddatum",
          message: `Het contract voor productcode ${code.code} loopt tot ${laatste}; het arrangement mag niet later eindigen.`,
        },
      ]);
    }

    // Rule 3: the price per eenheid is at least the code's tariff per eenheid in force today.
    const codeTarief = { code: code.code, eenheid: code.eenheid, tariefPerEenheidCent: tarief.tariefPerEenheidCent };
    if (!voldoetAanVloer(codeTarief, c.prijsPerEenheidCent)) {
      throw new DomainError("below_floor_tariff", [
        { field: veld("prijsPerEenheidCent"), message: vloerWeigering(codeTarief, c.prijsPerEenheidCent) },
      ]);
    }
    beoordeeld.push({
      aanbiederId: c.aanbiederId,
      productcategorie: code.productcategorie,
      productcode: code.code,
      uitvoeringsvariant: code.uitvoeringsvariant,
      omvang: c.omvang,
      eenheid,
      frequentie,
      prijsPerEenheidCent: c.prijsPerEenheidCent,
      omschrijving: c.omschrijving,
      resultaten: c.resultaten,
      prijsPerMaandCent: maandbedragCent({ omvang: c.omvang, frequentie, prijsPerEenheidCent: c.prijsPerEenheidCent }),
      reeelTariefCent: tarief.tariefPerEenheidCent,
      contractId: dekkend.id,
    });
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
