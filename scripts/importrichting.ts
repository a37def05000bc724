/**
 * `npm test` runs this first: imports go one way, so the layers stay layers.
 *
 *   app/routes, app/api → app/domain → db
 *
 * - routes, API, the HTTP layer, components and schemas never reach the database themselves
 *   (db/client.server); the table descriptions in db/schema may be read for their types;
 * - app/domain never imports app/routes, app/api, app/components, app/http, app/auth or React;
 * - app/schemas never imports app/components (formatting helpers live in app/format);
 * - db never imports app (db/schema least of all: a table describes itself); the command-line
 *   tools that need the domain live in scripts/;
 * - app, db and realtime never import tests or scripts;
 * - no import cycles among our own files (type-only imports count: a circle of types is
 *   still a circle to someone reading the code).
 *
 * A plain reading of the import lines (static, dynamic and re-exports) is enough here: the
 * project has one alias (`~/` for app/) and no barrel magic. Prints each violation and exits
 * 1 when there is one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectmap = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAPPEN = ["app", "db", "realtime", "scripts", "tests"];
const LOS = ["server.ts"];
const EXTENSIES = [".ts", ".tsx", ".js", ".jsx"];

function bestanden(root: string, map: string): string[] {
  const uit: string[] = [];
  const volledig = path.join(root, map);
  if (!existsSync(volledig)) return uit;
  for (const naam of readdirSync(volledig)) {
    const rel = path.join(map, naam);
    if (statSync(path.join(root, rel)).isDirectory()) {
      if (naam !== "node_modules" && naam !== "migrations" && naam !== "build") uit.push(...bestanden(root, rel));
    } else if (/\.(tsx?|jsx?)$/.test(naam) && !naam.endsWith(".d.ts")) uit.push(rel.split(path.sep).join("/"));
  }
  return uit;
}

/** The specifiers a file imports: `import … from`, `export … from`, `import "x"` and `import("x")`. */
function specifiers(bron: string): string[] {
  // Comments that start a line only: "text/*" in a string must not hide the rest of the file.
  const zonderCommentaar = bron.replace(/^\s*\/\*[\s\S]*?\*\//gm, "").replace(/^\s*\/\/.*$/gm, "");
  const uit: string[] = [];
  const patronen = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const p of patronen) for (const m of zonderCommentaar.matchAll(p)) uit.push(m[1]);
  return uit;
}

/** Our own file a specifier points at, or null for a package. */
function los(root: string, van: string, spec: string): string | null {
  let basis: string;
  if (spec.startsWith("~/")) basis = path.join("app", spec.slice(2));
  else if (spec.startsWith(".")) basis = path.join(path.dirname(van), spec);
  else return null;
  basis = basis.split(path.sep).join("/");
  const kandidaten = [basis, ...EXTENSIES.map((e) => basis + e), ...EXTENSIES.map((e) => `${basis}/index${e}`)];
  // "./x.js" written for "./x.ts" (ESM style)
  if (/\.jsx?$/.test(basis)) kandidaten.push(basis.replace(/\.jsx?$/, ".ts"), basis.replace(/\.jsx?$/, ".tsx"));
  for (const k of kandidaten) if (existsSync(path.join(root, k)) && statSync(path.join(root, k)).isFile()) return k;
  return basis; // unresolved (e.g. a JSON file or a build artefact): still judged by its folder
}

const onder = (bestand: string, map: string) => bestand === map || bestand.startsWith(`${map}/`);

type Regel = {
  naam: string;
  geldt: (van: string) => boolean;
  verboden: (naar: string | null, spec: string) => boolean;
};

