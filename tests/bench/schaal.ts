import type postgres from "postgres";

/**
 * A region at realistic scale, written with set-based SQL (seconds, not minutes): bench
 * aanbieders with contracts and a planning account each, and requests with offers in history.
 * Everything is prefixed `bench` so it never mixes with the demo data it sits beside.
 */
export async function zaaiAanbieders(sql: postgres.Sql, aantal: number) {
  const [{ hash }] = await sql`select password_hash as hash from gebruikers where email = 'consulent@winterswijk.demo'`;
  await sql`
    insert into aanbieders (id, naam, slug, kvk, agb, soort, clientenaantal)
    select 'ab_bench_' || i, 'Bench Zorg ' || i, 'bench-' || i, lpad((70000000 + i)::text, 8, '0'), lpad((97000000 + i)::text, 8, '0'), 'thuiszorg', 100
    from generate_series(1, ${aantal}) i on conflict do nothing`;
  await sql`
    insert into contracten (id, gemeente_id, aanbieder_id, productcategorieen, productcodes, startdatum, einddatum, gegund_op)
    select 'ct_bench_' || g.id || '_' || i, g.id, 'ab_bench_' || i, array['01','03'],
      (select coalesce(array_agg(p.code), '{}') from productcodes p where p.gemeente_id = g.id and p.productcategorie in ('01', '03')),
      '2025-01-01', '2028-12-31', '2024-09-01'
    from generate_series(1, ${aantal}) i cross join gemeenten g on conflict do nothing`;
  await sql`
    insert into gebruikers (id, email, naam, rol, aanbieder_id, password_hash)
    select 'us_bench_' || i, 'planning@bench-' || i || '.demo', 'Planning Bench ' || i, 'aanbieder', 'ab_bench_' || i, ${hash}
    from generate_series(1, ${aantal}) i on conflict do nothing`;
}

/** `aantal` closed requests in history (from `vanaf`), each with `perHulpvraag` offers by bench aanbieders. */
export async function zaaiGeschiedenis(
  sql: postgres.Sql,
  opts: { vanaf: number; aantal: number; perHulpvraag: number; aanbieders: number },
) {
  const { vanaf, aantal, perHulpvraag, aanbieders } = opts;
  const tot = vanaf + aantal - 1;
  const [{ consulent }] = await sql`select id as consulent from gebruikers where email = 'consulent@winterswijk.demo'`;
  const [{ consulentAalten }] =
    await sql`select id as "consulentAalten" from gebruikers where email = 'consulent@aalten.demo'`;
  await sql`
    insert into clienten (id, gemeente_id, naam, bsn, straat, huisnummer, postcode, woonplaats, geboortedatum)
    select 'cl_bench_' || i, case when i % 3 = 0 then 'aalten' else 'winterswijk' end, 'Cliënt ' || i, '111222333', 'Bankstraat', (i % 200)::text, '7101 AB', 'Winterswijk', date '1940-01-01' + (i % 9000)
    from generate_series(${vanaf}::int, ${tot}::int) i`;
  await sql`
    insert into hulpvragen (id, gemeente_id, client_id, consulent_id, status, regio, leeftijdsklasse, huishouden, toelichting, resultaten,
      productcategorieen, startdatum, duur_maanden, deadline, gepubliceerd_op, created_at, updated_at)
    select 'hv_bench_' || i, case when i % 3 = 0 then 'aalten' else 'winterswijk' end, 'cl_bench_' || i,
      case when i % 3 = 0 then ${consulentAalten} else ${consulent} end,
      (array['gegund','gegund','gegund','beoordeling','ingetrokken','geen_passend_aanbod'])[1 + i % 6], 'Wijk ' || (i % 40), '75-84', 'alleenstaand',
      'Historische hulpvraag ' || i, '[{"code":"schoon_huis","toelichting":""}]'::jsonb, array['01'],
      date '2025-02-01' + (i % 600), 12, now() - make_interval(days => 1 + i % 600), now() - make_interval(days => 8 + i % 600),
      now() - make_interval(days => 9 + i % 600), now() - make_interval(days => 1 + i % 600)
    from generate_series(${vanaf}::int, ${tot}::int) i`;
  await sql`
    insert into aanbiedingen (id, hulpvraag_id, aanbieder_id, status, startdatum, einddatum, cao, dienstverband, samenvatting, componenten,
      prijs_per_maand_cent, ingediend_door, created_at, updated_at)
    select 'ao_bench_' || i || '_' || j, 'hv_bench_' || i, 'ab_bench_' || (1 + (i * 7 + j) % ${aanbieders}),
      case when j = 1 then 'gegund' else 'afgewezen' end, '2026-01-01', '2026-12-31', 'vvt', 'loondienst', 'Historisch aanbod',
      jsonb_build_array(jsonb_build_object('aanbiederId', 'ab_bench_' || (1 + (i * 7 + j) % ${aanbieders}), 'productcategorie', '01',
        'omschrijving', 'Schoonmaak', 'resultaten', jsonb_build_array('schoon_huis'), 'prijsPerMaandCent', 42000 + j * 100)),
      42000 + j * 100, 'us_bench_' || (1 + (i * 7 + j) % ${aanbieders}), now() - make_interval(days => 5 + i % 600), now() - make_interval(days => 5 + i % 600)
    from generate_series(${vanaf}::int, ${tot}::int) i cross join generate_series(1, ${perHulpvraag}) j`;
  await sql`analyze`;
}

