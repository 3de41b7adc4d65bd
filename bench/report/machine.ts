import { cpus, totalmem } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  postgres: string;
  /** 1-minute load average at the start: other work on the machine makes figures noisy. */
  loadAverageAtStart: number;
}

export async function machineInfo(query: (sql: string) => Promise<{ version: string }[]>, load: number): Promise<MachineInfo> {
  const [row] = await query('SELECT version()');
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres: row?.version.split(' on ')[0] ?? 'unknown',
    loadAverageAtStart: load,
  };
}
