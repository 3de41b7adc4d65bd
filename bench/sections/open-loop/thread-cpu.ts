import { readFileSync } from 'node:fs';
import { cpuTicksOf } from '../../report/cpu-seconds.js';

/** CPU so far, in ticks of 1/100 s: this process's main thread, its other threads, and the whole machine. */
export interface CpuTicks {
  /** The thread that runs the event loop (its id is the process's). */
  main: number;
  /** Every other thread of this process, ended ones included: V8's helpers (concurrent GC, compiling), libuv's pool, worker threads. */
  otherThreads: number;
  /** The machine's busy and total ticks over all its cores (`/proc/stat`). */
  machineBusy: number;
  machineTotal: number;
}

/** Read from `/proc`; undefined where there is none (not Linux). */
export function cpuTicks(): CpuTicks | undefined {
  // A process's figure includes its threads', ended ones too.
  const main = cpuTicksOf(`/proc/self/task/${process.pid}/stat`);
  const processTotal = cpuTicksOf('/proc/self/stat');
  if (main === undefined || processTotal === undefined) return undefined;
  try {
    // user nice system idle iowait irq softirq steal: idle and iowait are the idle ones.
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const machineTotal = fields.reduce((sum, n) => sum + n, 0);
    return { main, otherThreads: processTotal - main, machineBusy: machineTotal - fields[3]! - fields[4]!, machineTotal };
  } catch {
    return undefined;
  }
}
