/**
 * `npx tsx tests/bench/profiel.ts .cache/bench-profiel/CPU….cpuprofile [functie]`: the server's
 * busy time by package and by function, within the window in which `functie` (default
 * `controleerAanbieding`, i.e. the offers) was on the stack; idle time left out.
 */
import { readFileSync } from "node:fs";

type Knoop = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const [bestand, merk = "controleerAanbieding"] = process.argv.slice(2);
const p = JSON.parse(readFileSync(bestand, "utf8")) as {
  nodes: Knoop[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};
const knopen = new Map(p.nodes.map((n) => [n.id, n]));
const ouder = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) ouder.set(c, n.id);
const opStapel = (id: number) => {
  for (let x: number | undefined = id; x !== undefined; x = ouder.get(x))
    if (knopen.get(x)!.callFrame.functionName === merk) return true;
  return false;
};

let t = p.startTime;
const tijden = p.timeDeltas.map((d) => (t += d));
const inVenster = p.samples
  .map((s, i) => [s, i] as const)
  .filter(([s]) => opStapel(s))
  .map(([, i]) => tijden[i]);
const van = inVenster.reduce((a, b) => Math.min(a, b), Infinity);
const tot = inVenster.reduce((a, b) => Math.max(a, b), -Infinity);
const perFunctie = new Map<string, number>();
const perPakket = new Map<string, number>();
let bezig = 0;
p.samples.forEach((s, i) => {
  if (tijden[i] < van || tijden[i] > tot) return;
  const { functionName, url, lineNumber } = knopen.get(s)!.callFrame;
  if (functionName === "(idle)") return;
  const dt = p.timeDeltas[i];
  bezig += dt;
  const pad = url.replace(/.*node_modules\//, "nm:").replace(/^.*?\/(build|app|db|realtime)\//, "$1/");
  const sleutel = `${functionName || "(anoniem)"} ${pad.split("/").slice(-2).join("/")}:${lineNumber}`;
  perFunctie.set(sleutel, (perFunctie.get(sleutel) ?? 0) + dt);
  const pakket = pad.startsWith("nm:")
    ? pad
        .split("/")
        .slice(0, pad.startsWith("nm:@") ? 2 : 1)
        .join("/")
    : pad.split("/")[0] || functionName;
  perPakket.set(pakket, (perPakket.get(pakket) ?? 0) + dt);
});
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / bezig).toFixed(1).padStart(5)} %  ${k}`)
    .join("\n");
console.log(
  `venster ${((tot - van) / 1e6).toFixed(1)} s, bezig ${(bezig / 1e6).toFixed(2)} s\n\n${top(perPakket, 20)}\n\n${top(perFunctie, 30)}`,
);
