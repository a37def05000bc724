import { resultaatTekst } from "./catalogus-tekst";
import { foutenVoor } from "./fouten";
import { Keuze, Keuzegroep } from "./keuzes";
import type { Oordeel } from "../schemas/resultaatcheck";

export const OORDEEL_TEKST: Record<Oordeel, string> = {
  bereikt: "bereikt",
  deels: "een beetje bereikt",
  niet: "niet bereikt",
};

type Antwoord = { resultaat: string; oordeel: Oordeel; cijfer: number; toelichting: string | null };

const VRAGEN = {
  client: {
    oordeel: "Is dit gelukt?",
    keuzes: { bereikt: "Ja, dit is gelukt", deels: "Een beetje", niet: "Nee, dit is niet gelukt" },
    cijfer: "Welk cijfer geeft u de hulp hierbij?",
    cijferUitleg: "1 is heel slecht, 10 is heel goed.",
    toelichting: "Wilt u nog iets vertellen? (mag leeg blijven)",
  },
  consulent: {
    oordeel: "Is het resultaat bereikt?",
    keuzes: { bereikt: "Bereikt", deels: "Deels bereikt", niet: "Niet bereikt" },
    cijfer: "Cijfer voor de ondersteuning bij dit resultaat",
    cijferUitleg: "1 tot en met 10, dezelfde schaal als de cliënt.",
    toelichting: "Toelichting (niet verplicht)",
  },
} as const;

/**
 * The three questions per result, as plain form fields (fieldset and legend per result and per
 * choice, labels on everything), so they work with a keyboard and without JavaScript. Field
 * names are the schema's paths, so a refusal lands at its question.
 */
export function ResultaatVragen({
  resultaten,
  uitkomst,
  voor,
  huidig = [],
  idVoorvoegsel = voor,
}: {
  resultaten: string[];
  uitkomst: unknown;
  voor: "client" | "consulent";
  huidig?: Antwoord[];
  /** Unique per form when a page holds several (one per check). */
  idVoorvoegsel?: string;
}) {
  const v = VRAGEN[voor];
  return (
    <>
      {resultaten.map((code, i) => {
        const naam = `antwoorden.${i}`;
        const nu = huidig.find((a) => a.resultaat === code);
        const cijferFout = foutenVoor(uitkomst, `${naam}.cijfer`);
        const id = `${idVoorvoegsel}-${i}`;
        return (
          <fieldset key={code} className="utrecht-form-fieldset zv-resultaatvraag" data-testid={`vraag-${code}`}>
            <legend className="utrecht-form-fieldset__legend utrecht-heading-3">
              {voor === "client" ? `Doel ${i + 1}: ` : ""}
              {resultaatTekst(code)}
            </legend>
            <input type="hidden" name={`${naam}.resultaat`} value={code} />
            <Keuzegroep legend={v.oordeel} fout={foutenVoor(uitkomst, `${naam}.oordeel`)}>
              {(["bereikt", "deels", "niet"] as const).map((o) => (
                <Keuze
                  key={o}
                  type="radio"
                  naam={`${naam}.oordeel`}
                  waarde={o}
                  aan={nu?.oordeel === o}
                  id={`${id}-oordeel-${o}`}
                >
                  {v.keuzes[o]}
                </Keuze>
              ))}
            </Keuzegroep>
            <div
              className={`utrecht-form-field utrecht-form-field--text ${cijferFout ? "utrecht-form-field--invalid" : ""}`}
            >
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor={`${id}-cijfer`}>
                  {v.cijfer}
                </label>
              </div>
              <div className="utrecht-form-field__description" id={`${id}-cijfer-uitleg`}>
                {v.cijferUitleg}
              </div>
              {cijferFout ? (
                <div className="utrecht-form-field__error-message" id={`${id}-cijfer-fout`}>
                  {cijferFout.map((f) => (
                    <p key={f} className="utrecht-paragraph">
                      {f}
                    </p>
                  ))}
                </div>
              ) : null}
              <select
                id={`${id}-cijfer`}
                name={`${naam}.cijfer`}
                defaultValue={nu ? String(nu.cijfer) : ""}
                aria-describedby={`${id}-cijfer-uitleg${cijferFout ? ` ${id}-cijfer-fout` : ""}`}
                aria-invalid={cijferFout ? true : undefined}
                className="utrecht-select utrecht-select--html-select"
              >
                <option value="">Kies een cijfer</option>
                {Array.from({ length: 10 }, (_, n) => (
                  <option key={n} value={n + 1}>
                    {n + 1}
                  </option>
                ))}
              </select>
            </div>
            <div className="utrecht-form-field utrecht-form-field--text">
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor={`${id}-toelichting`}>
                  {v.toelichting}
                </label>
              </div>
              <textarea
                id={`${id}-toelichting`}
                name={`${naam}.toelichting`}
                rows={3}
                maxLength={1000}
                defaultValue={nu?.toelichting ?? ""}
                className="utrecht-textarea utrecht-textarea--html-textarea"
              />
            </div>
          </fieldset>
        );
      })}
    </>
  );
}
