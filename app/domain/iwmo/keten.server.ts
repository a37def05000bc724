/**
 * Life after the award in the iWmo chain: the gemeente sends the WMO301 (a new identification and
 * today's Dagtekening on every send), takes in the provider's WMO302 retour (accepted, or rejected
 * with retourcodes and then sent again), and the provider reports the start (WMO305) and the end
 * (WMO307) of care, by JSON or as the XML message itself. Every step is one transaction, audited.
 */
import { and, asc, count, desc, eq } from "drizzle-orm";
import { aanbieders, gemeenten, hulpvragen, iwmoBerichten, toewijzingen } from "../../../db/schema";
import { newId } from "../../../db/schema/ids";
import { db, type Tx } from "../../../db/client.server";
import { aanbiederVan, gemeenteVan, vereisRol, type Actor, type Gebruiker } from "../actor";
import { schrijfAudit } from "../audit.server";
import { amsterdamDatum } from "../deadline";
import { DomainError } from "../errors";
import { GOEDKEURENDE_RETOURCODES, REDENEN_BEEINDIGING, retourcodeTekst } from "./codes";
import { afsluitendeWmo301, vorigeToewijzing, wmo301VoorToewijzing } from "./wmo301.server";
import { lees302, leesStartStop, valideerTegenXsd, type InkomendeSoort, type Kop } from "./xml.server";

type Toewijzing = typeof toewijzingen.$inferSelect;

const GEMEENTE_STAF = ["consulent", "beheerder"] as const;

async function vergrendel(tx: Tx, id: string, bereik: { gemeenteId?: string; aanbiederId?: string }) {
  const [t] = await tx.select().from(toewijzingen).where(eq(toewijzingen.id, id)).for("update");
  // Someone else's toewijzing does not exist for this caller: the same answer as an unknown id.
  if (!t) throw new DomainError("not_found");
  if (bereik.gemeenteId && t.gemeenteId !== bereik.gemeenteId) throw new DomainError("not_found");
  if (bereik.aanbiederId && t.aanbiederId !== bereik.aanbiederId) throw new DomainError("not_found");
  return t;
}

const nummersVan = (t: Toewijzing) => new Set(t.inhoud.componenten.map((c) => c.toewijzingNummer));
const nummersIn = (xml: string) => Array.from(xml.matchAll(/<(?:\w+:)?ToewijzingNummer>(\d+)</g), (m) => Number(m[1]));
const ingangVan = (t: Toewijzing) => t.inhoud.componenten.map((c) => c.startdatum).sort()[0];
const eindeVan = (t: Toewijzing) =>
  t.inhoud.componenten
    .map((c) => c.einddatum)
    .sort()
    .at(-1)!;

function verkeerd(field: string, message: string): never {
  throw new DomainError("iwmo_wrong_toewijzing", [{ field, message }]);
}

// ---- WMO301 -------------------------------------------------------------------------------

/** The next BerichtIdentificatie of this gemeente's 301s: ZV and a counter (12 characters, the XSD's maximum). */
async function volgendeIdentificatie(tx: Tx, gemeenteId: string) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(iwmoBerichten)
    .where(and(eq(iwmoBerichten.gemeenteId, gemeenteId), eq(iwmoBerichten.soort, "wmo301")));
  return `ZV${String(n + 1).padStart(10, "0")}`;
}

/**
 * Sends the toewijzing as a WMO301: gemeente staff only, once, and again only after the provider
 * rejected it. The message carries all current toewijzingen of the client at that provider
 * (OP087) and passes the XSD and our rule checker before it is stored (iwmo_rules_broken, with
 * the rule codes, otherwise). When the award moved the client away from a provider whose
 * toewijzing Zorgveiling made, the first send also stores the closing 301 (reden 09, OP258) to
 * that provider. Identifications are taken under a lock on the gemeente row (TR056).
 */
