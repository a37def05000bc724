/**
 * Storage limitation (AVG art. 5): once every request of a client is closed and the gemeente's
 * retention term has passed since its last change, the client record is pseudonymised.
 *
 * What stays: the request's content (anonymous by rule 5 since publication), offers, choices
 * with their motivations, and the toewijzing's decision (who provides what, when, for how much),
 * which the gemeente must be able to account for. What goes: name, BSN, street, house number,
 * postcode, day and month of birth, phone and e-mail, in the client register and in the
 * toewijzing snapshot, the representative's name on invites and the client's own remark.
 * The audit trail is append-only and is never rewritten: it names the client by id only.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  clienten,
  clientSessies,
  hulpvragen,
  keuzes,
  resultaatchecks,
  toewijzingen,
  uitnodigingen,
} from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { SYSTEEM } from "./actor";
import { schrijfAudit } from "./audit.server";
import { inTransactie } from "./live.server";
import type { ToewijzingExport } from "./toewijzing-types";

const BATCH = 500;
// The column's default also covers a gemeente without a rulebook row.
const regelboekTermijn = sql.raw("coalesce(r.bewaartermijn_maanden, 24)");

const AFGESLOTEN = ["gegund", "ingetrokken", "geen_passend_aanbod"] as const;

/** The placeholder that replaces the name; the id is already the pseudonym everything links by. */
const pseudoniem = (clientId: string) => `Gepseudonimiseerd (${clientId})`;

// Only the year is kept (the age band of a request can still be checked against it).
const alleenJaar = (geboortedatum: string) => `${geboortedatum.slice(0, 4)}-01-01`;

/**
 * Clients past the term: at least one request and all of them closed and unchanged for the
 * term, or no request at all and registered longer ago than the term.
 */
function verlopenClienten(executor: Tx | ReturnType<typeof db>, nu: Date, clientId?: string) {
  const grens = sql`${nu.toISOString()}::timestamptz - make_interval(months => ${regelboekTermijn})`;
  return executor.execute<{ id: string; gemeente_id: string; termijn: number }>(sql`
    select c.id, c.gemeente_id, ${regelboekTermijn} as termijn
    from clienten c left join regelboeken r on r.gemeente_id = c.gemeente_id
    where c.gepseudonimiseerd_op is null
      ${clientId ? sql`and c.id = ${clientId}` : sql``}
      and not exists (
        select 1 from hulpvragen h where h.client_id = c.id
          and (h.status not in ${sql.raw(`('${AFGESLOTEN.join("','")}')`)} or h.updated_at > ${grens}))
      and (exists (select 1 from hulpvragen h where h.client_id = c.id) or c.created_at < ${grens})
    order by c.id
    ${clientId ? sql`for update of c skip locked` : sql`limit ${BATCH}`}`);
}

/**
 * Pseudonymises every client past the term, one transaction and one audit entry each. Safe
 * to run in several processes at once: a client is claimed with a row lock and checked again.
 */
export async function pseudonimiseerVerlopenClienten(nu = new Date()): Promise<{ gepseudonimiseerd: string[] }> {
  const gedaan: string[] = [];
  for (;;) {
    const kandidaten = [...(await verlopenClienten(db(), nu))];
    let voortgang = false;
    for (const k of kandidaten) {
      if (await pseudonimiseer(k.id, nu)) {
        gedaan.push(k.id);
        voortgang = true;
      }
    }
    // A full batch means there may be more; rows another process holds are its work.
    if (kandidaten.length < BATCH || !voortgang) return { gepseudonimiseerd: gedaan };
  }
}

