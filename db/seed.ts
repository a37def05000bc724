import { sql } from "drizzle-orm";
import type { Database } from "./client.server";
import * as s from "./schema";
import type { Rol } from "./schema/gebruikers";
import { newId } from "./schema/ids";
import {
  DEMO_AANBIEDERS,
  DEMO_PERSONEELSJAREN,
  DEMO_CONSORTIUM,
  DEMO_GEBRUIKERS,
  DEMO_GEMEENTEN,
  DEMO_NIET_GECONTRACTEERD,
  DEMO_WACHTWOORD,
  demoProductcodes,
} from "./demo";
import { seedVoorbeeldToewijzing } from "./demo-resultaat";

/** Seeds the demo region once, on an empty database. Returns false when there was data already. */
export async function seedDemo(
  db: Database,
  hashWachtwoord: (w: string) => Promise<string>,
  opties: { voorbeeld?: boolean } = {},
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two processes starting on one empty database must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
    const [{ aantal }] = await tx.select({ aantal: sql<number>`count(*)::int` }).from(s.gemeenten);
    if (aantal > 0) return false;

    await tx.insert(s.gemeenten).values(DEMO_GEMEENTEN);
    await tx.insert(s.regelboeken).values(DEMO_GEMEENTEN.map((g) => ({ gemeenteId: g.id })));

    const aanbiederId = new Map(DEMO_AANBIEDERS.map((a) => [a.slug, `ab_${a.slug.replace(/-/g, "_")}`]));
    await tx
      .insert(s.aanbieders)
      .values(
        DEMO_AANBIEDERS.map(({ categorieen: _c, personeel: _p, ...a }) => ({ ...a, id: aanbiederId.get(a.slug)! })),
      );
    await tx.insert(s.personeelsbestanden).values(
      DEMO_AANBIEDERS.flatMap((a) =>
        DEMO_PERSONEELSJAREN.map((jaar) => ({
          aanbiederId: aanbiederId.get(a.slug)!,
          jaar,
          ...a.personeel,
          bijgewerktDoor: "seed",
        })),
      ),
    );

    const consortiumId = "co_samen_thuis";
    await tx.insert(s.consortia).values({
      id: consortiumId,
      naam: DEMO_CONSORTIUM.naam,
      penvoerderId: aanbiederId.get(DEMO_CONSORTIUM.penvoerder)!,
    });
    await tx
      .insert(s.consortiumLeden)
      .values(DEMO_CONSORTIUM.leden.map((slug) => ({ consortiumId, aanbiederId: aanbiederId.get(slug)! })));

    // Each gemeente's productcodelijst, with its first tariffs.
    const codes = DEMO_GEMEENTEN.flatMap((g) =>
      demoProductcodes(g.id).map((c) => ({ ...c, gemeenteId: g.id, id: newId("pc") })),
    );
    await tx.insert(s.productcodes).values(
      codes.map((c) => ({
        id: c.id,
        gemeenteId: c.gemeenteId,
        code: c.code,
        productcategorie: c.categorie,
        omschrijving: c.omschrijving,
        uitvoeringsvariant: c.variant,
        eenheid: c.eenheid,
        frequentie: c.frequentie,
      })),
    );
    await tx.insert(s.productcodeTarieven).values(
      codes.map((c) => ({
        id: newId("pt"),
        productcodeId: c.id,
        tariefPerEenheidCent: c.tarief,
        geldigVanaf: "2025-01-01",
        reden: "Kostprijsonderzoek 2024 (demo)",
      })),
    );

    // Four-year framework contracts, awarded well before they start (rule 2), naming the codes of their categories.
    const contracten = DEMO_GEMEENTEN.flatMap((g) =>
      DEMO_AANBIEDERS.filter((a) => a.categorieen.length > 0).map((a) => {
        const uitgesloten = DEMO_NIET_GECONTRACTEERD[a.slug] ?? [];
        return {
          id: newId("ct"),
          gemeenteId: g.id,
          aanbiederId: aanbiederId.get(a.slug)!,
          productcategorieen: [...a.categorieen],
          productcodes: codes
            .filter(
              (c) =>
                c.gemeenteId === g.id &&
                (a.categorieen as readonly string[]).includes(c.categorie) &&
                !(c.categorie === uitgesloten[0] && c.volgnummer === uitgesloten[1]),
            )
            .map((c) => c.code),
          startdatum: "2025-01-01",
          einddatum: "2028-12-31",
          gegundOp: "2024-09-01",
        };
      }),
    );
    await tx.insert(s.contracten).values(contracten);

    const passwordHash = await hashWachtwoord(DEMO_WACHTWOORD);
    await tx.insert(s.gebruikers).values(
      DEMO_GEBRUIKERS.map((u) => ({
        id: newId("us"),
        email: u.email,
        naam: u.naam,
        rol: u.rol as Rol,
        passwordHash,
        gemeenteId: "gemeente" in u ? u.gemeente : null,
        aanbiederId: "aanbieder" in u ? aanbiederId.get(u.aanbieder)! : null,
      })),
    );
    // Kept out of the tests' databases (SEED_DEMO_VOORBEELD=false there): it would count in every figure.
    if (opties.voorbeeld) await seedVoorbeeldToewijzing(tx);
    return true;
  });
}

export function demoAanmeldingen(): string {
  const regels = DEMO_GEBRUIKERS.map((u) => `  ${u.rol.padEnd(20)} ${u.email}`);
  return `Demo-aanmeldingen (wachtwoord: ${DEMO_WACHTWOORD}):\n${regels.join("\n")}`;
}
