import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { berichten, gebruikers, type BerichtStatus } from "../../db/schema";
import { db, type Tx } from "../../db/client.server";
import { newId } from "../../db/schema/ids";
import { readConfig } from "../config.server";
import { logboek } from "../logboek.server";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import type { Opgemaakt } from "./berichtteksten";

/** The address people use, for links in messages; set by server.ts once it listens. */
let basis = process.env.PUBLIC_URL ?? "http://localhost:3000";
export function zetPubliekAdres(adres: string) {
  basis = adres.replace(/\/$/, "");
}
export const publiekAdres = () => basis;

export type NieuwBericht = Opgemaakt & {
  soort: string;
  aan: string;
  gemeenteId?: string | null;
  hulpvraagId?: string | null;
  afmeldUrl?: string;
  sleutel?: string;
  geheim?: string;
};

const GEWIST = "[alleen in de verzonden e-mail]";

/**
 * Queues messages inside the caller's transaction: they exist exactly when the change they
 * tell about committed, and are sent after the commit by the clock (verstuurBerichten).
 */
export async function zetInWachtrij(tx: Tx, nieuw: NieuwBericht[]): Promise<number> {
  if (nieuw.length === 0) return 0;
  const rijen = await tx
    .insert(berichten)
    .values(
      nieuw.map((b) => ({
        id: newId("ml"),
        soort: b.soort,
        aan: b.aan,
        onderwerp: b.onderwerp,
        tekst: b.tekst,
        html: b.html,
        afmeldUrl: b.afmeldUrl ?? null,
        geheim: b.geheim ?? null,
        gemeenteId: b.gemeenteId ?? null,
        hulpvraagId: b.hulpvraagId ?? null,
        sleutel: b.sleutel ?? null,
      })),
    )
    .onConflictDoNothing({ target: berichten.sleutel })
    .returning({ id: berichten.id });
  return rijen.length;
}

/** The planners (users with role aanbieder) of these organisations: who reads a provider's mail. */
export async function plannersVan(tx: Tx, aanbiederIds: string[]): Promise<{ email: string; aanbiederId: string }[]> {
  if (aanbiederIds.length === 0) return [];
  const rijen = await tx
    .select({ email: gebruikers.email, aanbiederId: gebruikers.aanbiederId })
    .from(gebruikers)
    .where(and(eq(gebruikers.rol, "aanbieder"), inArray(gebruikers.aanbiederId, aanbiederIds)));
  return rijen.map((r) => ({ email: r.email, aanbiederId: r.aanbiederId! }));
}

export async function emailVan(tx: Tx, gebruikerId: string): Promise<string | null> {
  const [g] = await tx.select({ email: gebruikers.email }).from(gebruikers).where(eq(gebruikers.id, gebruikerId));
  return g?.email ?? null;
}

// ---------- sending ----------

const MAX_POGINGEN = 8;
// 1, 2, 4 … 64 minutes between attempts: a mail server that is down for an hour loses nothing.
const wachttijdMs = (poging: number) => Math.min(64, 2 ** (poging - 1)) * 60_000;

let transport: Transporter | null | undefined;
async function mailTransport(): Promise<Transporter | null> {
  if (transport !== undefined) return transport;
  const { SMTP_URL } = readConfig();
  if (!SMTP_URL) return (transport = null);
  const nodemailer = await import("nodemailer");
  transport = nodemailer.createTransport(SMTP_URL);
  return transport;
}

/**
 * Sends what is due, one message per transaction. The row stays locked (FOR UPDATE SKIP LOCKED)
 * while the SMTP server takes it, so however many processes run, each message goes out once.
 * Without SMTP_URL a message moves to the outbox (`postvak`), read on "Verzonden berichten".
 */
export async function verstuurBerichten(limiet = 50): Promise<number> {
  const smtp = await mailTransport();
  const { MAIL_FROM } = readConfig();
  let verwerkt = 0;
  while (verwerkt < limiet) {
    const gedaan = await db().transaction(async (tx) => {
      const [b] = await tx
        .select()
        .from(berichten)
        .where(and(eq(berichten.status, "wachtend"), sql`${berichten.volgendePogingOp} <= now()`))
        .orderBy(berichten.volgendePogingOp)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!b) return false;
      if (!smtp) {
        await tx.update(berichten).set({ status: "postvak" }).where(eq(berichten.id, b.id));
        return true;
      }
      try {
        await smtp.sendMail({
          from: MAIL_FROM,
          to: b.aan,
          subject: b.onderwerp,
          text: b.tekst,
          html: b.html,
          ...(b.afmeldUrl ? { list: { unsubscribe: { url: b.afmeldUrl, comment: "E-mailvoorkeuren" } } } : {}),
          headers: { "X-Zorgveiling-Bericht": b.id },
        });
        const wis = (s: string) => (b.geheim ? s.split(b.geheim).join(GEWIST) : s);
        await tx
          .update(berichten)
          .set({
            status: "verzonden",
            verzondenOp: new Date(),
            pogingen: b.pogingen + 1,
            laatsteFout: null,
            tekst: wis(b.tekst),
            html: wis(b.html),
            geheim: null,
          })
          .where(eq(berichten.id, b.id));
      } catch (e) {
        const poging = b.pogingen + 1;
        const fout = e instanceof Error ? e.message.slice(0, 500) : String(e);
        logboek.warn({ bericht: b.id, poging, fout }, "e-mail niet verzonden");
        await tx
          .update(berichten)
          .set({
            pogingen: poging,
            laatsteFout: fout,
            status: poging >= MAX_POGINGEN ? "mislukt" : "wachtend",
            volgendePogingOp: new Date(Date.now() + wachttijdMs(poging)),
          })
          .where(eq(berichten.id, b.id));
      }
      return true;
    });
    if (!gedaan) break;
    verwerkt++;
  }
  return verwerkt;
}

// ---------- reading ----------

/** "Verzonden berichten": the gemeente's beheerder reads every message about its requests. */
export async function lijstBerichten(actor: Actor, opts: { limiet?: number } = {}) {
  const beheerder = vereisRol(actor, "beheerder");
  const rijen = await db()
    .select()
    .from(berichten)
    .where(eq(berichten.gemeenteId, gemeenteVan(beheerder)))
    .orderBy(desc(berichten.createdAt))
    .limit(opts.limiet ?? 200);
  return rijen.map((b) => ({
    id: b.id,
    soort: b.soort,
    aan: b.aan,
    onderwerp: b.onderwerp,
    tekst: b.tekst,
    status: b.status as BerichtStatus,
    pogingen: b.pogingen,
    laatsteFout: b.laatsteFout,
    hulpvraagId: b.hulpvraagId,
    aangemaakt: b.createdAt.toISOString(),
    verzonden: b.verzondenOp?.toISOString() ?? null,
  }));
}
