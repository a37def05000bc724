/**
 * The audit trail read aloud: each entry as one Dutch sentence a toezichthouder understands,
 * in local time, with names instead of ids. The raw entry stays beside it, so nothing is hidden.
 */
import { datum, euro, moment } from "../format/nl";
import { REDENEN_BEEINDIGING } from "./iwmo/codes";

export type AuditRegel = {
  actorType: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  requestId: string | null;
  before: unknown;
  after: unknown;
};

/** Names the trail does not hold itself: offers (bidder and version) and providers, by id. */
export type AuditNamen = {
  aanbiedingen: Record<string, { bieder: string; versie: number }>;
  aanbieders: Record<string, string>;
};

function wanneer(v: unknown): string {
  if (typeof v !== "string") return "onbekend";
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? datum(v) : moment(v);
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});
const centen = (v: unknown) => (typeof v === "number" ? euro(v) : "?");
const tekst = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/** "Cees Consulent (consulent)" → "Cees Consulent"; the system and the client by what they are. */
function wie(r: AuditRegel): string {
  if (r.actorType === "systeem") return "Zorgveiling (automatisch)";
  if (r.actorType === "client") return "De cliënt (met een uitnodiging)";
  return r.actor.replace(/ \([^)]*\)$/, "");
}

/** Audit ids of the offers and providers a page of entries mentions: what to look up for the sentences. */
export function genoemdeIds(regels: AuditRegel[]) {
  const aanbiedingen = new Set<string>();
  const aanbieders = new Set<string>();
  for (const r of regels) {
    const na = obj(r.after);
    if (r.entity === "aanbieding") aanbiedingen.add(r.entityId);
    for (const k of ["offerId", "aanbiedingId"]) if (typeof na[k] === "string") aanbiedingen.add(na[k] as string);
    for (const k of ["aanbiederId", "vanAanbiederId", "naarAanbiederId"])
      if (typeof na[k] === "string") aanbieders.add(na[k] as string);
    if (r.entity === "aanbieder") aanbieders.add(r.entityId);
  }
  return { aanbiedingen: [...aanbiedingen], aanbieders: [...aanbieders] };
}

const OPVOLGING: Record<string, string> = {
  open: "nog open",
  gedaan: "gedaan",
  niet_nodig: "niet nodig",
  geschonden: "niet nagekomen",
};

