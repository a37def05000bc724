import { Form } from "@remix-run/react";
import type { FoutDetail } from "../domain/errors";
import { REDENEN_BEEINDIGING } from "../domain/iwmo/codes";
import { datum } from "../format/nl";
import { foutenVoor } from "./fouten";
import { Knop, Melding, Veld } from "./ui";

/** The toewijzing's place in the iWmo chain, as app/domain/iwmo/keten.server.ts `ketenStand` gives it. */
export type Keten = {
  toewijzingId: string;
  hulpvraagId: string;
  iwmoStatus: "nieuw" | "verzonden" | "ontvangen" | "afgekeurd";
  ingangsdatum: string;
  einddatum: string;
  zorgGestartOp: string | null;
  zorgGestoptOp: string | null;
  stopReden: string | null;
  beschikking: { nummer: string | null; datum: string | null };
  /** Gemeente staff only: the toewijzing at the provider the client leaves (OP258). */
  vorigeAanbieder?: { naam: string; stand: "verstuurd" | "bij_verzenden" | "backoffice"; melding: string } | null;
  berichten: {
    id: string;
    soort: string;
    richting: "uit" | "in";
    berichtIdentificatie: string;
    dagtekening: string;
    /** A closing 301 that ends this toewijzing because the client moved to another provider. */
    afsluitend?: boolean;
    retourmeldingen: { code: string; tekst: string }[];
  }[];
};

export type KetenUitkomst = { waarden?: Record<string, unknown>; melding?: string; fouten?: FoutDetail[] };

const STATUS: Record<Keten["iwmoStatus"], string> = {
  nieuw: "Nog niet verzonden naar de aanbieder.",
  verzonden: "Verzonden; wacht op het retourbericht (WMO302) van de aanbieder.",
  ontvangen: "De aanbieder heeft de toewijzing zonder fouten ontvangen.",
  afgekeurd: "De aanbieder heeft de toewijzing afgekeurd. Verbeter wat hieronder staat en verstuur opnieuw.",
};

const SOORT: Record<string, string> = {
  wmo301: "WMO301 toewijzing",
  wmo302: "WMO302 retour",
  wmo305: "WMO305 start zorg",
  wmo307: "WMO307 stop zorg",
};

