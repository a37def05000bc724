import { Form } from "@remix-run/react";
import { Knop, Melding } from "./ui";

/** Make or renew the secret calendar address; it is shown once, right after it is made. */
export function AgendaAdres({ url, uitleg }: { url?: string; uitleg: string }) {
  return (
    <section aria-labelledby="agenda-titel">
      <h2 id="agenda-titel" className="utrecht-heading-2">
        Agenda
      </h2>
      <p className="utrecht-paragraph">
        {uitleg} Voeg het adres toe aan uw agenda (Outlook, Google of Apple) als agenda via internet.
      </p>
      <div aria-live="polite">
        {url ? (
          <Melding soort="ok" titel="Uw agenda-adres">
            <p className="utrecht-paragraph">
              Kopieer dit adres nu; u ziet het hierna niet meer terug. Wie het adres heeft, kan de agenda lezen.
            </p>
            <p className="utrecht-paragraph zv-code-klein" data-testid="agenda-url">
              {url}
            </p>
          </Melding>
        ) : null}
      </div>
      <Form method="post">
        <p className="utrecht-paragraph">Een nieuw adres maken zet het oude meteen uit.</p>
        <Knop name="intent" value="agenda" variant="secondary">
          Agenda-adres maken
        </Knop>
      </Form>
    </section>
  );
}
