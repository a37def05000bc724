import type { ReactNode } from "react";

/** Thin wrappers over the NL Design System (Utrecht) CSS classes, so pages stay readable. */

export function Knop({
  variant = "primary",
  children,
  ...rest
}: { variant?: "primary" | "secondary" | "subtle" | "danger" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  // Utrecht styles "danger" only together with a button kind; alone it looked disabled.
  const klasse = {
    primary: "primary-action",
    secondary: "secondary-action",
    subtle: "subtle",
    danger: "primary-action utrecht-button--danger",
  }[variant];
  return (
    <button type="submit" {...rest} className={`utrecht-button utrecht-button--${klasse} ${rest.className ?? ""}`}>
      {children}
    </button>
  );
}

export function Melding({
  soort = "info",
  titel,
  children,
  rol,
}: {
  soort?: "info" | "ok" | "warning" | "error";
  titel?: string;
  children?: ReactNode;
  rol?: "alert" | "status";
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${soort}`} role={rol ?? (soort === "error" ? "alert" : "status")}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {titel ? (
            <p className="utrecht-paragraph">
              <strong>{titel}</strong>
            </p>
          ) : null}
          {children}
        </div>
      </div>
    </div>
  );
}

type VeldProps = {
  naam: string;
  label: string;
  fout?: string | string[];
  uitleg?: ReactNode;
  children?: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean; name: string }) => ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "children">;

/**
 * Native date fields keep the browser's calendar, but Chromium writes them in its own UI language
 * (mm/dd/jjjj in an English browser). Every date field therefore says in Dutch what it expects,
 * with a date written out, never an ISO date (docs/besluiten.md, decision 14).
 */
const DATUMHINT: Partial<Record<string, string>> = {
  date: "Dag, maand en jaar, bijvoorbeeld 1 januari 2027. Staat er mm/dd/jjjj in het veld, dan komt de maand eerst.",
  "datetime-local":
    "Datum en tijd, bijvoorbeeld 1 januari 2027 om 17:00. Staat er mm/dd/jjjj in het veld, dan komt de maand eerst.",
};

/** A labelled field with its description and error message tied to it for screen readers. */
export function Veld({ naam, label, fout, uitleg: eigenUitleg, children, ...input }: VeldProps) {
  const hint = input.type ? DATUMHINT[input.type] : undefined;
  const uitleg = hint ? (
    <>
      {eigenUitleg ? <>{eigenUitleg} </> : null}
      {hint}
    </>
  ) : (
    eigenUitleg
  );
  const id = `veld-${naam.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const fouten = Array.isArray(fout) ? fout : fout ? [fout] : [];
  const beschrijving =
    [uitleg ? `${id}-uitleg` : null, fouten.length ? `${id}-fout` : null].filter(Boolean).join(" ") || undefined;
  const props = { id, name: naam, "aria-describedby": beschrijving, "aria-invalid": fouten.length ? true : undefined };
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text ${fouten.length ? "utrecht-form-field--invalid" : ""}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {uitleg ? (
        <div className="utrecht-form-field__description" id={`${id}-uitleg`}>
          {uitleg}
        </div>
      ) : null}
      {fouten.length ? (
        <div className="utrecht-form-field__error-message" id={`${id}-fout`}>
          {fouten.map((f) => (
            <p key={f} className="utrecht-paragraph">
              {f}
            </p>
          ))}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        {children ? (
          children(props)
        ) : (
          <input
            className={`utrecht-textbox utrecht-textbox--html-input ${fouten.length ? "utrecht-textbox--invalid" : ""}`}
            {...props}
            {...input}
          />
        )}
      </div>
    </div>
  );
}

const STATUS_TEKST: Record<string, { tekst: string; soort: string }> = {
  concept: { tekst: "Concept", soort: "neutral" },
  open: { tekst: "Open voor aanbiedingen", soort: "active" },
  beoordeling: { tekst: "In beoordeling", soort: "warning" },
  gekozen: { tekst: "Keuze gemaakt", soort: "warning" },
  gegund: { tekst: "Gegund", soort: "success" },
  ingetrokken: { tekst: "Ingetrokken", soort: "inactive" },
  geen_passend_aanbod: { tekst: "Geen passend aanbod", soort: "inactive" },
  ingediend: { tekst: "Ingediend", soort: "active" },
  afgewezen: { tekst: "Niet gekozen", soort: "inactive" },
};

export function StatusLabel({ status }: { status: string }) {
  const s = STATUS_TEKST[status] ?? { tekst: status, soort: "neutral" };
  return (
    <span className={`utrecht-badge-status utrecht-status-badge utrecht-status-badge--${s.soort}`}>{s.tekst}</span>
  );
}

export const statusTekst = (status: string) => STATUS_TEKST[status]?.tekst ?? status;
