/** wrangler dev's processes, read from /proc: for CPU time, memory and `kill -9` in the bench. */
import { readFileSync, readdirSync } from 'node:fs';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // gone already
  }
};

/** Every process under `root`, root first, breadth first. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * The workerd under `root` that runs the Worker. `wrangler dev` starts two: one that only
 * proxies the port you asked for (`--socket-addr=entry=127.0.0.1:PORT`), and the one that runs
 * the Worker, its Durable Objects and local D1, which listens on a port of its own choosing
 * (`entry=…:0`) and has the inspector.
 */
export function workerdPid(root: number): number {
  const workerds = processTree(root).filter((pid) => read(`/proc/${pid}/comm`)?.trim() === 'workerd');
  const runtime = workerds.find((pid) => /--socket-addr=entry=[^ \0]*:0[\0 ]/.test(read(`/proc/${pid}/cmdline`) ?? ''));
  const pid = runtime ?? workerds[workerds.length - 1];
  if (pid === undefined) throw new Error(`no workerd process under ${root}`);
  return pid;
}
