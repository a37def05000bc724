import { FOUTCODES, type Foutcode } from "../domain/errors";

/** Short names of the rule codes (domain.md, rules 1–9) for tables; the full wording stays in FOUTCODES. */
const REGELNAMEN: Partial<Record<Foutcode, string>> = {
  not_contracted: "Regel 1: geen contract",
  contract_too_short: "Regel 2: contract te kort",
  award_lead_time: "Regel 2: contract te laat gegund",
  outside_contract_period: "Regel 2: buiten de contractperiode",
  below_floor_tariff: "Regel 3: onder het reële tarief",
  above_budget: "Regel 3: boven het budget",
  staffing_not_allowed: "Regel 3: inzet van personeel niet toegestaan",
  staff_transfer_required: "Regel 4: personeelsovername vereist",
  identifying_data: "Regel 5: herleidbare gegevens",
  deadline_passed: "Regel 6: reactietermijn verstreken",
  request_not_open: "Regel 6: hulpvraag niet open",
  choice_mismatch: "Regel 7: keuzes verschillen",
  motivation_required: "Regel 7: motivatie ontbreekt",
  second_review_required: "Regel 7: bevestiging door een collega ontbreekt",
  already_awarded: "Regel 8: al gegund",
  role_conflict: "Regel 9: rollen botsen",
};

export const regelNaam = (code: string) => REGELNAMEN[code as Foutcode] ?? code;
export const regelUitleg = (code: string) => (code in FOUTCODES ? FOUTCODES[code as Foutcode].bericht : "");
