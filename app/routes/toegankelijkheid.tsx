import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheid — Zorgveiling" }];

export default function Toegankelijkheid() {
  return (
    <article>
      <h1 className="utrecht-heading-1">Toegankelijkheid</h1>
      <p className="utrecht-paragraph">
        Zorgveiling wil voor iedereen bruikbaar zijn, ook met een schermlezer, alleen een toetsenbord of een telefoon.
        We toetsen aan WCAG 2.2 niveau AA: elke pagina wordt bij elke wijziging automatisch gecontroleerd.
      </p>
      <p className="utrecht-paragraph">
        Loopt u ergens tegenaan? Meld het bij de Wmo-consulent of de functioneel beheerder van uw gemeente.
      </p>
    </article>
  );
}