export function auditZin(r: AuditRegel, namen: AuditNamen): string {
  const w = wie(r);
  const na = obj(r.after);
  const voor = obj(r.before);
  const hv = r.requestId ? `hulpvraag ${r.requestId}` : "een hulpvraag";
  const aanbod = (id: unknown) => {
    const a = typeof id === "string" ? namen.aanbiedingen[id] : undefined;
    return a ? `het aanbod van ${a.bieder} (versie ${a.versie})` : "een aanbod";
  };
  const motivatie = (m: unknown) => (tekst(m) ? ` en motiveerde: ${tekst(m)}` : "");
  switch (r.action) {
    case "hulpvraag.aangemaakt":
      return `${w} maakte ${hv} aan als concept.`;
    case "hulpvraag.gewijzigd":
      return `${w} wijzigde het concept van ${hv}.`;
    case "hulpvraag.gepubliceerd":
      return `${w} publiceerde ${hv}; aanbieders konden reageren tot ${wanneer(na.deadline)}.`;
    case "hulpvraag.ingetrokken":
      return `${w} trok ${hv} in${tekst(na.reden) ? ` met als reden: ${tekst(na.reden)}` : ""}.`;
    case "hulpvraag.verlengd":
      return `${w} verlengde de reactietermijn van ${hv} van ${wanneer(voor.deadline)} tot ${wanneer(na.deadline)}.`;
    case "hulpvraag.termijn_verstreken":
      return `De reactietermijn van ${hv} liep af; de gemeente beoordeelt nu de aanbiedingen.`;
    case "hulpvraag.nieuwe_ronde":
      return `${w} zette ${hv} opnieuw uit in een nieuwe ronde.`;
    case "hulpvraag.gegund":
      return `${w} gunde ${hv} aan ${aanbod(na.aanbiedingId).replace(/^het aanbod van /, "")}${motivatie(na.motivatie)}.`;
    case "keuze.consulent":
      return na.offerId === null || na.offerId === undefined
        ? `${w} koos geen van de aanbiedingen bij ${hv}: geen passend aanbod${motivatie(na.motivation)}.`
        : `${w} koos ${aanbod(na.offerId)}${motivatie(na.motivation)}${tekst(na.clientAbsentReason) ? `. De cliënt kon niet meebeslissen: ${tekst(na.clientAbsentReason)}` : ""}.`;
    case "keuze.client":
      return na.offerId === null || na.offerId === undefined
        ? `${w} gaf aan geen van de aanbiedingen bij ${hv} te willen${na.comment ? ", met een opmerking" : ""}.`
        : `${w} gaf een voorkeur door voor ${aanbod(na.offerId)}${na.comment ? ", met een opmerking" : ""}.`;
    case "aanbieding.ingediend":
      return `${w} diende ${aanbod(r.entityId)} in op ${hv}.`;
    case "aanbieding.herzien":
      return `${w} herzag ${aanbod(r.entityId)} op ${hv}.`;
    case "aanbieding.ingetrokken":
      return `${w} trok ${aanbod(r.entityId)} op ${hv} in.`;
    case "aanbieding.gegund":
      return `${w} legde de uitkomst vast: ${aanbod(r.entityId)} op ${hv} is gegund.`;
    case "aanbieding.afgewezen":
      return `${w} legde de uitkomst vast: ${aanbod(r.entityId)} op ${hv} is niet gekozen${tekst(na.uitkomstMotivatie) ? `, met als motivatie: ${tekst(na.uitkomstMotivatie)}` : ""}.`;
    case "uitnodiging.aangemaakt":
      return `${w} nodigde de cliënt${tekst(na.vertegenwoordiger) ? ` en ${na.vertegenwoordiger === "[afgeschermd]" ? "een helper (naam afgeschermd)" : tekst(na.vertegenwoordiger)}` : ""} uit voor ${hv}${na.perEmail ? ", ook per e-mail" : ""}; de code werkt tot ${wanneer(na.geldigTot)}.`;
    case "uitnodiging.geopend":
      return `De cliënt opende ${hv} met een uitnodigingscode.`;
    case "uitnodiging.ingetrokken":
      return `${w} trok een uitnodiging voor ${hv} in.`;
    case "resultaatcheck.klaargezet":
      return `Het was tijd voor de resultaatcheck na ${String(na.maanden ?? "?")} maanden bij ${hv}; de cliënt kreeg een nieuwe uitnodiging${na.perEmail ? " per e-mail" : " via de consulent"}, geldig tot ${wanneer(na.geldigTot)}.`;
    case "resultaatcheck.client_beantwoord":
      return `${w} beantwoordde de resultaatcheck na ${String(na.maanden ?? "?")} maanden bij ${hv}.`;
    case "resultaatcheck.consulent_beoordeeld":
      return `${w} legde het professionele oordeel vast bij de resultaatcheck na ${String(na.maanden ?? "?")} maanden van ${hv}${r.before ? " (gewijzigd)" : ""}.`;
    case "client.geregistreerd":
      return `${w} registreerde een cliënt in het beschermde cliëntregister.`;
    case "client.gepseudonimiseerd":
      return "Na de bewaartermijn zijn de gegevens van een cliënt gepseudonimiseerd.";
    case "client.inzage_geexporteerd":
      return `${w} maakte een inzage-export van de gegevens van een cliënt.`;
    case "personeelsovername.vastgelegd": {
      const wie =
        typeof na.aantalMedewerkers === "number" && na.aantalMedewerkers !== 1
          ? `${na.aantalMedewerkers} medewerkers`
          : "een hulpverlener";
      return na.toegezegd === false
        ? `${w} legde bij ${hv} vast dat de zorg naar een andere aanbieder verhuist zonder baanaanbod voor ${wie}; dat telt mee voor het personeelsplafond van de huidige aanbieder.`
        : `${w} legde bij ${hv} vast dat ${wie} met de cliënt meeverhuist naar een andere aanbieder, met een baanaanbod.`;
    }
    case "personeelsovername.opgevolgd":
      return `${w} volgde de toegezegde personeelsovername bij ${hv} op: ${OPVOLGING[String(na.opvolging)] ?? String(na.opvolging ?? "?")}${tekst(na.notitie) ? `, met als toelichting: ${tekst(na.notitie)}` : ""}.`;
    case "personeelsbestand.vastgelegd":
      return `${w} legde het personeelsbestand van ${namen.aanbieders[r.entityId] ?? "een aanbieder"} over ${String(na.jaar ?? "?")} vast: ${String(na.koppen ?? "?")} medewerkers, ${String(na.fte ?? "?").replace(".", ",")} fte${voor.koppen !== undefined ? ` (was ${String(voor.koppen)} medewerkers)` : ""}.`;
    case "collectieve_overname.vastgelegd":
      return `${w} legde een collectieve personeelsovername vast: ${String(na.aantalMedewerkers ?? "?")} medewerkers van ${namen.aanbieders[String(na.vanAanbiederId)] ?? "een aanbieder"} naar ${namen.aanbieders[String(na.naarAanbiederId)] ?? "een aanbieder"} per ${wanneer(na.datum)}.`;
    case "contract.geregistreerd":
      return `${w} registreerde een contract met ${namen.aanbieders[String(na.aanbiederId)] ?? "een aanbieder"}.`;
    case "productcode.aangemaakt":
      return `${w} zette productcode ${String(na.code ?? "?")} (${String(na.omschrijving ?? "")}, ${String(na.uitvoeringsvariant ?? "")}) op de productcodelijst, met een reëel tarief van ${centen(na.tariefPerEenheidCent)} per eenheid vanaf ${wanneer(na.geldigVanaf)}.`;
    case "productcode.tarief":
      return `${w} stelde voor productcode ${String(na.code ?? "?")} een reëel tarief van ${centen(na.tariefPerEenheidCent)} per eenheid vast, geldig vanaf ${wanneer(na.geldigVanaf)}${tekst(na.reden) ? ` (reden: ${tekst(na.reden)})` : ""}.`;
    case "productcode.actief":
      return `${w} zette productcode ${String(na.code ?? "?")} ${na.actief ? "weer actief" : "op niet actief: nieuwe aanbiedingen kunnen haar niet meer kiezen"}.`;
    case "tarief.geregistreerd":
      return `${w} stelde een reëel tarief vast voor productcategorie ${String(na.productcategorie ?? "?")}, geldig vanaf ${wanneer(na.geldigVanaf)}.`;
    case "regelboek.gewijzigd":
      return `${w} wijzigde het regelboek van de gemeente.`;
    case "aanbieder.geregistreerd":
      return `${w} registreerde aanbieder ${tekst(na.naam) ?? r.entityId}.`;
    case "aanbieder.mailvoorkeur":
      return `${w} koos voor ${namen.aanbieders[r.entityId] ?? "de aanbieder"} hoe die e-mail over nieuwe hulpvragen krijgt.`;
    case "consortium.geregistreerd":
      return `${w} registreerde consortium ${tekst(na.naam) ?? r.entityId}.`;
    case "gebruiker.aangemaakt":
      return `${w} maakte een account aan${tekst(na.rol) ? ` met de rol ${tekst(na.rol)}` : ""}.`;
    case "gebruiker.rol_gewijzigd":
      return `${w} wijzigde de rol van een gebruiker van ${String(voor.rol ?? "?")} in ${String(na.rol ?? "?")}.`;
    case "toewijzing.wmo301_verzonden": {
      const af = na.afsluitend as { berichtIdentificatie?: string; aanbiederId?: string } | undefined;
      const slot = af
        ? `, met de afsluitende WMO301 ${af.berichtIdentificatie ?? ""} (reden 09) aan ${namen.aanbieders[String(af.aanbiederId)] ?? "de vorige aanbieder"}`
        : "";
      return `${w} verstuurde de toewijzing van ${hv} als WMO301-bericht ${tekst(na.berichtIdentificatie) ?? ""} aan ${namen.aanbieders[String(na.aanbiederId)] ?? "de aanbieder"}${slot}.`;
    }
    case "toewijzing.wmo302_ontvangen":
      return na.iwmoStatus === "afgekeurd"
        ? `${w} verwerkte het retourbericht (WMO302) bij ${hv}: de aanbieder keurde de toewijzing af (retourcodes ${Array.isArray(na.retourcodes) ? na.retourcodes.join(", ") : "?"}).`
        : `${w} verwerkte het retourbericht (WMO302) bij ${hv}: de aanbieder heeft de toewijzing zonder fouten ontvangen.`;
    case "toewijzing.zorg_gestart":
      return `${w} meldde dat de zorg bij ${hv} is gestart op ${wanneer(na.zorgGestartOp)}${na.alsBericht ? " (WMO305-bericht)" : ""}.`;
    case "toewijzing.zorg_gestopt":
      return `${w} meldde dat de zorg bij ${hv} is gestopt op ${wanneer(na.zorgGestoptOp)}, met als reden: ${REDENEN_BEEINDIGING[String(na.stopReden)] ?? String(na.stopReden ?? "?")}${na.alsBericht ? " (WMO307-bericht)" : ""}.`;
    default:
      return `${w}: ${r.action.replace(/[._]/g, " ")} (${r.entity} ${r.entityId}).`;
  }
}
