import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import ical, { ICalCalendarMethod } from "ical-generator";
import { agendas, gemeenten, hulpvragen, toewijzingen } from "../../db/schema";
import { db } from "../../db/client.server";
import { aanbiederVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { publiekAdres } from "./berichten.server";
import { DomainError } from "./errors";
import { inTransactie } from "./live.server";
import { zichtbaarVoorAanbieder } from "./zichtbaarheid.server";

const hash = (sleutel: string) => createHash("sha256").update(sleutel).digest("hex");

function eigenaarVan(actor: Actor): string {
  const g = vereisRol(actor, "aanbieder", "consulent");
  return g.rol === "aanbieder" ? `aanbieder:${aanbiederVan(g)}` : `consulent:${g.id}`;
}

/**
 * Makes (or renews) the secret calendar address: a provider's open requests' deadlines, or a
 * consulent's deadlines and award dates. The address is shown once; a new one replaces it.
 */
export async function maakAgendaAdres(actor: Actor): Promise<{ url: string }> {
  const eigenaar = eigenaarVan(actor);
  const sleutel = randomBytes(24).toString("base64url");
  await inTransactie(async (tx) => {
    await tx
      .insert(agendas)
      .values({ eigenaar, sleutelHash: hash(sleutel) })
      .onConflictDoUpdate({ target: agendas.eigenaar, set: { sleutelHash: hash(sleutel), createdAt: new Date() } });
    await schrijfAudit(tx, actor, {
      actie: "agenda.vernieuwd",
      entiteit: "agenda",
      entiteitId: eigenaar,
      gemeenteId: actor.soort === "gebruiker" ? actor.gemeenteId : null,
    });
  });
  return { url: `${publiekAdres()}/agenda/${sleutel}.ics` };
}

type Afspraak = { id: string; start: Date; titel: string; url: string };

/** The calendar behind a secret address, as iCal text; an unknown address does not exist. */
export async function agendaVoorSleutel(sleutel: string): Promise<string> {
  const [a] = await db()
    .select()
    .from(agendas)
    .where(eq(agendas.sleutelHash, hash(sleutel)));
  if (!a) throw new DomainError("not_found");
  const [soort, id] = a.eigenaar.split(":");
  const basis = publiekAdres();
  const afspraken: Afspraak[] = [];
  if (soort === "aanbieder") {
    const rijen = await db()
      .select({ id: hulpvragen.id, deadline: hulpvragen.deadline, gemeente: gemeenten.naam })
      .from(hulpvragen)
      .innerJoin(gemeenten, eq(gemeenten.id, hulpvragen.gemeenteId))
      .where(and(eq(hulpvragen.status, "open"), zichtbaarVoorAanbieder(id)));
    for (const r of rijen)
      afspraken.push({
        id: `termijn-${r.id}`,
        start: r.deadline,
        titel: `Reactietermijn hulpvraag ${r.id} (gemeente ${r.gemeente}) sluit`,
        url: `${basis}/aanbieder/hulpvragen/${r.id}`,
      });
  } else {
    const rijen = await db()
      .select({ id: hulpvragen.id, deadline: hulpvragen.deadline, status: hulpvragen.status })
      .from(hulpvragen)
      .where(
        and(eq(hulpvragen.consulentId, id), inArray(hulpvragen.status, ["open", "beoordeling", "gekozen", "gegund"])),
      );
    for (const r of rijen) {
      if (r.status === "open")
        afspraken.push({
          id: `termijn-${r.id}`,
          start: r.deadline,
          titel: `Reactietermijn hulpvraag ${r.id} sluit`,
          url: `${basis}/consulent/hulpvragen/${r.id}`,
        });
    }
    const gegund = rijen.filter((r) => r.status === "gegund").map((r) => r.id);
    if (gegund.length) {
      for (const t of await db().select().from(toewijzingen).where(inArray(toewijzingen.hulpvraagId, gegund))) {
        afspraken.push({
          id: `gunning-${t.hulpvraagId}`,
          start: t.toegewezenOp,
          titel: `Hulpvraag ${t.hulpvraagId} gegund`,
          url: `${basis}/consulent/hulpvragen/${t.hulpvraagId}`,
        });
      }
    }
  }
  // No health data and no names: a reference number, what happens, and the link.
  const agenda = ical({
    name: "Zorgveiling",
    method: ICalCalendarMethod.PUBLISH,
    timezone: "Europe/Amsterdam",
    prodId: { company: "Zorgveiling", product: "agenda", language: "NL" },
  });
  for (const a of afspraken) {
    agenda.createEvent({
      id: `${a.id}@zorgveiling`,
      start: a.start,
      end: new Date(a.start.getTime() + 15 * 60_000),
      summary: a.titel,
      description: a.url,
      url: a.url,
    });
  }
  return agenda.toString();
}
