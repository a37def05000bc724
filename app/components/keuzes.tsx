import type { ReactNode } from "react";

/** A group of checkboxes or radio buttons: one legend, its description and its error message. */
export function Keuzegroep({
  legend,
  fout,
  uitleg,
  children,
}: {
  legend: string;
  fout?: string[];
  uitleg?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`utrecht-form-fieldset ${fout ? "utrecht-form-fieldset--invalid" : ""}`}
      aria-invalid={fout ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {uitleg ? <div className="utrecht-form-field__description">{uitleg}</div> : null}
      {fout ? (
        <div className="utrecht-form-field__error-message">
          {fout.map((f) => (
            <p key={f} className="utrecht-paragraph">
              {f}
            </p>
          ))}
        </div>
      ) : null}
      {children}
    </fieldset>
  );
}

export function Keuze({
  type,
  naam,
  waarde,
  aan,
  children,
  id: eigenId,
}: {
  type: "checkbox" | "radio";
  naam: string;
  waarde: string;
  aan?: boolean;
  children: ReactNode;
  /** When one page holds the same field name in several forms. */
  id?: string;
}) {
  const id = eigenId ?? `keuze-${naam}-${waarde}`.replace(/[^a-zA-Z0-9-]/g, "-");
  const soort = type === "radio" ? "radio-button" : "checkbox";
  return (
    <div className={`utrecht-form-field utrecht-form-field--${soort}`}>
      <input
        id={id}
        type={type}
        name={naam}
        value={waarde}
        defaultChecked={aan}
        className={`utrecht-${soort} utrecht-${soort}--html-input`}
      />{" "}
      <label className="utrecht-form-label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}

/** A labelled select for `<Veld>`'s render prop. */
export function Keuzelijst({
  opties,
  leeg,
  defaultValue,
  ...props
}: {
  opties: [string, string][];
  leeg?: string;
  defaultValue?: string;
} & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select {...props} defaultValue={defaultValue} className="utrecht-select utrecht-select--html-select">
      {leeg !== undefined ? <option value="">{leeg}</option> : null}
      {opties.map(([waarde, tekst]) => (
        <option key={waarde} value={waarde}>
          {tekst}
        </option>
      ))}
    </select>
  );
}
