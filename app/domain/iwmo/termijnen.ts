/** The deadlines of the standard applied to one toewijzing; pure, so a unit test can walk the calendar. */
import { plusWerkdagen } from "../deadline";
import { TERMIJN_RETOUR_WERKDAGEN, TERMIJN_START_STOP_WERKDAGEN } from "./codes";

export type Achterstand = {
  toewijzingId: string;
  hulpvraagId: string;
  aanbieder: string;
  bericht: "WMO302" | "WMO305" | "WMO307";
  /** The last day it could arrive in time. */
  uiterlijk: string;
  uitleg: string;
};

/** Pure: what is overdue for one toewijzing on `vandaag`. */
export function achterstandVan(
  t: {
    iwmoStatus: string;
    ingangsdatum: string;
    einddatum: string;
    zorgGestartOp: string | null;
    zorgGestoptOp: string | null;
  },
  laatste301: string | null,
  vandaag: string,
): Omit<Achterstand, "toewijzingId" | "hulpvraagId" | "aanbieder">[] {
  const uit: Omit<Achterstand, "toewijzingId" | "hulpvraagId" | "aanbieder">[] = [];
  if (t.iwmoStatus === "verzonden" && laatste301) {
    const uiterlijk = plusWerkdagen(laatste301, TERMIJN_RETOUR_WERKDAGEN);
    if (vandaag > uiterlijk)
      uit.push({ bericht: "WMO302", uiterlijk, uitleg: "Geen retourbericht binnen 3 werkdagen na de WMO301." });
  }
  if ((t.iwmoStatus === "verzonden" || t.iwmoStatus === "ontvangen") && !t.zorgGestartOp) {
    const uiterlijk = plusWerkdagen(t.ingangsdatum, TERMIJN_START_STOP_WERKDAGEN);
    if (vandaag > uiterlijk)
      uit.push({ bericht: "WMO305", uiterlijk, uitleg: "De start van de zorg is niet binnen 5 werkdagen gemeld." });
  }
  if (t.zorgGestartOp && !t.zorgGestoptOp) {
    const uiterlijk = plusWerkdagen(t.einddatum, TERMIJN_START_STOP_WERKDAGEN);
    if (vandaag > uiterlijk)
      uit.push({ bericht: "WMO307", uiterlijk, uitleg: "Het einde van de zorg is niet binnen 5 werkdagen gemeld." });
  }
  return uit;
}