export async function verstuurWmo301(actor: Actor, toewijzingId: string) {
  const staf = vereisRol(actor, ...GEMEENTE_STAF);
  const gemeenteId = gemeenteVan(staf);
  return db().transaction(async (tx) => {
    const t = await vergrendel(tx, toewijzingId, { gemeenteId });
    if (t.iwmoStatus === "verzonden" || t.iwmoStatus === "ontvangen")
      throw new DomainError("wmo301_already_sent", [{ field: "status", message: `De status is "${t.iwmoStatus}".` }]);
    await tx.select({ id: gemeenten.id }).from(gemeenten).where(eq(gemeenten.id, gemeenteId)).for("update");
    const [h] = await tx
      .select({ clientId: hulpvragen.clientId, huidigeZorg: hulpvragen.huidigeZorg })
      .from(hulpvragen)
      .where(eq(hulpvragen.id, t.hulpvraagId));
    const nu = new Date();
    const eerste = await volgendeIdentificatie(tx, gemeenteId);
    const bericht = await wmo301VoorToewijzing(tx, t.inhoud, h.clientId, { berichtIdentificatie: eerste, now: nu });
    const { berichtIdentificatie, dagtekening } = bericht;
    const vorigeAanbiederId = h.huidigeZorg?.aanbiederId;
    // Only the first send closes the outgoing provider's toewijzing; a resend after a rejection does not again.
    const afsluiting =
      t.iwmoStatus === "nieuw" && vorigeAanbiederId && vorigeAanbiederId !== t.aanbiederId
        ? await afsluitendeWmo301(tx, t.inhoud, {
            clientId: h.clientId,
            vorigeAanbiederId,
            berichtIdentificatie: `ZV${String(Number(eerste.slice(2)) + 1).padStart(10, "0")}`,
            now: nu,
          })
        : null;
    const id = newId("iw");
    await tx.insert(iwmoBerichten).values({
      id,
      toewijzingId: t.id,
      gemeenteId,
      aanbiederId: t.aanbiederId,
      soort: "wmo301",
      richting: "uit",
      berichtIdentificatie,
      dagtekening,
      xml: bericht.xml,
      door: staf.id,
    });
    if (afsluiting?.bekend)
      await tx.insert(iwmoBerichten).values({
        id: newId("iw"),
        toewijzingId: afsluiting.toewijzingId,
        gemeenteId,
        aanbiederId: vorigeAanbiederId!,
        soort: "wmo301",
        richting: "uit",
        berichtIdentificatie: afsluiting.berichtIdentificatie,
        dagtekening: afsluiting.dagtekening,
        afsluitendVoor: t.id,
        xml: afsluiting.xml,
        door: staf.id,
      });
    await tx.update(toewijzingen).set({ iwmoStatus: "verzonden" }).where(eq(toewijzingen.id, t.id));
    await schrijfAudit(tx, staf, {
      actie: "toewijzing.wmo301_verzonden",
      entiteit: "toewijzing",
      entiteitId: t.id,
      gemeenteId,
      hulpvraagId: t.hulpvraagId,
      voor: { iwmoStatus: t.iwmoStatus },
      na: {
        iwmoStatus: "verzonden",
        berichtIdentificatie,
        dagtekening,
        aanbiederId: t.aanbiederId,
        ...(afsluiting?.bekend
          ? { afsluitend: { berichtIdentificatie: afsluiting.berichtIdentificatie, aanbiederId: vorigeAanbiederId } }
          : {}),
      },
    });
    return {
      berichtId: id,
      berichtIdentificatie,
      dagtekening,
      status: "verzonden" as const,
      afsluitend: afsluiting?.bekend ? { berichtIdentificatie: afsluiting.berichtIdentificatie } : null,
    };
  });
}

// ---- WMO302 -------------------------------------------------------------------------------

