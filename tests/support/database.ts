import assert from "node:assert/strict";
import postgres from "postgres";
import { randomBytes } from "node:crypto";

/** The test PostgreSQL server (embedded, started by tests/run.ts) and its migrated template database. */
export function adminUrl(): string {
  const url = process.env.ZV_TEST_ADMIN_URL;
  if (!url) throw new Error("ZV_TEST_ADMIN_URL ontbreekt: start de tests met `npm test`.");
  return url;
}

export const TEMPLATE = "zv_template";

export function urlVoor(database: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fresh, migrated, empty database of its own for one test file or one server. */
export async function nieuweDatabase(): Promise<string> {
  const naam = `zv_${randomBytes(5).toString("hex")}`;
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${naam} template ${TEMPLATE}`);
  } finally {
    await sql.end();
  }
  return urlVoor(naam);
}

/** Direct access for assertions such as "nothing changed when the rule refused". */
export function verbind(url: string) {
  return postgres(url, { max: 2, onnotice: () => {} });
}

const DOMEINTABELLEN = [
  "clienten",
  "hulpvragen",
  "aanbiedingen",
  "aanbieding_versies",
  "keuzes",
  "uitnodigingen",
  "toewijzingen",
  "personeelsovernames",
  "contracten",
  "tarieven",
  "productcodes",
  "productcode_tarieven",
  "aanbieders",
  "consortia",
  "consortium_leden",
  "gebruikers",
  "regelboeken",
  "audit_log",
  "live_events",
  "aanbieder_uitnodigingen",
  "iwmo_berichten",
  "gedragscodes",
  "gedragscode_acceptaties",
  "gedragscode_meldingen",
  "personeelsbestanden",
  "collectieve_overnames",
  "resultaatchecks",
  "resultaatoordelen",
];

/**
 * Rows a refusal itself writes, beside the domain: like the weigeringen count (not a domain table),
 * the supervisor's live notice that a refusal was counted (toezicht feed) says nothing changed.
 */
const BUITEN_HET_DOMEIN: Record<string, string> = {
  live_events: `where not (t.feed like 'toezicht:%' and t.payload->>'aanleiding' = 'refusal:counted')`,
};

/** A fingerprint of every domain table's content; equal fingerprints mean nothing changed. */
export async function vingerafdruk(sql: postgres.Sql): Promise<Record<string, string>> {
  const uit: Record<string, string> = {};
  for (const tabel of DOMEINTABELLEN) {
    const [rij] = await sql.unsafe(
      `select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${tabel} t ${BUITEN_HET_DOMEIN[tabel] ?? ""}`,
    );
    uit[tabel] = `${rij.n}:${rij.h}`;
  }
  return uit;
}

/** Asserts a refusal with its code (and field), and that no domain table changed. */
export async function geweigerd(
  sql: postgres.Sql,
  verzoek: () => Promise<{ status: number; body: any }>,
  code: string,
  veld?: string,
) {
  const voor = await vingerafdruk(sql);
  const r = await verzoek();
  assert.equal(r.body?.error?.code, code, JSON.stringify(r.body));
  assert.equal(typeof r.body.error.message, "string");
  if (veld)
    assert.ok(
      r.body.error.details.some((d: { field: string }) => d.field === veld),
      `veld ${veld} in ${JSON.stringify(r.body.error.details)}`,
    );
  assert.deepEqual(await vingerafdruk(sql), voor, "de database is onveranderd");
  return r;
}
