import type postgres from "postgres";
import { readFile } from "node:fs/promises";

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export async function cpuSeconden(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
  const velden = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(velden[11]) + Number(velden[12])) / 100;
}

export async function cpuSamen(pids: number[]): Promise<number> {
  return (await Promise.all(pids.map(cpuSeconden))).reduce((s, x) => s + x, 0);
}

/**
 * CPU seconds of the PostgreSQL server's processes (backends and background workers), read from
 * /proc by the pids the server lists: only for an engine on this machine (the embedded one).
 */
export async function databaseCpu(sql: postgres.Sql): Promise<Map<number, number>> {
  const rijen = await sql<{ pid: number }[]>`select pid from pg_stat_activity`;
  const uit = new Map<number, number>();
  for (const { pid } of rijen) uit.set(pid, await cpuSeconden(pid).catch(() => 0));
  return uit;
}

/** What the database used between two readings; a backend started in between counts from zero. */
export function databaseCpuVerschil(voor: Map<number, number>, na: Map<number, number>): number {
  let som = 0;
  for (const [pid, s] of na) som += s - (voor.get(pid) ?? 0);
  return som;
}
