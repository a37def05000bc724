/**
 * The WMO301 as it leaves Zorgveiling: the data a message needs from the database (all current
 * toewijzingen of the client at that aanbieder, OP087; the earlier toewijzing at the outgoing
 * aanbieder, OP258), a fresh BerichtIdentificatie and today's Dagtekening for every message
 * (TR056), and the XSD plus the rule checker before anyone gets it.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { hulpvragen, toewijzingen } from "../../../db/schema";
import type { Executor } from "../../../db/client.server";
import { DomainError } from "../errors";
import {
  afsluitendeWmo301Xml,
  toewijzingWmo301Xml,
  ToewijzingExportFout,
  type Wmo301Opties,
} from "../toewijzing-wmo301";
import type { ToewijzingExport } from "../toewijzing-types";
import { controleerWmo301 } from "./controle.server";
import { nederlandseTijd } from "./periode";

const TEKENS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** 12 random characters (LDT_IdentificatieBericht): never the same twice, so never fixed per toewijzing. */
export function nieuweBerichtIdentificatie(): string {
  return Array.from(randomBytes(12), (b) => TEKENS[b % TEKENS.length]).join("");
}

/** The client's toewijzingen at this aanbieder in this gemeente, newest first, with their client id. */
async function toewijzingenVan(
  executor: Executor,
  gemeenteId: string,
  clientId: string,
  aanbiederId: string,
): Promise<ToewijzingExport[]> {
  const rijen = await executor
    .select({ inhoud: toewijzingen.inhoud })
    .from(toewijzingen)
    .innerJoin(hulpvragen, eq(hulpvragen.id, toewijzingen.hulpvraagId))
    .where(
      and(
        eq(toewijzingen.gemeenteId, gemeenteId),
        eq(hulpvragen.clientId, clientId),
        eq(toewijzingen.aanbiederId, aanbiederId),
      ),
    )
    .orderBy(desc(toewijzingen.toegewezenOp));
  return rijen.map((r) => r.inhoud);
}

/**
 * OP087: the client's other toewijzingen at the same aanbieder that are valid on or after
 * `peildatum` (a component that has not ended), for the caller to pass as `huidige`.
 */
export async function huidigeToewijzingen(
  executor: Executor,
  q: { gemeenteId: string; clientId: string; aanbiederId: string; peildatum: string; behalve?: string },
): Promise<ToewijzingExport[]> {
  const alle = await toewijzingenVan(executor, q.gemeenteId, q.clientId, q.aanbiederId);
  return alle.filter((t) => t.toewijzingId !== q.behalve && t.componenten.some((c) => c.einddatum >= q.peildatum));
}

/**
 * The toewijzing at the outgoing aanbieder that a closing 301 ends, if Zorgveiling made it. One
 * made by the back office before Zorgveiling is not known here; the back office ends it itself.
 */
export async function vorigeToewijzing(
  executor: Executor,
  q: { gemeenteId: string; clientId: string; aanbiederId: string; peildatum: string },
): Promise<{ bekend: true; toewijzing: ToewijzingExport } | { bekend: false; reden: string }> {
  const [t] = await huidigeToewijzingen(executor, q);
  return t
    ? { bekend: true, toewijzing: t }
    : {
        bekend: false,
        reden:
          "Zorgveiling kent geen lopende toewijzing van deze cliënt bij de vorige aanbieder; de backoffice van de gemeente beëindigt die zelf met een WMO301 (reden 09).",
      };
}

/** Builds and checks; refuses with iwmo_rules_broken (every rule code) or invalid_input (the data). */
async function gecontroleerd(bouw: () => string, aanbiederAgb: string): Promise<string> {
  let xml: string;
  try {
    xml = bouw();
  } catch (e) {
    if (e instanceof ToewijzingExportFout)
      throw new DomainError(
        "invalid_input",
        e.problemen.map((p) => ({ field: "toewijzing", message: p })),
      );
    throw e;
  }
  const fouten = await controleerWmo301(xml, { aanbiederAgb });
  if (fouten.length)
    throw new DomainError(
      "iwmo_rules_broken",
      fouten.map((f) => ({ field: f.code, message: `${f.code}: ${f.melding}` })),
    );
  return xml;
}

export type Verzending = Partial<Wmo301Opties>;

/**
 * The WMO301 for a toewijzing's aanbieder with all current toewijzingen of the client there,
 * checked. Without opts: a new identification and today's date.
 */
export async function wmo301VoorToewijzing(
  executor: Executor,
  t: ToewijzingExport,
  clientId: string,
  opts: Verzending = {},
): Promise<{ xml: string; berichtIdentificatie: string; dagtekening: string }> {
  const berichtIdentificatie = opts.berichtIdentificatie ?? nieuweBerichtIdentificatie();
  const now = opts.now ?? new Date();
  const dagtekening = nederlandseTijd(now).datum;
  const huidige = await huidigeToewijzingen(executor, {
    gemeenteId: t.gemeente.id,
    clientId,
    aanbiederId: t.aanbieder.id,
    peildatum: dagtekening,
    behalve: t.toewijzingId,
  });
  const xml = await gecontroleerd(
    () => toewijzingWmo301Xml(t, { berichtIdentificatie, now, huidige }),
    t.aanbieder.agb,
  );
  return { xml, berichtIdentificatie, dagtekening };
}

/**
 * The closing WMO301 for the outgoing aanbieder when the client moves to `nieuw` (OP258), checked;
 * `bekend: false` with the reason when Zorgveiling does not know the earlier toewijzing.
 */
export async function afsluitendeWmo301(
  executor: Executor,
  nieuw: ToewijzingExport,
  q: { clientId: string; vorigeAanbiederId: string; reden?: string } & Verzending,
): Promise<
  | { bekend: true; xml: string; berichtIdentificatie: string; dagtekening: string; toewijzingId: string }
  | { bekend: false; reden: string }
> {
  const berichtIdentificatie = q.berichtIdentificatie ?? nieuweBerichtIdentificatie();
  const now = q.now ?? new Date();
  const dagtekening = nederlandseTijd(now).datum;
  const nieuweStart = nieuw.componenten.map((c) => c.startdatum).sort()[0];
  const zoek = { gemeenteId: nieuw.gemeente.id, clientId: q.clientId, aanbiederId: q.vorigeAanbiederId };
  const vorige = await vorigeToewijzing(executor, { ...zoek, peildatum: nieuweStart });
  if (!vorige.bekend) return vorige;
  const huidige = await huidigeToewijzingen(executor, {
    ...zoek,
    peildatum: dagtekening,
    behalve: vorige.toewijzing.toewijzingId,
  });
  const xml = await gecontroleerd(
    () => afsluitendeWmo301Xml(vorige.toewijzing, { berichtIdentificatie, now, nieuweStart, reden: q.reden, huidige }),
    vorige.toewijzing.aanbieder.agb,
  );
  return { bekend: true, xml, berichtIdentificatie, dagtekening, toewijzingId: vorige.toewijzing.toewijzingId };
}
