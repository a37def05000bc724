/**
 * A horizontal bar chart rendered on the server as SVG: readable without JavaScript and printable.
 * It is a picture of the table beside it (which screen readers use), so it carries one accessible name.
 */
const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

export function Staafdiagram({
  id,
  titel,
  staven,
}: {
  id: string;
  titel: string;
  staven: { label: string; waarde: number }[];
}) {
  if (staven.length === 0) return null;
  const max = Math.max(...staven.map((s) => s.waarde), 1);
  const rij = 28;
  const labelBreedte = 190;
  const balkBreedte = 260;
  const hoogte = staven.length * rij + 8;
  return (
    <svg
      className="zv-grafiek"
      role="img"
      aria-labelledby={`${id}-grafiek`}
      viewBox={`0 0 ${labelBreedte + balkBreedte + 60} ${hoogte}`}
      width="100%"
      data-testid={`grafiek-${id}`}
    >
      <title id={`${id}-grafiek`}>{`Staafdiagram: ${titel}`}</title>
      {staven.map((s, i) => {
        const y = i * rij + 4;
        const breedte = Math.max(2, (s.waarde / max) * balkBreedte);
        const label = s.label.length > 28 ? `${s.label.slice(0, 27)}…` : s.label;
        return (
          <g key={s.label} data-staaf={`${s.label}: ${s.waarde}`}>
            <text x={labelBreedte - 8} y={y + 17} textAnchor="end" fontSize="13" fill="#1a1a1a">
              {label}
            </text>
            <rect x={labelBreedte} y={y + 3} width={breedte} height={rij - 8} fill="#15396b" />
            <text x={labelBreedte + breedte + 6} y={y + 17} fontSize="13" fill="#1a1a1a">
              {getal.format(s.waarde)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