async function neemRetourAan(staf: Gebruiker, toewijzingId: string, xml: string) {
  const r = lees302(xml);
  return db().transaction(async (tx) => {
    const t = await vergrendel(tx, toewijzingId, { gemeenteId: gemeenteVan(staf) });
    // A retour repeats the 301's header: the gemeente still the Afzender, the provider the Ontvanger.
    controleerKop(r.kop, { afzender: t.inhoud.gemeente.code, ontvanger: t.inhoud.aanbieder.agb }, "retour");
    const verzonden = await tx
      .select()
      .from(iwmoBerichten)
      .where(and(eq(iwmoBerichten.toewijzingId, t.id), eq(iwmoBerichten.soort, "wmo301")))
      .orderBy(desc(iwmoBerichten.createdAt));
    if (verzonden.length === 0) throw new DomainError("wmo301_not_sent");
    const laatste = verzonden[0];
    if (r.kop.identificatie !== laatste.berichtIdentificatie)
      verkeerd(
        "BerichtIdentificatie",
        verzonden.some((v) => v.berichtIdentificatie === r.kop.identificatie)
          ? `Dit retourbericht antwoordt op een eerdere verzending (${r.kop.identificatie}); de laatste is ${laatste.berichtIdentificatie}.`
          : `Geen WMO301 met identificatie ${r.kop.identificatie} verzonden voor deze toewijzing.`,
      );
    // The 301 carries all current toewijzingen of the client at this provider (OP087): its retour may name them all.
    const eigen = new Set([...nummersVan(t), ...nummersIn(laatste.xml)]);
    const vreemd = r.toewijzingNummers.find((n) => !eigen.has(n));
    if (vreemd !== undefined)
      verkeerd("ToewijzingNummer", `ToewijzingNummer ${vreemd} hoort niet bij deze toewijzing.`);
    if (r.bsn !== null && r.bsn !== t.inhoud.client.bsn) verkeerd("Bsn", "Het BSN hoort niet bij deze toewijzing.");
    const [al] = await tx
      .select({ id: iwmoBerichten.id })
      .from(iwmoBerichten)
      .where(
        and(
          eq(iwmoBerichten.toewijzingId, t.id),
          eq(iwmoBerichten.soort, "wmo302"),
          eq(iwmoBerichten.antwoordOp, laatste.berichtIdentificatie),
        ),
      );
    if (al) throw new DomainError("iwmo_already_answered");
    const fouten = r.retourcodes.filter((c) => !GOEDKEURENDE_RETOURCODES.has(c));
    const status = fouten.length ? ("afgekeurd" as const) : ("ontvangen" as const);
    await tx.insert(iwmoBerichten).values({
      id: newId("iw"),
      toewijzingId: t.id,
      gemeenteId: t.gemeenteId,
      aanbiederId: t.aanbiederId,
      soort: "wmo302",
      richting: "in",
      berichtIdentificatie: r.identificatieRetour,
      dagtekening: r.dagtekeningRetour,
      antwoordOp: laatste.berichtIdentificatie,
      retourcodes: fouten,
      xml,
      door: staf.id,
    });
    await tx.update(toewijzingen).set({ iwmoStatus: status }).where(eq(toewijzingen.id, t.id));
    await schrijfAudit(tx, staf, {
      actie: "toewijzing.wmo302_ontvangen",
      entiteit: "toewijzing",
      entiteitId: t.id,
      gemeenteId: t.gemeenteId,
      hulpvraagId: t.hulpvraagId,
      voor: { iwmoStatus: t.iwmoStatus },
      na: { iwmoStatus: status, antwoordOp: laatste.berichtIdentificatie, retourcodes: fouten },
    });
    return { status, retourcodes: fouten, antwoordOp: laatste.berichtIdentificatie };
  });
}