/**
 * `aantal` extra gemeenten beside the demo's two, each with the default rulebook, Winterswijk's
 * product codes with their tariffs and one consulent (`consulent@bench-gN.demo`). Seed these before `zaaiAanbieders`,
 * which contracts every bench aanbieder in every gemeente.
 */
export async function zaaiGemeenten(sql: postgres.Sql, aantal: number) {
  const [{ hash }] = await sql`select password_hash as hash from gebruikers where email = 'consulent@winterswijk.demo'`;
  await sql`
    insert into gemeenten (id, naam, code) select 'bench_g' || i, 'Benchgemeente ' || i, lpad((9000 + i)::text, 4, '0')
    from generate_series(1, ${aantal}) i on conflict do nothing`;
  await sql`insert into regelboeken (gemeente_id) select 'bench_g' || i from generate_series(1, ${aantal}) i on conflict do nothing`;
  // Each bench gemeente gets Winterswijk's productcodelijst (same codes) with its tariffs.
  await sql`
    insert into productcodes (id, gemeente_id, code, productcategorie, omschrijving, uitvoeringsvariant, eenheid, frequentie)
    select p.id || '_bench_' || i, 'bench_g' || i, p.code, p.productcategorie, p.omschrijving, p.uitvoeringsvariant, p.eenheid, p.frequentie
    from productcodes p cross join generate_series(1, ${aantal}) i where p.gemeente_id = 'winterswijk' on conflict do nothing`;
  await sql`
    insert into productcode_tarieven (id, productcode_id, tarief_per_eenheid_cent, geldig_vanaf, reden)
    select t.id || '_bench_' || i, t.productcode_id || '_bench_' || i, t.tarief_per_eenheid_cent, t.geldig_vanaf, t.reden
    from productcode_tarieven t join productcodes p on p.id = t.productcode_id cross join generate_series(1, ${aantal}) i
    where p.gemeente_id = 'winterswijk' on conflict do nothing`;
  await sql`
    insert into gebruikers (id, email, naam, rol, gemeente_id, password_hash)
    select 'us_bench_c' || i, 'consulent@bench-g' || i || '.demo', 'Consulent Bench ' || i, 'consulent', 'bench_g' || i, ${hash}
    from generate_series(1, ${aantal}) i on conflict do nothing`;
  return [
    { gemeenteId: "winterswijk", consulent: "consulent@winterswijk.demo" },
    { gemeenteId: "aalten", consulent: "consulent@aalten.demo" },
    ...Array.from({ length: aantal }, (_, i) => ({
      gemeenteId: `bench_g${i + 1}`,
      consulent: `consulent@bench-g${i + 1}.demo`,
    })),
  ];
}
