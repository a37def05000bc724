import { sql } from "drizzle-orm";
import { db } from "../../db/client.server";
import { amsterdamDatum } from "./deadline";
import { gunningsaandelen } from "./gunningsaandelen.server";
import { plafondgebruik } from "./plafondgebruik.server";
import { SIGNAALDREMPELS as D, weigeringenStijgen } from "./signaaldrempels";
import { plusWerkdagen } from "./deadline";

export type SignaalSoort = "weigeringen" | "marktaandeel" | "zonder-client" | "startmelding" | "personeelsplafond";

/** One risk the supervisor should look at, with the requests behind it (never who the clients are). */
export type Signaal = { soort: SignaalSoort; sleutel: string; tekst: string; hulpvraagIds: string[] };

const rijen = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => [...(await db().execute<T>(q))];
const procent = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

/**
 * The signals of a gemeente's market, by the thresholds in signaaldrempels.ts. Without `jaar`: as
 * of now. With `jaar` (the yearly report): awards of that year, refusals up to its end, caps of that year.
 */
export async function leesSignalen(gemeenteId: string, jaar?: number, nu = new Date()): Promise<Signaal[]> {
  const vandaag = amsterdamDatum(nu);
  const huidigJaar = Number(vandaag.slice(0, 4));
  // The driver takes timestamps as text.
  const peil = (jaar && jaar < huidigJaar ? new Date(`${jaar + 1}-01-01T00:00:00+01:00`) : nu).toISOString();
  const jaarFilter = sql`(${jaar ?? null}::int is null or extract(year from t.toegewezen_op at time zone 'Europe/Amsterdam') = ${jaar ?? null}::int)`;
  const [weigeringen, aandelen, zonderClient, startLoos, plafonds] = await Promise.all([
    rijen<{ code: string; recent: number; daarvoor: number; hulpvraagIds: string[] | null }>(sql`
      select code,
             count(*) filter (where created_at > ${peil}::timestamptz - make_interval(days => ${D.weigeringen.periodeDagen}))::int as recent,
             count(*) filter (where created_at <= ${peil}::timestamptz - make_interval(days => ${D.weigeringen.periodeDagen}))::int as daarvoor,
             array_agg(distinct hulpvraag_id) filter (where hulpvraag_id is not null
               and created_at > ${peil}::timestamptz - make_interval(days => ${D.weigeringen.periodeDagen})) as "hulpvraagIds"
      from weigeringen
      where gemeente_id = ${gemeenteId} and created_at <= ${peil}::timestamptz
        and created_at > ${peil}::timestamptz - make_interval(days => ${2 * D.weigeringen.periodeDagen})
      group by code order by code`),
    gunningsaandelen(gemeenteId, jaar),
    rijen<{ hulpvraagId: string; afwezig: boolean; vierOgen: boolean }>(sql`
      select t.hulpvraag_id as "hulpvraagId", t.client_afwezig_reden is not null as afwezig, t.tweede_beoordelaar is not null as "vierOgen"
      from toewijzingen t
      where t.gemeente_id = ${gemeenteId} and (t.client_afwezig_reden is not null or t.tweede_beoordelaar is not null) and ${jaarFilter}
      order by t.toegewezen_op`),
    rijen<{ hulpvraagId: string; startdatum: string }>(sql`
      select t.hulpvraag_id as "hulpvraagId", a.startdatum::text as startdatum
      from toewijzingen t join aanbiedingen a on a.id = t.aanbieding_id
      where t.gemeente_id = ${gemeenteId} and t.zorg_gestart_op is null and t.zorg_gestopt_op is null
        and a.startdatum < ${vandaag}::date and ${jaarFilter}
      order by a.startdatum`),
    // Transfers are dated by the care's start, often next year: as of now, this year's caps and next year's.
    Promise.all((jaar ? [jaar] : [huidigJaar, huidigJaar + 1]).map((j) => plafondgebruik(gemeenteId, j))),
  ]);

  const uit: Signaal[] = [];
  for (const w of weigeringen) {
    if (!weigeringenStijgen(w.recent, w.daarvoor)) continue;
    uit.push({
      soort: "weigeringen",
      sleutel: `weigeringen-${w.code}`,
      tekst: `Weigeringen op regel ${w.code} stijgen: ${w.recent} in de laatste ${D.weigeringen.periodeDagen} dagen, ${w.daarvoor} in de ${D.weigeringen.periodeDagen} dagen daarvoor.`,
      hulpvraagIds: w.hulpvraagIds ?? [],
    });
  }
  const totaal = aandelen.reduce((s, a) => s + a.gunningen, 0);
  if (Math.round(totaal) >= D.marktaandeel.minimumGunningen) {
    for (const a of aandelen.filter((x) => x.aandeel > D.marktaandeel.procent)) {
      uit.push({
        soort: "marktaandeel",
        sleutel: `marktaandeel-${a.aanbiederId}`,
        tekst: `${a.naam} kreeg ${procent.format(a.aandeel)} % van de gunningen (drempel ${D.marktaandeel.procent} %).`,
        hulpvraagIds: a.hulpvraagIds,
      });
    }
  }
  const afwezig = zonderClient.filter((z) => z.afwezig).map((z) => z.hulpvraagId);
  const vierOgen = zonderClient.filter((z) => z.vierOgen).map((z) => z.hulpvraagId);
  if (afwezig.length)
    uit.push({
      soort: "zonder-client",
      sleutel: "zonder-client-afwezig",
      tekst: `${afwezig.length === 1 ? "1 gunning" : `${afwezig.length} gunningen`} zonder de cliënt: de cliënt kon niet meebeslissen.`,
      hulpvraagIds: afwezig,
    });
  if (vierOgen.length)
    uit.push({
      soort: "zonder-client",
      sleutel: "zonder-client-vier-ogen",
      tekst: `${vierOgen.length === 1 ? "1 gunning" : `${vierOgen.length} gunningen`} tegen de voorkeur van de cliënt, door een collega bevestigd.`,
      hulpvraagIds: vierOgen,
    });
  const telaat = startLoos.filter((s) => plusWerkdagen(s.startdatum, D.startmelding.werkdagen) < vandaag);
  if (telaat.length)
    uit.push({
      soort: "startmelding",
      sleutel: "startmelding",
      tekst: `${telaat.length === 1 ? "1 toewijzing" : `${telaat.length} toewijzingen`} zonder melding van de start van de zorg, ${D.startmelding.werkdagen} werkdagen na de startdatum.`,
      hulpvraagIds: telaat.map((s) => s.hulpvraagId),
    });
  for (const p of plafonds.flat()) {
    if (p.gebruikt === 0 || p.gebruikt * 100 < D.personeelsplafond.procent * p.toegestaan) continue;
    uit.push({
      soort: "personeelsplafond",
      sleutel: `personeelsplafond-${p.aanbiederId}-${p.jaar}`,
      tekst: `Het personeelsplafond ${p.jaar} van ${p.aanbiederNaam} is bijna of helemaal gebruikt: ${p.gebruikt} van ${p.toegestaan} medewerkers (${p.procent} % van ${p.koppen ?? 0}) gingen zonder baanaanbod mee met de zorg.`,
      hulpvraagIds: p.hulpvraagIds,
    });
  }
  return uit;
}