function controleerKop(kop: Kop, verwacht: { afzender: string; ontvanger: string }, wat: string) {
  if (kop.afzender !== verwacht.afzender)
    verkeerd("Afzender", `De afzender van dit ${wat}bericht (${kop.afzender}) is niet ${verwacht.afzender}.`);
  if (kop.ontvanger !== verwacht.ontvanger)
    verkeerd("Ontvanger", `De ontvanger van dit ${wat}bericht (${kop.ontvanger}) is niet ${verwacht.ontvanger}.`);
}

// ---- WMO305 / WMO307 ----------------------------------------------------------------------

export type StartInvoer = { startdatum: string };
export type StopInvoer = { einddatum: string; reden: string };
type Bron = { xml: string; kop: Kop } | null;

function ongeldig(field: string, message: string): never {
  throw new DomainError("invalid_input", [{ field, message }]);
}

async function bewaarInkomend(tx: Tx, t: Toewijzing, soort: "wmo305" | "wmo307", bron: Bron, door: string) {
  if (!bron) return;
  await tx.insert(iwmoBerichten).values({
    id: newId("iw"),
    toewijzingId: t.id,
    gemeenteId: t.gemeenteId,
    aanbiederId: t.aanbiederId,
    soort,
    richting: "in",
    berichtIdentificatie: bron.kop.identificatie,
    dagtekening: bron.kop.dagtekening,
    xml: bron.xml,
    door,
  });
}

async function start(aanbieder: Gebruiker, toewijzingId: string, invoer: StartInvoer, bron: Bron) {
  return db().transaction(async (tx) => {
    const t = await vergrendel(tx, toewijzingId, { aanbiederId: aanbiederVan(aanbieder) });
    if (t.iwmoStatus !== "verzonden" && t.iwmoStatus !== "ontvangen") throw new DomainError("wmo301_not_sent");
    if (t.zorgGestartOp) throw new DomainError("care_already_started");
    const ingang = ingangVan(t);
    if (invoer.startdatum < ingang)
      throw new DomainError("care_start_before_assignment", [
        {
          field: "startdatum",
          message: `De toewijzing gaat in op ${ingang}; de start ${invoer.startdatum} ligt eerder.`,
        },
      ]);
    if (invoer.startdatum > eindeVan(t)) ongeldig("startdatum", "De start ligt na het einde van de toewijzing.");
    if (invoer.startdatum > amsterdamDatum(new Date()))
      ongeldig("startdatum", "De start ligt in de toekomst; meld de start als de zorg begonnen is.");
    await bewaarInkomend(tx, t, "wmo305", bron, aanbieder.id);
    await tx.update(toewijzingen).set({ zorgGestartOp: invoer.startdatum }).where(eq(toewijzingen.id, t.id));
    await schrijfAudit(tx, aanbieder, {
      actie: "toewijzing.zorg_gestart",
      entiteit: "toewijzing",
      entiteitId: t.id,
      gemeenteId: t.gemeenteId,
      hulpvraagId: t.hulpvraagId,
      voor: { zorgGestartOp: null },
      na: { zorgGestartOp: invoer.startdatum, alsBericht: bron ? "wmo305" : null },
    });
    return { toewijzingId: t.id, zorgGestartOp: invoer.startdatum };
  });
}