function Berichten({ keten }: { keten: Keten }) {
  if (keten.berichten.length === 0) return null;
  return (
    <table className="utrecht-table" data-testid="iwmo-berichten">
      <caption className="utrecht-table__caption">iWmo-berichten van deze toewijzing</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th className="utrecht-table__header-cell">Bericht</th>
          <th className="utrecht-table__header-cell">Identificatie</th>
          <th className="utrecht-table__header-cell">Dagtekening</th>
          <th className="utrecht-table__header-cell">Retourcodes</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {keten.berichten.map((b) => (
          <tr key={b.id} className="utrecht-table__row">
            <td className="utrecht-table__cell">
              {SOORT[b.soort] ?? b.soort}
              {b.afsluitend ? " (afsluitend: overstap naar andere aanbieder, reden 09)" : ""}
            </td>
            <td className="utrecht-table__cell">{b.berichtIdentificatie}</td>
            <td className="utrecht-table__cell">{datum(b.dagtekening)}</td>
            <td className="utrecht-table__cell">
              {b.retourmeldingen.length
                ? b.retourmeldingen.map((r) => (
                    <span key={r.code} className="zv-retourcode">
                      {r.code}: {r.tekst}{" "}
                    </span>
                  ))
                : b.soort === "wmo302"
                  ? "Geen fouten"
                  : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Zorg({ keten }: { keten: Keten }) {
  return (
    <dl className="zv-kenmerken">
      <dt>Status in de iWmo-keten</dt>
      <dd data-testid="iwmo-status">{STATUS[keten.iwmoStatus]}</dd>
      <dt>Start van de zorg</dt>
      <dd data-testid="zorg-start">{keten.zorgGestartOp ? datum(keten.zorgGestartOp) : "Nog niet gemeld"}</dd>
      <dt>Einde van de zorg</dt>
      <dd data-testid="zorg-stop">
        {keten.zorgGestoptOp
          ? `${datum(keten.zorgGestoptOp)} (${REDENEN_BEEINDIGING[keten.stopReden ?? ""] ?? keten.stopReden})`
          : "Nog niet gemeld"}
      </dd>
    </dl>
  );
}

function Upload({
  intent,
  label,
  uitkomst,
  bezig,
}: {
  intent: string;
  label: string;
  uitkomst?: KetenUitkomst;
  bezig: boolean;
}) {
  return (
    <Form method="post" encType="multipart/form-data">
      <Veld
        naam={`${intent}-bestand`}
        label={label}
        type="file"
        accept=".xml,application/xml,text/xml"
        fout={uitkomst?.fouten?.map((f) => `${f.field}: ${f.message}`)}
        uitleg="Het XML-bestand zoals uw systeem het maakte. Zorgveiling toetst het aan de iWmo 3.2-XSD."
      />
      <Knop name="intent" value={intent} variant="secondary" disabled={bezig}>
        {bezig ? "Bezig met inlezen…" : "Bestand inlezen"}
      </Knop>
    </Form>
  );
}

const voor = (u: KetenUitkomst | undefined, intent: string) => (u?.waarden?.intent === intent ? u : undefined);

function Fout({ uitkomst }: { uitkomst?: KetenUitkomst }) {
  if (!uitkomst?.melding) return null;
  return (
    <Melding soort="error">
      <p className="utrecht-paragraph">{uitkomst.melding}</p>
    </Melding>
  );
}

/** The gemeente's side: send the WMO301 (after a confirmation) and read in the provider's WMO302. */
export function KetenGemeente({
  keten,
  uitkomst,
  bezig,
}: {
  keten: Keten;
  uitkomst?: KetenUitkomst;
  bezig: string | null;
}) {
  const magVersturen = keten.iwmoStatus === "nieuw" || keten.iwmoStatus === "afgekeurd";
  return (
    <section aria-labelledby="iwmo-keten" data-testid="iwmo-keten">
      <h3 id="iwmo-keten" className="utrecht-heading-3">
        iWmo-keten
      </h3>
      <Zorg keten={keten} />
      {keten.vorigeAanbieder ? (
        <Melding soort={keten.vorigeAanbieder.stand === "backoffice" ? "warning" : "info"}>
          <p className="utrecht-paragraph" data-testid="vorige-aanbieder">
            {keten.vorigeAanbieder.melding}
          </p>
        </Melding>
      ) : null}
      <Berichten keten={keten} />
      <Fout uitkomst={voor(uitkomst, "wmo301-versturen") ?? voor(uitkomst, "wmo302-inlezen")} />
      {magVersturen ? (
        <details className="zv-bevestig">
          <summary className="utrecht-link">
            {keten.iwmoStatus === "afgekeurd" ? "Opnieuw versturen (WMO301)…" : "Versturen naar de aanbieder (WMO301)…"}
          </summary>
          <Form method="post">
            <p className="utrecht-paragraph">
              Zorgveiling maakt het WMO301-bericht met een nieuwe berichtidentificatie en de dagtekening van vandaag. De
              aanbieder kan het daarna downloaden en stuurt binnen 3 werkdagen een retourbericht (WMO302).
            </p>
            <Knop name="intent" value="wmo301-versturen" disabled={bezig === "wmo301-versturen"}>
              {bezig === "wmo301-versturen" ? "Bezig met versturen…" : "Ja, verstuur de toewijzing"}
            </Knop>
          </Form>
        </details>
      ) : null}
      {keten.iwmoStatus === "verzonden" ? (
        <Upload
          intent="wmo302-inlezen"
          label="Retourbericht van de aanbieder (WMO302)"
          uitkomst={voor(uitkomst, "wmo302-inlezen")}
          bezig={bezig === "wmo302-inlezen"}
        />
      ) : null}
    </section>
  );
}

/** The provider's side: download the WMO301, report the start and the end of care (form or WMO305/307 file). */
export function KetenAanbieder({
  keten,
  downloadPad,
  uitkomst,
  bezig,
}: {
  keten: Keten;
  downloadPad: string;
  uitkomst?: KetenUitkomst;
  bezig: string | null;
}) {
  const verzonden = keten.iwmoStatus === "verzonden" || keten.iwmoStatus === "ontvangen";
  const start = voor(uitkomst, "zorg-start");
  const stop = voor(uitkomst, "zorg-stop");
  return (
    <section aria-labelledby="iwmo-keten" data-testid="iwmo-keten">
      <h2 id="iwmo-keten" className="utrecht-heading-2">
        Toewijzing en zorg
      </h2>
      <Zorg keten={keten} />
      {keten.berichten.some((b) => b.soort === "wmo301") ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={downloadPad} download>
            {keten.berichten.filter((b) => b.soort === "wmo301").at(-1)?.afsluitend
              ? "Download de afsluitende toewijzing (WMO301, XML): de cliënt stapt over naar een andere aanbieder"
              : "Download de toewijzing (WMO301, XML)"}
          </a>
        </p>
      ) : (
        <p className="utrecht-paragraph">De gemeente heeft de toewijzing nog niet verzonden.</p>
      )}
      <Berichten keten={keten} />
      <Fout uitkomst={start ?? stop ?? voor(uitkomst, "wmo305-inlezen") ?? voor(uitkomst, "wmo307-inlezen")} />
      {verzonden && !keten.zorgGestartOp ? (
        <>
          <Form method="post" noValidate>
            <h3 className="utrecht-heading-3">Start van de zorg melden</h3>
            <p className="utrecht-paragraph">
              Binnen 5 werkdagen na de start (iWmo WMO305). De toewijzing gaat in op {datum(keten.ingangsdatum)}.
            </p>
            <Veld
              naam="startdatum"
              label="Datum waarop de zorg begon"
              type="date"
              fout={foutenVoor(start, "startdatum")}
              defaultValue={String(start?.waarden?.startdatum ?? "")}
            />
            <Knop name="intent" value="zorg-start" disabled={bezig === "zorg-start"}>
              {bezig === "zorg-start" ? "Bezig…" : "Start melden"}
            </Knop>
          </Form>
          <Upload
            intent="wmo305-inlezen"
            label="Of lever het startbericht aan (WMO305)"
            uitkomst={voor(uitkomst, "wmo305-inlezen")}
            bezig={bezig === "wmo305-inlezen"}
          />
        </>
      ) : null}
      {keten.zorgGestartOp && !keten.zorgGestoptOp ? (
        <>
          <Form method="post" noValidate>
            <h3 className="utrecht-heading-3">Einde van de zorg melden</h3>
            <p className="utrecht-paragraph">Binnen 5 werkdagen na het einde (iWmo WMO307).</p>
            <Veld
              naam="einddatum"
              label="Laatste dag van de zorg"
              type="date"
              fout={foutenVoor(stop, "einddatum")}
              defaultValue={String(stop?.waarden?.einddatum ?? "")}
            />
            <Veld naam="reden" label="Reden van het stoppen" fout={foutenVoor(stop, "reden")}>
              {(props) => (
                <select className="utrecht-select utrecht-select--html-select" {...props} defaultValue="19">
                  {Object.entries(REDENEN_BEEINDIGING).map(([code, tekst]) => (
                    <option key={code} value={code}>
                      {code} {tekst}
                    </option>
                  ))}
                </select>
              )}
            </Veld>
            <Knop name="intent" value="zorg-stop" disabled={bezig === "zorg-stop"}>
              {bezig === "zorg-stop" ? "Bezig…" : "Einde melden"}
            </Knop>
          </Form>
          <Upload
            intent="wmo307-inlezen"
            label="Of lever het stopbericht aan (WMO307)"
            uitkomst={voor(uitkomst, "wmo307-inlezen")}
            bezig={bezig === "wmo307-inlezen"}
          />
        </>
      ) : null}
    </section>
  );
}

/** The beschikking in the toewijzing's summary. */
export function BeschikkingRegels({ beschikking }: { beschikking: Keten["beschikking"] }) {
  if (!beschikking.nummer) return null;
  return (
    <>
      <dt>Beschikking</dt>
      <dd data-testid="beschikking">
        {beschikking.nummer}
        {beschikking.datum ? `, ${datum(beschikking.datum)}` : ""}
      </dd>
    </>
  );
}
