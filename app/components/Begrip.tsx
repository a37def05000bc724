/** Short help for the domain words people stumble over, opened on demand (works without JavaScript). */
const BEGRIPPEN = {
  setje: {
    vraag: "Wat is een setje?",
    uitleg:
      "Een setje is een cliënt en een vaste hulpverlener die al samen werken. Wil de cliënt die hulpverlener houden, dan kan een nieuwe aanbieder de hulpverlener overnemen. Zo blijft de zorg dezelfde persoon.",
  },
  continuiteit: {
    vraag: "Wat betekent continuïteit?",
    uitleg:
      "Continuïteit: de cliënt houdt de hulpverlener die hij of zij al heeft. Dat kan als het aanbod van de huidige aanbieder komt, of als de nieuwe aanbieder de hulpverlener overneemt.",
  },
  tarief: {
    vraag: "Hoe wordt het tarief berekend?",
    uitleg:
      "De gemeente stelt per productcategorie een reëel tarief per maand vast (soms ook per uur). Een aanbod mag per onderdeel niet lager zijn: zo krijgen medewerkers een eerlijk loon. De prijs van een aanbod is de som van de onderdelen per maand; de prijs over de hele periode is die maandprijs keer het aantal maanden.",
  },
} as const;

export function Begrip({ woord }: { woord: keyof typeof BEGRIPPEN }) {
  const b = BEGRIPPEN[woord];
  return (
    <details className="zv-begrip">
      <summary className="utrecht-link">{b.vraag}</summary>
      <p className="utrecht-paragraph">{b.uitleg}</p>
    </details>
  );
}