async function stop(aanbieder: Gebruiker, toewijzingId: string, invoer: StopInvoer, bron: Bron) {
  return db().transaction(async (tx) => {
    const t = await vergrendel(tx, toewijzingId, { aanbiederId: aanbiederVan(aanbieder) });
    if (t.zorgGestoptOp) throw new DomainError("care_already_stopped");
    if (!t.zorgGestartOp) throw new DomainError("care_not_started");
    if (!(invoer.reden in REDENEN_BEEINDIGING))
      ongeldig("reden", "Kies een reden uit de iWmo-codelijst WMO588 (reden beëindiging).");
    if (invoer.einddatum < t.zorgGestartOp)
      ongeldig("einddatum", `Het einde ligt voor de start van de zorg (${t.zorgGestartOp}).`);
    if (invoer.einddatum > amsterdamDatum(new Date()))
      ongeldig("einddatum", "Het einde ligt in de toekomst; meld het einde als de zorg gestopt is.");
    await bewaarInkomend(tx, t, "wmo307", bron, aanbieder.id);
    await tx
      .update(toewijzingen)
      .set({ zorgGestoptOp: invoer.einddatum, stopReden: invoer.reden })
      .where(eq(toewijzingen.id, t.id));
    await schrijfAudit(tx, aanbieder, {
      actie: "toewijzing.zorg_gestopt",
      entiteit: "toewijzing",
      entiteitId: t.id,
      gemeenteId: t.gemeenteId,
      hulpvraagId: t.hulpvraagId,
      voor: { zorgGestoptOp: null },
      na: { zorgGestoptOp: invoer.einddatum, stopReden: invoer.reden, alsBericht: bron ? "wmo307" : null },
    });
    return { toewijzingId: t.id, zorgGestoptOp: invoer.einddatum, stopReden: invoer.reden };
  });
}

export async function meldStart(actor: Actor, toewijzingId: string, invoer: StartInvoer) {
  return start(vereisRol(actor, "aanbieder"), toewijzingId, invoer, null);
}

export async function meldStop(actor: Actor, toewijzingId: string, invoer: StopInvoer) {
  return stop(vereisRol(actor, "aanbieder"), toewijzingId, invoer, null);
}

/** The aanbieder's own AGB: a start or stop message must come from it. */
async function agbVan(aanbiederId: string) {
  const [a] = await db().select({ agb: aanbieders.agb }).from(aanbieders).where(eq(aanbieders.id, aanbiederId));
  return a?.agb ?? "";
}

function soortVan(xml: string): InkomendeSoort {
  const m = /xmlns(?::\w+)?="http:\/\/www\.istandaarden\.nl\/iwmo\/3_2\/(wmo30[257])\/schema"/.exec(xml);
  if (!m) ongeldig("bestand", "Dit is geen WMO302-, WMO305- of WMO307-bericht van iWmo 3.2.");
  return m[1] as InkomendeSoort;
}

/**
 * An uploaded iWmo message, whatever its kind: a WMO302 from gemeente staff, a WMO305 or WMO307
 * from the provider of the toewijzing. The XSD first; then that it belongs here; then the same
 * rules as the JSON start and stop.
 */
export async function ontvangBericht(actor: Actor, toewijzingId: string, xml: string) {
  const gebruiker = vereisRol(actor, ...GEMEENTE_STAF, "aanbieder");
  // Someone else's toewijzing first: it answers like an unknown id, whatever the file.
  const [t] = await db().select().from(toewijzingen).where(eq(toewijzingen.id, toewijzingId));
  const eigen =
    t &&
    (gebruiker.rol === "aanbieder" ? t.aanbiederId === gebruiker.aanbiederId : t.gemeenteId === gebruiker.gemeenteId);
  if (!eigen) throw new DomainError("not_found");
  if (typeof xml !== "string" || !xml.trim()) ongeldig("bestand", "Kies een XML-bestand met een iWmo-bericht.");
  const soort = soortVan(xml);
  const mag = soort === "wmo302" ? gebruiker.rol !== "aanbieder" : gebruiker.rol === "aanbieder";
  if (!mag) throw new DomainError("forbidden");
  await valideerTegenXsd(soort, xml);
  if (soort === "wmo302") return { soort, ...(await neemRetourAan(gebruiker, toewijzingId, xml)) };

  const bericht = leesStartStop(soort, xml);
  controleerKop(bericht.kop, { afzender: await agbVan(t.aanbiederId), ontvanger: t.inhoud.gemeente.code }, "");
  if (bericht.bsn !== t.inhoud.client.bsn) verkeerd("Bsn", "Het BSN hoort niet bij deze toewijzing.");
  const nummers = nummersVan(t);
  for (const p of bericht.producten) {
    if (!nummers.has(p.toewijzingNummer))
      verkeerd("ToewijzingNummer", `ToewijzingNummer ${p.toewijzingNummer} hoort niet bij deze toewijzing.`);
    if (p.statusAanlevering !== "1")
      ongeldig("StatusAanlevering", "Alleen nieuwe aanleveringen (StatusAanlevering 1) worden verwerkt.");
  }
  const bron = { xml, kop: bericht.kop };
  const begin = bericht.producten.map((p) => p.begindatum).sort()[0];
  if (soort === "wmo305") return { soort, ...(await start(gebruiker, toewijzingId, { startdatum: begin }, bron)) };
  const p = bericht.producten[0];
  const einde = bericht.producten
    .map((x) => x.einddatum ?? "")
    .sort()
    .at(-1)!;
  if (!einde) ongeldig("Einddatum", "Een stopbericht heeft een einddatum.");
  return {
    soort,
    ...(await stop(gebruiker, toewijzingId, { einddatum: einde, reden: p.redenBeeindiging ?? "" }, bron)),
  };
}

