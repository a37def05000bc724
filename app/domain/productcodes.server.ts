import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import { contracten, gemeenten, productcodes, productcodeTarieven } from "../../db/schema";
import { db, type Executor } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { amsterdamDatum } from "./deadline";
import { DomainError, type FoutDetail } from "./errors";
import { inTransactie } from "./live.server";
import { pastBijVariant, VARIANTEN } from "./productcode-varianten";
import type { ProductcodeInvoer } from "../schemas/productcode";

export type Productcode = typeof productcodes.$inferSelect;
export type ProductcodeTarief = typeof productcodeTarieven.$inferSelect;
/** A code with the tariff in force today (null before its first tariff takes effect) and its whole history, newest first. */
export type ProductcodeMetTarief = Productcode & {
  gemeenteNaam: string;
  tariefPerEenheidCent: number | null;
  tariefGeldigVanaf: string | null;
  historie: ProductcodeTarief[];
};

/** From a history (any order): the tariff in force on `datum`, the latest geldigVanaf on or before it. */
export function tariefOpDatum(historie: ProductcodeTarief[], datum: string): ProductcodeTarief | null {
  return (
    historie
      .filter((t) => t.geldigVanaf <= datum)
      .sort((a, b) =>
        a.geldigVanaf === b.geldigVanaf
          ? b.createdAt.getTime() - a.createdAt.getTime()
          : b.geldigVanaf.localeCompare(a.geldigVanaf),
      )[0] ?? null
  );
}

async function lijstVan(gemeenteIds: string[]): Promise<ProductcodeMetTarief[]> {
  if (gemeenteIds.length === 0) return [];
  const codes = await db()
    .select({ code: productcodes, gemeenteNaam: gemeenten.naam })
    .from(productcodes)
    .innerJoin(gemeenten, eq(gemeenten.id, productcodes.gemeenteId))
    .where(inArray(productcodes.gemeenteId, gemeenteIds))
    .orderBy(asc(gemeenten.naam), asc(productcodes.productcategorie), asc(productcodes.code));
  const tarieven = codes.length
    ? await db()
        .select()
        .from(productcodeTarieven)
        .where(
          inArray(
            productcodeTarieven.productcodeId,
            codes.map((c) => c.code.id),
          ),
        )
        .orderBy(desc(productcodeTarieven.geldigVanaf), desc(productcodeTarieven.createdAt))
    : [];
  const vandaag = amsterdamDatum(new Date());
  return codes.map(({ code, gemeenteNaam }) => {
    const historie = tarieven.filter((t) => t.productcodeId === code.id);
    const nu = tariefOpDatum(historie, vandaag);
    return {
      ...code,
      gemeenteNaam,
      tariefPerEenheidCent: nu?.tariefPerEenheidCent ?? null,
      tariefGeldigVanaf: nu?.geldigVanaf ?? null,
      historie,
    };
  });
}

/**
 * The lists a caller may read: gemeente staff their own gemeente's; an aanbieder those of every
 * gemeente it has a contract with (it bids against them, so it must know the floors).
 */
export async function lijstProductcodes(actor: Actor): Promise<ProductcodeMetTarief[]> {
  const g = vereisRol(actor, "beheerder", "consulent", "toezichthouder", "aanbieder", "aanbieder-beheerder");
  if (g.rol === "aanbieder" || g.rol === "aanbieder-beheerder") {
    const rijen = await db()
      .selectDistinct({ gemeenteId: contracten.gemeenteId })
      .from(contracten)
      .where(eq(contracten.aanbiederId, aanbiederVan(g)));
    return lijstVan(rijen.map((r) => r.gemeenteId));
  }
  return lijstVan([gemeenteVan(g)]);
}

/** The codes of one gemeente for the offer page of a request there (the request is already in the caller's scope). */
export async function productcodesVanGemeente(gemeenteId: string) {
  return lijstVan([gemeenteId]);
}

/**
 * A new code in the gemeente's list, or a new tariff for an existing code (a history row; the
 * code itself never changes, except `actief`). Every change is on the audit trail.
 */
export async function registreerProductcode(actor: Actor, invoer: ProductcodeInvoer) {
  const beheerder = vereisRol(actor, "beheerder");
  const gemeenteId = gemeenteVan(beheerder);
  return inTransactie(async (tx) => {
    const [bestaand] = await tx
      .select()
      .from(productcodes)
      .where(and(eq(productcodes.gemeenteId, gemeenteId), eq(productcodes.code, invoer.code)))
      .for("update");
    let code: Productcode;
    if (!bestaand) {
      code = await nieuweCode(tx, beheerder.id, gemeenteId, invoer);
    } else {
      const anders = (
        ["productcategorie", "omschrijving", "uitvoeringsvariant", "eenheid", "frequentie"] as const
      ).filter((k) => invoer[k] !== undefined && invoer[k] !== bestaand[k]);
      if (anders.length)
        throw new DomainError(
          "productcode_exists",
          anders.map((k) => ({
            field: k,
            message: `Productcode ${bestaand.code} bestaat al met ${k} ${bestaand[k]}; een bestaande code verandert niet. Maak een nieuwe code.`,
          })),
        );
      code = bestaand;
      if (invoer.actief !== undefined && invoer.actief !== bestaand.actief) {
        [code] = await tx
          .update(productcodes)
          .set({ actief: invoer.actief })
          .where(eq(productcodes.id, bestaand.id))
          .returning();
      }
    }
    const tarief = await nieuwTarief(tx, beheerder.id, code.id, invoer, !bestaand || invoer.actief === undefined);
    await schrijfAudit(tx, beheerder, {
      actie: !bestaand ? "productcode.aangemaakt" : tarief ? "productcode.tarief" : "productcode.actief",
      entiteit: "productcode",
      entiteitId: code.id,
      gemeenteId,
      voor: bestaand ?? undefined,
      na: tarief
        ? {
            ...code,
            tariefPerEenheidCent: tarief.tariefPerEenheidCent,
            geldigVanaf: tarief.geldigVanaf,
            reden: tarief.reden,
          }
        : code,
    });
    return { ...code, tarief };
  });
}

