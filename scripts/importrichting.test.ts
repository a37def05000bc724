/**
 * The import-direction check must fail when an import goes against the grain, not only pass on
 * this project: a small project laid out like ours, with one violation of each kind.
 */
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { controleer } from "./importrichting";

let map: string;

async function bestand(rel: string, inhoud: string) {
  await mkdir(path.dirname(path.join(map, rel)), { recursive: true });
  await writeFile(path.join(map, rel), inhoud);
}

describe("importrichting", () => {
  before(async () => {
    map = await mkdtemp(path.join(os.tmpdir(), "zv-importrichting-"));
  });
  after(async () => {
    await rm(map, { recursive: true, force: true });
  });

  it("keurt een project goed waarvan de imports één kant op gaan", async () => {
    await bestand("db/schema/markt.ts", `export const tabel = 1;\n`);
    await bestand("app/format/nl.ts", `export const euro = (c: number) => String(c);\n`);
    await bestand(
      "app/domain/regels.server.ts",
      `import { tabel } from "../../db/schema/markt";\nimport { euro } from "../format/nl";\nexport const r = euro(tabel);\n`,
    );
    await bestand(
      "app/routes/pagina.tsx",
      `import { useState } from "react";\nimport { r } from "~/domain/regels.server";\nexport default () => r;\n`,
    );
    assert.deepEqual(controleer(map).overtredingen, []);
  });

  it("noemt elke import tegen de richting in, en elke cirkel", async () => {
    await bestand("app/components/Knop.tsx", `export const Knop = 1;\n`);
    await bestand(
      "app/domain/fout.server.ts",
      [
        `import { Knop } from "../components/Knop";`,
        `import type { ReactNode } from "react";`,
        `export const x = Knop;`,
      ].join("\n"),
    );
    await bestand(
      "app/schemas/formulier.ts",
      `import {\n  Knop,\n} from "~/components/Knop";\nexport const y = Knop;\n`,
    );
    await bestand(
      "db/schema/extra.ts",
      `import type { x } from "../../app/domain/fout.server";\nexport type Z = typeof x;\n`,
    );
    await bestand("db/tool.ts", `const m = await import("../app/domain/regels.server");\n`);
    await bestand("db/client.server.ts", `export const db = () => 1;\n`);
    await bestand("app/api/snel.server.ts", `import { db } from "../../db/client.server";\nexport const q = db;\n`);
    await bestand("app/domain/a.ts", `import { b } from "./b";\nexport const a = () => b;\n`);
    await bestand("app/domain/b.ts", `export { a as b } from "./a";\n`);

    const { overtredingen } = controleer(map);
    const bevat = (tekst: string) =>
      assert.ok(
        overtredingen.some((o) => o.includes(tekst)),
        `verwacht: ${tekst}\nkreeg:\n${overtredingen.join("\n")}`,
      );
    bevat("app/domain/fout.server.ts → app/components/Knop.tsx");
    bevat("app/domain/fout.server.ts → react");
    bevat("app/schemas/formulier.ts → app/components/Knop.tsx");
    bevat("db/schema/extra.ts → app/domain/fout.server.ts");
    bevat("db/tool.ts → app/domain/regels.server.ts");
    bevat("app/api/snel.server.ts → db/client.server.ts");
    bevat("importcirkel: app/domain/a.ts ↔ app/domain/b.ts");
    assert.equal(overtredingen.length, 7);
  });
});
