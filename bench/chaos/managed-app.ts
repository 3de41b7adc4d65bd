import { appendFileSync } from 'node:fs';
import { healthy, startAppProcess, type AppProcess } from './app-process.js';

/**
 * One app instance as a supervisor keeps it: started again after every exit. An exit the chaos run
 * did not cause (kill -9 of this instance) counts as unexpected.
 */
export class ManagedApp {
  unexpectedExits = 0;
  private current?: AppProcess;
  private ready = false;
  private killing = false;
  private closed = false;

  constructor(
    readonly name: string,
    private readonly main: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  /** The base URL while the instance answers, else undefined. */
  get base(): string | undefined {
    return this.ready ? this.current?.base : undefined;
  }

  get pid(): number | undefined {
    return this.current?.child.pid;
  }

  async start(): Promise<void> {
    const app = await startAppProcess(this.main, this.env);
    this.current = app;
    app.child.stdout!.on('data', (chunk: Buffer) => appendFileSync(this.logFile, chunk));
    app.child.stderr!.on('data', (chunk: Buffer) => appendFileSync(this.logFile, chunk));
    void app.exited.then((code) => this.exited(app, code));
    if (!(await healthy(app, 120_000))) throw new Error(`${this.name} did not become healthy; see ${this.logFile}`);
    this.ready = true;
  }

  /** kill -9, then started again at once, as a supervisor would. */
  async kill9AndRestart(delayMs = 0): Promise<void> {
    const app = this.current;
    if (!app) return;
    this.killing = true;
    this.ready = false;
    app.child.kill('SIGKILL');
    await app.exited;
    this.killing = false;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await this.start();
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.ready = false;
    const app = this.current;
    if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return;
    app.child.kill('SIGTERM');
    await Promise.race([app.exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
  }

  private exited(app: AppProcess, code: number | null): void {
    if (app !== this.current || this.killing || this.closed) return;
    this.unexpectedExits++;
    this.ready = false;
    appendFileSync(this.logFile, `\n[chaos] ${this.name} exited unexpectedly (code ${code}); starting it again\n`);
    void this.start().catch((error) => appendFileSync(this.logFile, `[chaos] restart failed: ${String(error)}\n`));
  }
}
