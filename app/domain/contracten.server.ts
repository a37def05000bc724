import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { aanbieders, contracten, productcodes, regelboeken } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { duurtMinstens, plusMaanden } from "./datums";
import { nieuweReeks } from "./iwmo/nummerreeks.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { leesRegelboek } from "./regelboek.server";
import type { z } from "zod";
import type { ContractCorrectieSchema, ContractSchema, RegelboekSchema } from "../schemas/beheer";
import { amsterdamDatum } from "./deadline";
import { aantal, datum } from "../format/nl";

type ContractDatums = { startdatum: string; einddatum: string; gegundOp: string };

/**
 * Rule 2 on a contract's dates: the minimum length; awarded long enough before the start; and,
 * because gegundOp is typed in, also registered long enough before the start (a backdated
 * gegundOp cannot shorten the lead time). A gegundOp after the registration day is not an award yet.
 */
function controleerContract(
  c: ContractDatums,
  geregistreerdOp: string,
  regels: { minContractMaanden: number; gunningVoorStartMaanden: number },
) {
  if (c.einddatum <= c.startdatum)
    throw new DomainError("invalid_input", [{ field: "einddatum", message: "De einddatum ligt voor de startdatum." }]);
  if (!duurtMinstens(c.startdatum, c.einddatum, regels.minContractMaanden)) {
    throw new DomainError("contract_too_short", [
      {
        field: "einddatum",
        message: `Een contract loopt minstens ${aantal(regels.minContractMaanden, "maand", "maanden")}.`,
      },
    ]);
  }
  if (c.gegundOp > geregistreerdOp) {
    throw new DomainError("invalid_input", [
      {
        field: "gegundOp",
        message: `De gunningsdatum ligt na de dag van registratie (${datum(geregistreerdOp)}). Registreer een contract als het gegund is.`,
      },
    ]);
  }
  if (plusMaanden(c.gegundOp, regels.gunningVoorStartMaanden) > c.startdatum) {
    throw new DomainError("award_lead_time", [
      {
        field: "gegundOp",
        message: `Gun een contract minstens ${aantal(regels.gunningVoorStartMaanden, "maand", "maanden")} voor de start.`,
      },
    ]);
  }
  if (plusMaanden(geregistreerdOp, regels.gunningVoorStartMaanden) > c.startdatum) {
    throw new DomainError("award_lead_time", [
      {
        field: "startdatum",
        message: `Het contract is op ${datum(geregistreerdOp)} geregistreerd; de start moet minstens ${aantal(regels.gunningVoorStartMaanden, "maand", "maanden")} daarna liggen. Een eerdere gunningsdatum telt daarvoor niet.`,
      },
    ]);
  }
}

/** The codes a contract names: on the gemeente's list, and each within one of the contract's categories. */
async function controleerCodes(executor: Executor, gemeenteId: string, categorieen: string[], codes: string[]) {
  if (codes.length === 0) return;
  const lijst = await executor
    .select({ code: productcodes.code, productcategorie: productcodes.productcategorie })
    .from(productcodes)
    .where(and(eq(productcodes.gemeenteId, gemeenteId), inArray(productcodes.code, codes)));
  const fouten = codes.flatMap((code, i) => {
    const p = lijst.find((l) => l.code === code);
    if (!p)
      return [
        {
          field: `productcodes.${i}`,
          message: `Productcode ${code} staat niet op de productcodelijst van uw gemeente.`,
        },
      ];
    if (!categorieen.includes(p.productcategorie))
      return [
        {
          field: `productcodes.${i}`,
          message: `Productcode ${code} hoort bij productcategorie ${p.productcategorie}, die dit contract niet noemt.`,
        },
      ];
    return [];
  });
  if (fouten.length) throw new DomainError("invalid_input", fouten);
}

/** Rule 2: at least the minimum length, and awarded and registered long enough before the start. */
export async function registreerContract(actor: Actor, invoer: z.infer<typeof ContractSchema>) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  const regels = await leesRegelboek(gemeenteId);
  const geregistreerdOp = amsterdamDatum(new Date());
  controleerContract(invoer, geregistreerdOp, regels);
  const [aanbieder] = await db()
    .select({ id: aanbieders.id })
    .from(aanbieders)
    .where(eq(aanbieders.id, invoer.aanbiederId));
  if (!aanbieder)
    throw new DomainError("invalid_input", [{ field: "aanbiederId", message: "Deze aanbieder is onbekend." }]);
  await controleerCodes(db(), gemeenteId, invoer.productcategorieen, invoer.productcodes);
  return inTransactie(async (tx) => {
    const [contract] = await tx
      .insert(contracten)
      .values({ id: newId("ct"), gemeenteId, ...invoer, geregistreerdOp })
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "contract.geregistreerd",
      entiteit: "contract",
      entiteitId: contract.id,
      gemeenteId,
      na: contract,
    });
    return contract;
  });
}

