import { eq } from "drizzle-orm";
import { aanbiedingen, hulpvragen, toewijzingen } from "../../db/schema";
import { newId } from "../../db/schema/ids";
import { feedVoor } from "../../realtime/events";
import { gemeenteVan, vereisRol, type Actor } from "./actor";
import { schrijfAudit } from "./audit.server";
import { DomainError } from "./errors";
import { vergrendel, weigerIdentificerend } from "./hulpvragen.server";
import { keuzesVan, tegenDeClient, waaromGeenGunning, zelfdeKeuze } from "./keuzes.server";
import { inTransactie } from "./live.server";
import { leveranciersVoor, overnameVereist } from "./aanbieding-regels.server";
import { leesRegelboek } from "./regelboek.server";
import { registreerOvername, verhuistZorg } from "./personeelsovernames.server";
import { bouwToewijzing } from "./toewijzingen.server";
import { beschikkingBij } from "./beschikking";
import { amsterdamDatum } from "./deadline";
import { stelUitkomstVast } from "./uitkomst.server";
import { metWeigeringen } from "./weigeringen.server";
import type { GunningInvoer } from "../schemas/keuze";

const STANDAARD_MOTIVATIE = "Het gekozen aanbod past het best bij de gevraagde resultaten en de wensen van de cliënt.";

// A second award can only meet the unique index after the row lock; kept as the last line of defence.
type PgFout = { code?: string; constraint_name?: string; cause?: PgFout };
function isDubbeleToewijzing(e: unknown): boolean {
  const fout = (e as PgFout)?.cause ?? (e as PgFout);
  return fout?.code === "23505" && (fout.constraint_name ?? "").startsWith("toewijzingen");
}

/**
 * Rule 8: one award per request, whatever the number of browsers or processes. The request row
 * lock makes every later attempt see `gegund`; the unique index on toewijzingen backs it up.
 */
export async function gun(actor: Actor, hulpvraagId: string, invoer: GunningInvoer) {
  const consulent = vereisRol(actor, "consulent");
  const gemeenteId = gemeenteVan(consulent);
  const motivatie = invoer.motivation || STANDAARD_MOTIVATIE;
  return metWeigeringen(hulpvraagId, async () => {
    try {
      return await inTransactie(async (tx, meld) => {
        const h = await vergrendel(tx, gemeenteId, hulpvraagId);
        if (h.status === "gegund") throw new DomainError("already_awarded");
        const keuze = await keuzesVan(tx, hulpvraagId);
        if (h.status !== "gekozen" && h.status !== "beoordeling") {
          throw new DomainError("request_not_open", [
            { field: "status", message: `Gunnen kan na de reactietermijn; de hulpvraag heeft status "${h.status}".` },
          ]);
        }
        // Against the client's preference, the motivation waits for a colleague's confirmation (four eyes).
        if (tegenDeClient(keuze) && !keuze.consulent!.bevestigdDoor) {
          throw new DomainError("second_review_required", [{ field: "reviewer", message: waaromGeenGunning(keuze) }]);
        }
        if (h.status !== "gekozen" || !zelfdeKeuze(keuze))
          throw new DomainError("choice_mismatch", [{ field: "offerId", message: waaromGeenGunning(keuze) }]);

        // Aanbieders read this motivation: the client's identity must not slip into it (rule 5).
        await weigerIdentificerend(tx, h.clientId, { motivation: motivatie });

        const [winnaar] = await tx
          .select()
          .from(aanbiedingen)
          .where(eq(aanbiedingen.id, keuze.consulent!.aanbiedingId!));
        // Rule 4 again, inside the award: other awards since the offer may have used up the current provider's yearly cap.
        const reden = await overnameVereist(
          tx,
          h,
          (await leveranciersVoor(tx, winnaar.aanbiederId, winnaar.consortiumId)).leden,
          await leesRegelboek(gemeenteId, tx),
          { aantal: winnaar.overnameAantal, startdatum: winnaar.startdatum, vergrendel: true },
        );
        if (reden && !winnaar.overnameHulpverlener) {
          throw new DomainError("staff_transfer_required", [
            {
              field: "offerId",
              message: `${reden.tekst} Het gekozen aanbod zegt geen baan toe aan de huidige hulpverlener; dit kan nu niet gegund worden.`,
            },
          ]);
        }
        const toewijzingId = newId("tw");
        const toegewezenOp = new Date();
        const overstap = await verhuistZorg(tx, h, winnaar);
        const inhoud = await bouwToewijzing(tx, h, winnaar, toewijzingId, toegewezenOp, overstap);
        const beschikking = beschikkingBij(invoer, {
          gemeenteCode: inhoud.gemeente.code,
          toewijzingNummer: inhoud.componenten[0]?.toewijzingNummer ?? 0,
          vandaag: amsterdamDatum(toegewezenOp),
        });
        await tx.insert(toewijzingen).values({
          id: toewijzingId,
          hulpvraagId,
          aanbiedingId: winnaar.id,
          gemeenteId,
          aanbiederId: winnaar.aanbiederId,
          motivatie,
          clientAfwezigReden: keuze.client ? null : keuze.consulent!.clientAfwezigReden,
          tweedeBeoordelaar: tegenDeClient(keuze) ? keuze.consulent!.bevestigdDoor : null,
          toegewezenDoor: consulent.id,
          toegewezenOp,
          inhoud,
          beschikkingNummer: beschikking.nummer,
          beschikkingDatum: beschikking.datum,
        });
        await tx
          .update(hulpvragen)
          .set({ status: "gegund", updatedAt: toegewezenOp })
          .where(eq(hulpvragen.id, hulpvraagId));
        await stelUitkomstVast(tx, meld, consulent, h, winnaar.id, motivatie);
        const overname = await registreerOvername(tx, meld, consulent, h, winnaar);

        const payload = {
          hulpvraagId,
          status: "gegund" as const,
          toewijzingId,
          aanbiedingId: winnaar.id,
          aanbiederId: winnaar.aanbiederId,
          consortiumId: winnaar.consortiumId,
        };
        await meld(feedVoor.gemeente(gemeenteId), "request:awarded", payload);
        await meld(feedVoor.hulpvraag(hulpvraagId), "request:awarded", payload);
        await schrijfAudit(tx, consulent, {
          actie: "hulpvraag.gegund",
          entiteit: "toewijzing",
          entiteitId: toewijzingId,
          gemeenteId,
          hulpvraagId,
          voor: { status: h.status },
          na: {
            status: "gegund",
            aanbiedingId: winnaar.id,
            aanbiederId: winnaar.aanbiederId,
            motivatie,
            redenWijziging: inhoud.redenWijziging,
            personeelsovername: overname?.id ?? null,
            beschikking,
          },
        });
        return {
          toewijzingId,
          requestId: hulpvraagId,
          offerId: winnaar.id,
          status: "gegund" as const,
          staffTransfer: overname,
          beschikking,
        };
      });
    } catch (e) {
      if (isDubbeleToewijzing(e)) throw new DomainError("already_awarded");
      throw e;
    }
  });
}
