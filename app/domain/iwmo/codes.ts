/**
 * iWmo 3.2 code lists the chain shows to people, in Dutch: WJ001 retourcodes (those a WMO302
 * can carry) and WMO588 reden beëindiging (a WMO307's reason for stopping).
 */
export const RETOURCODES: Readonly<Record<string, string>> = {
  "0001": "Bericht is afgekeurd om technische redenen.",
  "0200": "Geen opmerking over deze berichtklasse.",
  "0233": "Berichtklasse is niet beoordeeld.",
  "8848": "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
  "9056": "Identificatie moet uniek zijn.",
  S300: "Gemeentecode ongeldig.",
  S329: "ProductCode ongeldig.",
  "9332": "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
  "9379":
    "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld.",
  "9385": "Toewijzing heeft goedgekeurde declaratieregels.",
};

/** Codes that say nothing is wrong: a 302 with only these means the toewijzing was accepted. */
export const GOEDKEURENDE_RETOURCODES: ReadonlySet<string> = new Set(["0200", "0233"]);

export const retourcodeTekst = (code: string) => RETOURCODES[code] ?? `Retourcode ${code} (zie codelijst WJ001).`;

export const REDENEN_BEEINDIGING: Readonly<Record<string, string>> = {
  "02": "Overlijden",
  "19": "Levering volgens plan beëindigd",
  "20": "Levering is tijdelijk beëindigd",
  "21": "Levering is eenzijdig door cliënt beëindigd",
  "22": "Levering is eenzijdig door aanbieder beëindigd",
  "23": "Levering is in overeenstemming voortijdig beëindigd",
  "31": "Verhuizing naar een andere gemeente",
  "36": "Geïnitieerd door de gemeente",
  "37": "In verband met wijzigingsverzoek",
  "38": "Overstap naar andere aanbieder",
  "39": "Uitstroom naar ander domein",
};

/** Deadlines of the standard: a retour within 3 working days (OP090), start and stop within 5 (OP271). */
export const TERMIJN_RETOUR_WERKDAGEN = 3;
export const TERMIJN_START_STOP_WERKDAGEN = 5;