async function pseudonimiseer(clientId: string, nu: Date): Promise<boolean> {
  return inTransactie(async (tx) => {
    const [k] = await verlopenClienten(tx, nu, clientId);
    if (!k) return false; // another process got there first, or the client came back meanwhile
    const [client] = await tx.select().from(clienten).where(eq(clienten.id, clientId));
    const naam = pseudoniem(clientId);
    const geboortedatum = alleenJaar(client.geboortedatum);
    await tx
      .update(clienten)
      .set({
        naam,
        bsn: "",
        straat: "",
        huisnummer: "",
        postcode: "",
        geboortedatum,
        geslacht: "0",
        voorletters: null,
        voorvoegsel: null,
        achternaam: null,
        huisletter: null,
        huisnummertoevoeging: null,
        telefoon: null,
        email: null,
        gepseudonimiseerdOp: nu,
      })
      .where(eq(clienten.id, clientId));

    let aantalToewijzingen = 0;
    const vragen = (
      await tx.select({ id: hulpvragen.id }).from(hulpvragen).where(eq(hulpvragen.clientId, clientId))
    ).map((h) => h.id);
    if (vragen.length) {
      const snapshots = await tx
        .select({ id: toewijzingen.id, inhoud: toewijzingen.inhoud })
        .from(toewijzingen)
        .where(inArray(toewijzingen.hulpvraagId, vragen));
      aantalToewijzingen = snapshots.length;
      for (const t of snapshots) {
        const inhoud: ToewijzingExport = {
          ...t.inhoud,
          client: {
            ...t.inhoud.client,
            naam,
            bsn: "",
            straat: "",
            huisnummer: "",
            postcode: "",
            geboortedatum: alleenJaar(t.inhoud.client.geboortedatum),
            geslacht: "0",
            voorletters: null,
            voorvoegsel: null,
            achternaam: null,
            huisletter: null,
            huisnummertoevoeging: null,
          },
        };
        await tx.update(toewijzingen).set({ inhoud }).where(eq(toewijzingen.id, t.id));
      }
      await tx.update(uitnodigingen).set({ vertegenwoordiger: null }).where(inArray(uitnodigingen.hulpvraagId, vragen));
      await tx
        .update(keuzes)
        .set({ opmerking: null })
        .where(and(inArray(keuzes.hulpvraagId, vragen), eq(keuzes.partij, "client")));
      await tx.update(clientSessies).set({ expiresAt: nu }).where(inArray(clientSessies.hulpvraagId, vragen));
      // The words of a results check may name people; the answers and marks stay for the aggregates.
      await tx.execute(sql`update resultaatoordelen set toelichting = null
        where toelichting is not null and check_id in (select id from resultaatchecks where hulpvraag_id in (${sql.join(
          vragen.map((v) => sql`${v}`),
          sql`, `,
        )}))`);
      await tx
        .update(resultaatchecks)
        .set({ codeVersleuteld: null })
        .where(inArray(resultaatchecks.hulpvraagId, vragen));
      // Kept for reconnecting browsers only; the client's comment has no business there any more.
      // (Events stored before the typed contract named them `comment` and `requestId`.)
      const inVragen = sql`(${sql.join(
        vragen.map((v) => sql`${v}`),
        sql`, `,
      )})`;
      await tx.execute(sql`update live_events set payload = jsonb_set(payload, '{opmerking}', 'null'::jsonb)
        where type = 'choice:changed' and payload ? 'opmerking' and payload->>'hulpvraagId' in ${inVragen}`);
      await tx.execute(sql`update live_events set payload = jsonb_set(payload, '{comment}', 'null'::jsonb)
        where type = 'choice:changed' and payload ? 'comment' and payload->>'requestId' in ${inVragen}`);
    }
    // What was done and under which term; no personal data, so the entry may stay forever.
    await schrijfAudit(tx, SYSTEEM, {
      actie: "client.gepseudonimiseerd",
      entiteit: "client",
      entiteitId: clientId,
      gemeenteId: k.gemeente_id,
      na: { bewaartermijnMaanden: k.termijn, hulpvragen: vragen, toewijzingen: aantalToewijzingen },
    });
    return true;
  });
}
