/** One line describing the machine a benchmark ran on, printed with every set of figures. */
import { cpus, totalmem, hostname, availableParallelism } from 'node:os';

export function machineInfo() {
  const c = cpus();
  return {
    host: hostname(),
    cpu: c[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export function machineSummary(): string {
  const m = machineInfo();
  return `machine: ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, node ${m.node}, host ${m.host}, ${m.date}`;
}