// ---- reading ------------------------------------------------------------------------------

/** The toewijzing's place in the chain, for the gemeente's staff and for its provider. */
export async function ketenStand(actor: Actor, toewijzingId: string) {
  const g = vereisRol(actor, "consulent", "beheerder", "toezichthouder", "aanbieder");
  const [t] = await db().select().from(toewijzingen).where(eq(toewijzingen.id, toewijzingId));
  const eigen = t && (g.rol === "aanbieder" ? t.aanbiederId === g.aanbiederId : t.gemeenteId === g.gemeenteId);
  if (!eigen) throw new DomainError("not_found");
  const berichten = await db()
    .select({
      id: iwmoBerichten.id,
      soort: iwmoBerichten.soort,
      richting: iwmoBerichten.richting,
      berichtIdentificatie: iwmoBerichten.berichtIdentificatie,
      dagtekening: iwmoBerichten.dagtekening,
      antwoordOp: iwmoBerichten.antwoordOp,
      retourcodes: iwmoBerichten.retourcodes,
      afsluitendVoor: iwmoBerichten.afsluitendVoor,
      ontvangenOp: iwmoBerichten.createdAt,
    })
    .from(iwmoBerichten)
    .where(eq(iwmoBerichten.toewijzingId, t.id))
    .orderBy(asc(iwmoBerichten.createdAt));
  return {
    toewijzingId: t.id,
    hulpvraagId: t.hulpvraagId,
    iwmoStatus: t.iwmoStatus,
    ingangsdatum: ingangVan(t),
    einddatum: eindeVan(t),
    zorgGestartOp: t.zorgGestartOp,
    zorgGestoptOp: t.zorgGestoptOp,
    stopReden: t.stopReden,
    beschikking: { nummer: t.beschikkingNummer, datum: t.beschikkingDatum },
    vorigeAanbieder: g.rol === "aanbieder" ? null : await afsluitingVan(t),
    // Retourcodes in Dutch beside the codes (WJ001), for people reading a rejection.
    // The outgoing provider does not learn the new toewijzing; only that this 301 closes its own.
    berichten: berichten.map(({ afsluitendVoor, ...b }) => ({
      ...b,
      afsluitend: afsluitendVoor !== null,
      retourmeldingen: b.retourcodes.map((code) => ({ code, tekst: retourcodeTekst(code) })),
    })),
  };
}

/**
 * For gemeente staff: what happens to the toewijzing at the provider the client leaves (OP258).
 * `verstuurd` once the closing 301 went out, `bij_verzenden` when the first send will make it,
 * `backoffice` when Zorgveiling does not know that toewijzing and the back office must end it.
 */
