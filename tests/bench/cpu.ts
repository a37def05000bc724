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
