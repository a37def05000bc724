/**
 * The Awb decision (beschikking) a toewijzing rests on: the gemeente's own number and date when
 * the consulent enters them at award, otherwise generated from the gemeente's CBS code, the year
 * and the toewijzing's first ToewijzingNummer (unique per gemeente), dated the day of the award.
 * The client may object (bezwaar) within six weeks of it (Awb art. 6:7), so the date matters.
 */
import { DomainError } from "./errors";

export type Beschikking = { nummer: string; datum: string };

export function beschikkingBij(
  invoer: { beschikkingNummer?: string; beschikkingDatum?: string },
  bij: { gemeenteCode: string; toewijzingNummer: number; vandaag: string },
): Beschikking {
  const datum = invoer.beschikkingDatum || bij.vandaag;
  if (datum > bij.vandaag)
    throw new DomainError("invalid_input", [
      { field: "beschikkingDatum", message: "De beschikking is al genomen: de datum ligt niet in de toekomst." },
    ]);
  const nummer = invoer.beschikkingNummer || `${bij.gemeenteCode}-${datum.slice(0, 4)}-${bij.toewijzingNummer}`;
  return { nummer, datum };
}

/** The last day to object: six weeks after the day of the decision (Awb art. 6:7 and 6:8). */
export function bezwaarTot(datum: string): string {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 42);
  return d.toISOString().slice(0, 10);
}
