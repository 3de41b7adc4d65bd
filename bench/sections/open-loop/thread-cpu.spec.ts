import { Worker } from 'node:worker_threads';
import { cpuTicks } from './thread-cpu.js';

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('cpuTicks', () => {
  it("counts the main thread's work as the main thread's", () => {
    const before = cpuTicks()!;
    spin(300);
    const after = cpuTicks()!;
    // Ticks are 10 ms; a quarter of the spin at least, as a test run's other workers share the cores.
    expect(after.main - before.main).toBeGreaterThanOrEqual(7);
    expect(after.machineBusy - before.machineBusy).toBeGreaterThanOrEqual(7);
    expect(after.machineTotal).toBeGreaterThan(before.machineTotal);
  });

  it("counts a worker thread's work as the other threads', also once the thread has ended", async () => {
    const before = cpuTicks()!;
    const worker = new Worker('const end = Date.now() + 400; while (Date.now() < end);', { eval: true });
    await new Promise((resolve) => worker.once('exit', resolve));
    const after = cpuTicks()!;
    expect(after.otherThreads - before.otherThreads).toBeGreaterThanOrEqual(10);
    expect(after.main - before.main).toBeLessThan(after.otherThreads - before.otherThreads);
  });
});