/** The tariff row of a POST, when it carries one: tariff, date and reason together; `nodig` when nothing else changes. */
async function nieuwTarief(
  tx: Executor,
  door: string,
  productcodeId: string,
  invoer: ProductcodeInvoer,
  nodig: boolean,
) {
  const velden = {
    tariefPerEenheidCent: "Vul het reële tarief per eenheid in.",
    geldigVanaf: "Vul in vanaf wanneer het tarief geldt.",
    reden: "Schrijf op waarom dit tarief geldt.",
  } as const;
  const gegeven = Object.keys(velden).filter((k) => invoer[k as keyof typeof velden] !== undefined);
  if (gegeven.length === 0 && !nodig) return null;
  if (gegeven.length < 3)
    throw new DomainError(
      "invalid_input",
      Object.entries(velden)
        .filter(([k]) => invoer[k as keyof typeof velden] === undefined)
        .map(([field, message]) => ({ field, message })),
    );
  const [tarief] = await tx
    .insert(productcodeTarieven)
    .values({
      id: newId("pt"),
      productcodeId,
      tariefPerEenheidCent: invoer.tariefPerEenheidCent!,
      geldigVanaf: invoer.geldigVanaf!,
      reden: invoer.reden!,
      vastgesteldDoor: door,
    })
    .returning();
  return tarief;
}

async function nieuweCode(tx: Executor, door: string, gemeenteId: string, invoer: ProductcodeInvoer) {
  const ontbreekt: FoutDetail[] = [];
  const verplicht = {
    productcategorie: "Kies een productcategorie 01 tot en met 10.",
    omschrijving: "Beschrijf het product.",
    uitvoeringsvariant: "Kies inspanningsgericht, outputgericht of taakgericht.",
    eenheid: "Kies een eenheid uit codelijst WJ756.",
    frequentie: "Kies een frequentie.",
  } as const;
  for (const [k, message] of Object.entries(verplicht))
    if (invoer[k as keyof typeof verplicht] === undefined) ontbreekt.push({ field: k, message });
  if (ontbreekt.length) throw new DomainError("invalid_input", ontbreekt);
  const { productcategorie, omschrijving, uitvoeringsvariant, eenheid, frequentie } = invoer as Required<typeof invoer>;
  if (!pastBijVariant(uitvoeringsvariant, eenheid, frequentie)) {
    const v = VARIANTEN[uitvoeringsvariant];
    throw new DomainError("wrong_unit", [
      {
        field: (v.eenheden as readonly string[]).includes(eenheid) ? "frequentie" : "eenheid",
        message: `Een ${v.naam} product is ${v.uitleg}: eenheid ${v.eenheden.join(" of ")}, frequentie ${v.frequenties.join(" of ")}.`,
      },
    ]);
  }
  const [code] = await tx
    .insert(productcodes)
    .values({
      id: newId("pc"),
      gemeenteId,
      code: invoer.code,
      productcategorie,
      omschrijving,
      uitvoeringsvariant,
      eenheid,
      frequentie,
      actief: invoer.actief ?? true,
      aangemaaktDoor: door,
    })
    .returning();
  return code;
}

/**
 * The codes an offer names, each with the tariff in force on `datum`, in one round trip: what
 * rule 3 and the contract check read. Codes of another gemeente are simply not found.
 */
export async function codesMetTariefOp(executor: Executor, gemeenteId: string, codes: string[], datum: string) {
  if (codes.length === 0) return [];
  const rijen = await executor
    .selectDistinctOn([productcodes.id], {
      code: productcodes,
      tarief: productcodeTarieven,
    })
    .from(productcodes)
    .leftJoin(
      productcodeTarieven,
      and(eq(productcodeTarieven.productcodeId, productcodes.id), lte(productcodeTarieven.geldigVanaf, datum)),
    )
    .where(and(eq(productcodes.gemeenteId, gemeenteId), inArray(productcodes.code, codes)))
    .orderBy(productcodes.id, desc(productcodeTarieven.geldigVanaf), desc(productcodeTarieven.createdAt));
  return rijen;
}
