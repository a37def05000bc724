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
      "De gemeente stelt per productcode een reëel tarief per eenheid vast: per uur, per dagdeel, per stuk of per maand, zoals de code zegt. Een onderdeel kiest een productcode en geeft de omvang in die eenheid; de prijs per eenheid mag niet lager zijn dan het tarief: zo krijgen medewerkers een eerlijk loon. De prijs per maand van een onderdeel is omvang × prijs per eenheid (per week × 52 ÷ 12, per dag × 365 ÷ 12); de prijs over de hele periode is de maandprijs keer het aantal maanden.",
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