async function afsluitingVan(t: Toewijzing) {
  const [h] = await db()
    .select({ clientId: hulpvragen.clientId, huidigeZorg: hulpvragen.huidigeZorg })
    .from(hulpvragen)
    .where(eq(hulpvragen.id, t.hulpvraagId));
  const vorigeAanbiederId = h?.huidigeZorg?.aanbiederId;
  if (!vorigeAanbiederId || vorigeAanbiederId === t.aanbiederId) return null;
  const [a] = await db().select({ naam: aanbieders.naam }).from(aanbieders).where(eq(aanbieders.id, vorigeAanbiederId));
  const naam = a?.naam ?? vorigeAanbiederId;
  const [gesloten] = await db()
    .select({ berichtIdentificatie: iwmoBerichten.berichtIdentificatie, dagtekening: iwmoBerichten.dagtekening })
    .from(iwmoBerichten)
    .where(eq(iwmoBerichten.afsluitendVoor, t.id));
  if (gesloten)
    return {
      aanbiederId: vorigeAanbiederId,
      naam,
      stand: "verstuurd" as const,
      melding: `De afsluitende WMO301 (${gesloten.berichtIdentificatie}, reden 09) beëindigt de toewijzing bij ${naam}.`,
    };
  const vorige = await vorigeToewijzing(db(), {
    gemeenteId: t.gemeenteId,
    clientId: h.clientId,
    aanbiederId: vorigeAanbiederId,
    peildatum: ingangVan(t),
  });
  return vorige.bekend
    ? {
        aanbiederId: vorigeAanbiederId,
        naam,
        stand: "bij_verzenden" as const,
        melding: `Bij het versturen maakt Zorgveiling ook de afsluitende WMO301 (reden 09) voor ${naam}.`,
      }
    : { aanbiederId: vorigeAanbiederId, naam, stand: "backoffice" as const, melding: `${naam}: ${vorige.reden}` };
}

/** The exact WMO301 of one send: the gemeente's staff, or the provider it was addressed to. */
export async function leesWmo301(actor: Actor, toewijzingId: string, berichtId?: string) {
  const g = vereisRol(actor, "consulent", "beheerder", "aanbieder");
  const [t] = await db().select().from(toewijzingen).where(eq(toewijzingen.id, toewijzingId));
  const eigen = t && (g.rol === "aanbieder" ? t.aanbiederId === g.aanbiederId : t.gemeenteId === g.gemeenteId);
  if (!eigen) throw new DomainError("not_found");
  const rijen = await db()
    .select()
    .from(iwmoBerichten)
    .where(and(eq(iwmoBerichten.toewijzingId, toewijzingId), eq(iwmoBerichten.soort, "wmo301")))
    .orderBy(desc(iwmoBerichten.createdAt));
  const r = berichtId ? rijen.find((x) => x.id === berichtId) : rijen[0];
  if (!r) throw new DomainError(berichtId ? "not_found" : "wmo301_not_sent");
  return { xml: r.xml, bestandsnaam: `wmo301-${r.berichtIdentificatie}.xml` };
}

/** The toewijzing of a request, for pages that start from the request. */
export async function toewijzingVanHulpvraag(hulpvraagId: string) {
  const [t] = await db()
    .select({ id: toewijzingen.id })
    .from(toewijzingen)
    .where(eq(toewijzingen.hulpvraagId, hulpvraagId));
  return t?.id ?? null;
}

/** The provider's view of the chain on its request page: only the aanbieder the toewijzing went to. */
export async function ketenVoorAanbieder(actor: Actor, hulpvraagId: string) {
  const g = vereisRol(actor, "aanbieder");
  const [t] = await db()
    .select({ id: toewijzingen.id, aanbiederId: toewijzingen.aanbiederId })
    .from(toewijzingen)
    .where(eq(toewijzingen.hulpvraagId, hulpvraagId));
  return t && t.aanbiederId === g.aanbiederId ? ketenStand(g, t.id) : null;
}