/**
 * A correction of a registered contract: the same rules, measured from the day it was first
 * registered, and on the audit trail with its reason, before and after.
 */
export async function corrigeerContract(
  actor: Actor,
  contractId: string,
  invoer: z.infer<typeof ContractCorrectieSchema>,
) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  const regels = await leesRegelboek(gemeenteId);
  return inTransactie(async (tx) => {
    const [voor] = await tx
      .select()
      .from(contracten)
      .where(and(eq(contracten.id, contractId), eq(contracten.gemeenteId, gemeenteId)))
      .for("update");
    if (!voor) throw new DomainError("not_found");
    const { reden, ...wijziging } = invoer;
    const na = {
      ...voor,
      ...Object.fromEntries(Object.entries(wijziging).filter(([, v]) => v !== undefined)),
    } as typeof voor;
    controleerContract(na, voor.geregistreerdOp, regels);
    await controleerCodes(tx, gemeenteId, na.productcategorieen, na.productcodes);
    const [opgeslagen] = await tx
      .update(contracten)
      .set({
        productcategorieen: na.productcategorieen,
        productcodes: na.productcodes,
        startdatum: na.startdatum,
        einddatum: na.einddatum,
        gegundOp: na.gegundOp,
      })
      .where(eq(contracten.id, contractId))
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "contract.gecorrigeerd",
      entiteit: "contract",
      entiteitId: contractId,
      gemeenteId,
      voor,
      na: { ...opgeslagen, reden },
    });
    return opgeslagen;
  });
}

export async function lijstContracten(actor: Actor) {
  const medewerker = vereisRol(actor, "beheerder", "toezichthouder", "consulent");
  return db()
    .select({ contract: contracten, aanbiederNaam: aanbieders.naam })
    .from(contracten)
    .innerJoin(aanbieders, eq(aanbieders.id, contracten.aanbiederId))
    .where(eq(contracten.gemeenteId, gemeenteVan(medewerker)))
    .orderBy(aanbieders.naam, desc(contracten.startdatum));
}

/** Contracts of one aanbieder in a gemeente for one category (rule 1 reads these). */
export async function contractenVoor(
  executor: Executor,
  gemeenteId: string,
  aanbiederId: string,
  productcategorie: string,
) {
  return executor
    .select()
    .from(contracten)
    .where(
      and(
        eq(contracten.gemeenteId, gemeenteId),
        eq(contracten.aanbiederId, aanbiederId),
        sql`${productcategorie} = any(${contracten.productcategorieen})`,
      ),
    );
}

export async function wijzigRegelboek(actor: Actor, wijziging: z.infer<typeof RegelboekSchema>) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  return inTransactie(async (tx) => {
    const voor = await leesRegelboek(gemeenteId, tx);
    const van = wijziging.toewijzingnummerVan ?? voor.toewijzingnummerVan;
    const tot = wijziging.toewijzingnummerTot ?? voor.toewijzingnummerTot;
    const toewijzingnummerLaatste =
      van === voor.toewijzingnummerVan && tot === voor.toewijzingnummerTot
        ? voor.toewijzingnummerLaatste
        : await nieuweReeks(tx, gemeenteId, van, tot, voor.toewijzingnummerLaatste);
    const [na] = await tx
      .update(regelboeken)
      .set({ ...wijziging, toewijzingnummerLaatste, updatedAt: new Date() })
      .where(eq(regelboeken.gemeenteId, gemeenteId))
      .returning();
    await schrijfAudit(tx, beheerder, {
      actie: "regelboek.gewijzigd",
      entiteit: "regelboek",
      entiteitId: gemeenteId,
      gemeenteId,
      voor,
      na,
    });
    return na;
  });
}

export async function leesEigenRegelboek(actor: Actor) {
  return leesRegelboek(gemeenteVan(vereisRol(actor, "beheerder", "toezichthouder", "consulent")));
}
