import { z } from "./zod";
import { datumVeld } from "./hulpvraag";

/** The provider reports the start of care (the JSON form of a WMO305). */
export const ZorgStartSchema = z.object({ startdatum: datumVeld() }).strict();

/** The provider reports the end of care (the JSON form of a WMO307), with an iWmo WMO588 reden. */
export const ZorgStopSchema = z
  .object({
    einddatum: datumVeld(),
    reden: z
      .string({ error: "Kies een reden voor het stoppen." })
      .regex(/^\d{2}$/, { error: "Kies een reden uit de iWmo-codelijst WMO588." }),
  })
  .strict();

/** An iWmo message as text, when a client sends JSON instead of the XML body itself. */
export const IwmoBerichtSchema = z
  .object({ xml: z.string({ error: "Stuur het iWmo-bericht als XML." }).min(1).max(200_000) })
  .strict();