const REGELS: Regel[] = [
  {
    naam: "app/domain importeert geen routes, API, HTTP-laag, componenten of React",
    geldt: (van) => onder(van, "app/domain"),
    verboden: (naar, spec) =>
      (naar !== null &&
        ["app/routes", "app/api", "app/components", "app/http", "app/root.tsx", "app/entry.server.tsx"].some((m) =>
          onder(naar, m),
        )) ||
      /^(react|react-dom|@remix-run\/react)(\/|$)/.test(spec),
  },
  {
    naam: "routes, API, HTTP-laag, componenten en schema's bereiken de database alleen via app/domain",
    geldt: (van) =>
      ["app/routes", "app/api", "app/http", "app/components", "app/schemas", "app/root.tsx"].some((m) => onder(van, m)),
    verboden: (naar) => naar !== null && onder(naar, "db") && !onder(naar, "db/schema"),
  },
  {
    naam: "app/schemas importeert geen componenten, routes of API",
    geldt: (van) => onder(van, "app/schemas"),
    verboden: (naar) => naar !== null && ["app/components", "app/routes", "app/api"].some((m) => onder(naar, m)),
  },
  {
    naam: "db importeert app niet (opdrachtregeltools horen in scripts/)",
    geldt: (van) => onder(van, "db") && !onder(van, "db/schema"),
    verboden: (naar) => naar !== null && onder(naar, "app"),
  },
  {
    naam: "db/schema importeert niets uit app: een tabel beschrijft zichzelf",
    geldt: (van) => onder(van, "db/schema"),
    verboden: (naar) => naar !== null && onder(naar, "app"),
  },
  {
    naam: "app/domain importeert app/auth niet: de sessielaag roept het domein aan, niet andersom",
    geldt: (van) => onder(van, "app/domain"),
    verboden: (naar) => naar !== null && onder(naar, "app/auth"),
  },
  {
    naam: "app importeert geen tests of scripts (behalve de eigen *.test.ts)",
    geldt: (van) => (onder(van, "app") || onder(van, "db") || onder(van, "realtime")) && !/\.test\.tsx?$/.test(van),
    verboden: (naar) => naar !== null && (onder(naar, "tests") || onder(naar, "scripts")),
  },
];

/**
 * Single imports known to go against the grain and left on purpose, each with the reason.
 * Written as "from → to", exactly as a violation prints it. Keep this list empty when you can.
 */
const TOEGESTANE_RANDEN = new Set<string>([]);

/**
 * Circles known and left on purpose, each with the reason. Keep this list empty when you can.
 * Written as the files of the circle in sorted order, joined with " ↔ ".
 */
const TOEGESTANE_CIRKELS = new Set<string>([]);

/** Checks the project (or, for the checker's own test, another folder laid out the same way). */
export function controleer(root = projectmap): { overtredingen: string[]; bestanden: number } {
  const alle = [...MAPPEN.flatMap((m) => bestanden(root, m)), ...LOS.filter((b) => existsSync(path.join(root, b)))];
  const graaf = new Map<string, Set<string>>();
  const overtredingen: string[] = [];
  for (const van of alle) {
    const randen = new Set<string>();
    for (const spec of specifiers(readFileSync(path.join(root, van), "utf8"))) {
      const naar = los(root, van, spec);
      const rand = `${van} → ${naar ?? spec}`;
      for (const r of REGELS)
        if (r.geldt(van) && r.verboden(naar, spec) && !TOEGESTANE_RANDEN.has(rand))
          overtredingen.push(`${rand}: ${r.naam}`);
      if (naar) randen.add(naar);
    }
    graaf.set(van, randen);
  }

  // Strongly connected components (Tarjan): every component of more than one file is a circle.
  let index = 0;
  const idx = new Map<string, number>();
  const laag = new Map<string, number>();
  const stapel: string[] = [];
  const opStapel = new Set<string>();
  const cirkels: string[][] = [];
  const bezoek = (v: string) => {
    idx.set(v, index);
    laag.set(v, index++);
    stapel.push(v);
    opStapel.add(v);
    for (const w of graaf.get(v) ?? []) {
      if (!graaf.has(w)) continue;
      if (!idx.has(w)) {
        bezoek(w);
        laag.set(v, Math.min(laag.get(v)!, laag.get(w)!));
      } else if (opStapel.has(w)) laag.set(v, Math.min(laag.get(v)!, idx.get(w)!));
    }
    if (laag.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stapel.pop()!;
        opStapel.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || graaf.get(v)?.has(v)) cirkels.push(comp.sort());
    }
  };
  for (const v of graaf.keys()) if (!idx.has(v)) bezoek(v);
  for (const c of cirkels) {
    const sleutel = c.join(" ↔ ");
    if (!TOEGESTANE_CIRKELS.has(sleutel)) overtredingen.push(`importcirkel: ${sleutel}`);
  }
  return { overtredingen, bestanden: alle.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { overtredingen, bestanden: aantal } = controleer();
  if (overtredingen.length) {
    console.log(`✖ importrichting: ${overtredingen.length} overtreding(en) in ${aantal} bestanden`);
    for (const o of overtredingen) console.log(`  ${o}`);
    process.exit(1);
  }
  console.log(`✔ importrichting: ${aantal} bestanden, alle imports in de goede richting, geen cirkels`);
}
