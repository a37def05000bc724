import { isDatabaseWeg, OPNIEUW_NA_S } from "../../db/bereikbaarheid";

export { OPNIEUW_NA_S };

/**
 * The one list of error codes. Rule codes come from domain.md; the API, the forms and the
 * tests all read their status and Dutch wording from here.
 */
export const FOUTCODES = {
  not_contracted: {
    status: 422,
    bericht: "Deze aanbieder heeft geen lopend contract met de gemeente voor deze productcategorie in de hele periode.",
  },
  contract_too_short: {
    status: 422,
    bericht: "Het contract is korter dan de minimale looptijd uit het regelboek van de gemeente.",
  },
  award_lead_time: {
    status: 422,
    bericht: "Het contract is te kort voor de startdatum gegund; het regelboek vraagt meer voorbereidingstijd.",
  },
  outside_contract_period: {
    status: 422,
    bericht: "Het arrangement loopt buiten de periode van het contract dat het dekt.",
  },
  below_floor_tariff: {
    status: 422,
    bericht:
      "De prijs ligt onder het reële tarief van de gemeente. Concurreren op arbeidsvoorwaarden is niet toegestaan.",
  },
  unknown_productcode: {
    status: 422,
    bericht: "Deze productcode staat niet (actief) op de productcodelijst van de gemeente van deze hulpvraag.",
  },
  product_not_contracted: {
    status: 422,
    bericht: "Het contract van deze aanbieder met de gemeente noemt deze productcode niet.",
  },
  wrong_unit: {
    status: 422,
    bericht: "De eenheid of frequentie past niet bij de productcode of bij haar uitvoeringsvariant.",
  },
  productcode_exists: {
    status: 409,
    bericht:
      "Deze productcode bestaat al met andere kenmerken. Een bestaande code verandert niet; maak een nieuwe code.",
  },
  above_budget: { status: 422, bericht: "Het aanbod is duurder dan het budgetplafond van de hulpvraag." },
  staffing_not_allowed: {
    status: 422,
    bericht: "Deze vorm van inzet van personeel is niet toegestaan in zorg in natura.",
  },
  staff_transfer_required: {
    status: 422,
    bericht: "Dit aanbod moet toezeggen dat de huidige hulpverlener een baan wordt aangeboden onder de geldende cao.",
  },
  code_not_accepted: {
    status: 422,
    bericht:
      "Uw organisatie heeft de gedragscode verantwoord marktgedrag van deze gemeente (de geldende versie) nog niet geaccepteerd. Bieden kan daarna.",
  },
  identifying_data: {
    status: 422,
    bericht: "De hulpvraag bevat gegevens waarmee de cliënt herkend kan worden. Haal die eerst weg.",
  },
  deadline_passed: { status: 422, bericht: "De reactietermijn is verstreken; wijzigingen zijn niet meer mogelijk." },
  request_not_open: { status: 422, bericht: "De hulpvraag staat niet open voor deze handeling." },
  choice_mismatch: { status: 422, bericht: "De consulent en de cliënt hebben niet hetzelfde aanbod gekozen." },
  motivation_required: { status: 422, bericht: "U kiest anders dan de cliënt. Schrijf op waarom." },
  second_review_required: {
    status: 422,
    bericht:
      "U kiest anders dan de cliënt. Een collega-consulent moet uw motivatie eerst bevestigen; dat kunt u niet zelf doen.",
  },
  already_awarded: { status: 409, bericht: "Deze hulpvraag is al gegund." },
  iwmo_rules_broken: {
    status: 422,
    bericht:
      "Dit WMO301-bericht voldoet niet aan de regels van iWmo 3.2 en wordt daarom niet verstrekt. Per regel staat hieronder wat er mis is.",
  },
  toewijzingnummers_op: {
    status: 409,
    bericht:
      "De reeks ToewijzingNummers van deze gemeente is op. De beheerder stelt in het regelboek een nieuwe reeks in die niet botst met de backoffice.",
  },
  role_conflict: {
    status: 422,
    bericht: "Een toezichthouder mag niet ook beheerder of contractmanager van dezelfde gemeente zijn.",
  },
  wmo301_already_sent: {
    status: 409,
    bericht:
      "Deze toewijzing is al verzonden (WMO301). Opnieuw versturen kan pas als de aanbieder het bericht heeft afgekeurd.",
  },
  wmo301_not_sent: { status: 422, bericht: "De gemeente heeft deze toewijzing nog niet verzonden (WMO301)." },
  iwmo_wrong_toewijzing: {
    status: 422,
    bericht: "Dit iWmo-bericht hoort niet bij deze toewijzing, of niet bij uw organisatie.",
  },
  iwmo_already_answered: { status: 409, bericht: "Op dit WMO301-bericht is al een retourbericht (WMO302) verwerkt." },
  care_start_before_assignment: {
    status: 422,
    bericht: "De zorg kan niet eerder starten dan de ingangsdatum van de toewijzing.",
  },
  care_already_started: { status: 409, bericht: "De start van de zorg is al gemeld." },
  care_not_started: { status: 422, bericht: "De zorg is nog niet gestart. Meld eerst de start (WMO305)." },
  care_already_stopped: { status: 409, bericht: "Het einde van de zorg is al gemeld (WMO307)." },
  check_answered: {
    status: 409,
    bericht: "U heeft deze vragen al beantwoord. Wilt u iets veranderen? Bel dan uw consulent.",
  },
  check_not_open: {
    status: 422,
    bericht: "Deze resultaatcheck staat nog niet open: het moment uit het regelboek is nog niet gekomen.",
  },
  unauthorized: { status: 401, bericht: "U bent niet ingelogd, of uw sessie is verlopen." },
  forbidden: { status: 403, bericht: "U heeft geen toegang tot deze handeling." },
  not_found: { status: 404, bericht: "Niet gevonden." },
  invalid_input: { status: 422, bericht: "Niet alle velden zijn goed ingevuld." },
  rate_limited: { status: 429, bericht: "Te veel pogingen. Wacht even en probeer het daarna opnieuw." },
  unavailable: {
    status: 503,
    bericht:
      "Zorgveiling is even niet bereikbaar: de database reageert niet. Probeer het over een paar seconden opnieuw.",
  },
} as const;

export type Foutcode = keyof typeof FOUTCODES;
export type FoutDetail = { field: string; message: string; match?: string };

/** An expected refusal: a value with a code, never a crash. */
export class DomainError extends Error {
  readonly code: Foutcode;
  readonly details: FoutDetail[];
  readonly retryAfterSeconds?: number;

  constructor(code: Foutcode, details: FoutDetail[] = [], message?: string, retryAfterSeconds?: number) {
    super(message ?? FOUTCODES[code].bericht);
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    this.name = "DomainError";
  }

  get status(): number {
    return FOUTCODES[this.code].status;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
/** The database is away: a 503 `unavailable` with Retry-After instead of a 500. */
export function alsOnbeschikbaar(e: unknown): DomainError | null {
  return isDatabaseWeg(e) ? new DomainError("unavailable", [], undefined, OPNIEUW_NA_S) : null;
}

export const notFound = () => new DomainError("not_found");
export const forbidden = () => new DomainError("forbidden");
