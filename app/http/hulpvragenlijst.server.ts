import type { Actor } from "../domain/actor";
import { lijstHulpvragen } from "../domain/hulpvragen.server";
import type { HulpvraagVoorGemeente } from "../domain/hulpvraag-weergave";
import type { HulpvraagStatus } from "../../db/schema/markt";
import { HULPVRAAG_STATUSSEN } from "../../db/schema/markt";
import { HulpvraagFilterSchema } from "../schemas/hulpvraag";
import { leesSortering, sorteer } from "../format/sorteren";

export type GemeenteLijst = {
  items: (HulpvraagVoorGemeente & { clientNaam?: string; aantalAanbiedingen: number })[];
  tellingen: Partial<Record<HulpvraagStatus, number>>;
};

/** The consulent's list columns that sort (`?sorteer=<kolom>:op|af`), shared by the page and its CSV. */
export const SORTEER_HULPVRAGEN = ["hulpvraag", "client", "status", "urgentie", "deadline", "aanbiedingen"] as const;

const waarde = (h: GemeenteLijst["items"][number], kolom: string): string | number | null => {
  switch (kolom) {
    case "hulpvraag":
      return h.id;
    case "client":
      return h.clientNaam ?? null;
    case "status":
      // The life-cycle order, not the alphabet.
      return HULPVRAAG_STATUSSEN.indexOf(h.status);
    case "urgentie":
      return h.urgentie === "spoed" ? 0 : 1;
    case "deadline":
      return h.deadline;
    default:
      // A concept cannot have offers yet ("geen" on the page): after every count, either way.
      return h.status === "concept" ? null : h.aantalAanbiedingen;
  }
};

/** The consulent's request list as the URL asks: status tab, search words and sort; unknown values are ignored. */
export async function consulentLijst(consulent: Actor, zoekparams: URLSearchParams) {
  // A hand-edited URL with an unknown status shows everything rather than an error page.
  const filter = HulpvraagFilterSchema.safeParse({
    status: zoekparams.get("status") || undefined,
    zoek: zoekparams.get("zoek") || undefined,
  });
  const { status, zoek } = filter.success ? filter.data : { status: undefined, zoek: undefined };
  // For gemeente staff the list carries the client's name, the offer count and the counts per status.
  const { items, tellingen } = (await lijstHulpvragen(consulent, { status, zoek })) as GemeenteLijst;
  const sortering = leesSortering(zoekparams, "sorteer", SORTEER_HULPVRAGEN);
  return { items: sorteer(items, sortering, waarde), tellingen, status: status ?? null, zoek: zoek ?? "", sortering };
}
