import { alle, centen, getypteWaarden, tekst, type FormulierWaarden } from "./formulier";
import { amsterdamOffsetMs, amsterdamTijdstip } from "../domain/deadline";
import type { HulpvraagVoorGemeente } from "../domain/hulpvraag-weergave";
import { RESULTAAT_CODES } from "./catalogus";
import { euroInvoer } from "../format/nl";

/**
 * The one mapping from the request form (new and edit) to the object HulpvraagSchema and
 * HulpvraagWijzigingSchema parse. Empty optional fields become null, so that an edit clears them.
 */
export function hulpvraagUitFormulier(formulier: FormData) {
  const gekozen = new Set(alle(formulier, "resultaten"));
  const budget = tekst(formulier, "budgetPerMaand");
  const duur = tekst(formulier, "duurMaanden");
  const huidigeAanbieder = tekst(formulier, "huidigeZorg.aanbiederId");
  const huidigeRol = tekst(formulier, "huidigeZorg.hulpverlenerRol");
  return {
    clientId: tekst(formulier, "clientId"),
    regio: tekst(formulier, "regio") ?? "",
    leeftijdsklasse: tekst(formulier, "leeftijdsklasse"),
    huishouden: tekst(formulier, "huishouden"),
    toelichting: tekst(formulier, "toelichting") ?? "",
    clientTekst: tekst(formulier, "clientTekst") ?? "",
    // Catalogue order, so an error at resultaten.<i> points at the i-th ticked result on the form.
    resultaten: RESULTAAT_CODES.filter((code) => gekozen.has(code)).map((code) => ({
      code,
      toelichting: tekst(formulier, `toelichting.${code}`) ?? "",
    })),
    productcategorieen: alle(formulier, "productcategorieen"),
    wensen: {
      taal: tekst(formulier, "wensen.taal"),
      geslachtHulpverlener: tekst(formulier, "wensen.geslachtHulpverlener"),
      tijden: tekst(formulier, "wensen.tijden"),
    },
    startdatum: tekst(formulier, "startdatum"),
    duurMaanden: duur === undefined ? undefined : Number(duur),
    budgetPerMaandCent: budget === undefined ? null : centen(budget),
    // A role without a provider is kept, so the schema names the missing provider instead of dropping the role.
    huidigeZorg:
      huidigeAanbieder || huidigeRol
        ? {
            aanbiederId: huidigeAanbieder ?? "",
            hulpverlenerRol: huidigeRol ?? "",
            behouden: formulier.get("huidigeZorg.behouden") === "ja",
          }
        : null,
    urgentie: tekst(formulier, "urgentie"),
    deadline: deadlineUitFormulier(tekst(formulier, "deadline")),
  };
}

/** A datetime-local value is Amsterdam wall-clock time, whatever the server's own zone. */
export function deadlineUitFormulier(waarde: string | undefined): string | undefined {
  if (!waarde) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(waarde);
  // Left as typed: the schema then refuses it with its own message at the field.
  if (!m) return waarde;
  try {
    return amsterdamTijdstip(m[1], Number(m[2]), Number(m[3])).toISOString();
  } catch {
    return waarde;
  }
}

/** The request form's values as typed; results and categories are checkbox groups. */
export const getypteHulpvraagWaarden = (formulier: FormData) =>
  getypteWaarden(formulier, ["resultaten", "productcategorieen"]);

/** Amsterdam wall-clock time as a datetime-local value. */
export function alsDatumTijdLokaal(iso: string): string {
  const moment = new Date(iso);
  return new Date(moment.getTime() + amsterdamOffsetMs(moment)).toISOString().slice(0, 16);
}

/** A stored concept as form values: the reverse of hulpvraagUitFormulier. */
export function waardenVanHulpvraag(h: HulpvraagVoorGemeente): FormulierWaarden {
  const waarden: FormulierWaarden = {
    clientId: h.clientId,
    regio: h.regio,
    leeftijdsklasse: h.leeftijdsklasse,
    huishouden: h.huishouden,
    toelichting: h.toelichting,
    clientTekst: h.clientTekst,
    resultaten: h.resultaten.map((r) => r.code),
    productcategorieen: h.productcategorieen,
    "wensen.taal": h.wensen.taal ?? "",
    "wensen.geslachtHulpverlener": h.wensen.geslachtHulpverlener ?? "",
    "wensen.tijden": h.wensen.tijden ?? "",
    startdatum: h.startdatum,
    duurMaanden: String(h.duurMaanden),
    budgetPerMaand: h.budgetPerMaandCent === null ? "" : euroInvoer(h.budgetPerMaandCent),
    "huidigeZorg.aanbiederId": h.huidigeZorg?.aanbiederId ?? "",
    "huidigeZorg.hulpverlenerRol": h.huidigeZorg?.hulpverlenerRol ?? "",
    "huidigeZorg.behouden": h.huidigeZorg?.behouden ? "ja" : "",
    urgentie: h.urgentie,
    deadline: h.deadlineGekozen ? alsDatumTijdLokaal(h.deadline) : "",
  };
  for (const r of h.resultaten) waarden[`toelichting.${r.code}`] = r.toelichting;
  return waarden;
}
