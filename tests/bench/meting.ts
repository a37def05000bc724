/** Latency samples in milliseconds, summarised the way the README reports them. */
export function percentielen(waarden: number[]) {
  const s = [...waarden].sort((a, b) => a - b);
  const p = (q: number) =>
    s.length ? round(s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)]) : Number.NaN;
  return { p50: p(50), p95: p(95), p99: p(99), n: s.length };
}

export const round = (x: number) => Math.round(x * 10) / 10;

export function tabel(rijen: [string, string | number, string?][]) {
  const breedte = Math.max(...rijen.map((r) => r[0].length));
  return rijen
    .map(
      ([naam, waarde, doel]) =>
        `  ${naam.padEnd(breedte)}  ${String(waarde).padStart(12)}${doel ? `   doel: ${doel}` : ""}`,
    )
    .join("\n");
}

/** Runs `taken` with at most `parallel` at a time, `perSeconde` started per second when given. */
export async function draaiTaken<T>(
  taken: (() => Promise<T>)[],
  opts: { parallel: number; perSeconde?: number },
): Promise<T[]> {
  const uit: T[] = new Array(taken.length);
  let volgende = 0;
  const begin = performance.now();
  async function werker() {
    while (volgende < taken.length) {
      const i = volgende++;
      if (opts.perSeconde) {
        const wacht = begin + (i * 1000) / opts.perSeconde - performance.now();
        if (wacht > 0) await new Promise((r) => setTimeout(r, wacht));
      }
      uit[i] = await taken[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.parallel, taken.length) }, werker));
  return uit;
}
