import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from '@app/database';

/**
 * A PostgreSQL cluster of the chaos run's own (the machine's initdb and pg_ctl), on a loopback port
 * that stays the same across restarts, so apps keep their DATABASE_URL while it is killed.
 */
export class OwnCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bindir: string,
  ) {}

  static async create(): Promise<OwnCluster> {
    const bindir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'ect-chaos-pg-'));
    chmodSync(dir, 0o755);
    const cluster = new OwnCluster(dir, await findFreePort(), bindir);
    mkdirSync(cluster.pgdata, { mode: 0o700 });
    // The server writes its log and socket next to its data, as the postgres user when we are root.
    for (const own of [dir, cluster.pgdata]) if (asRoot()) chownSync(own, postgresId('-u'), postgresId('-g'));
    await cluster.run('initdb', ['-D', cluster.pgdata, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-instructions']);
    await cluster.start();
    return cluster;
  }

  get pgdata(): string {
    return join(this.dir, 'pg');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts it (again); after a kill -9 the old backends may take a moment to go, so it tries for up to 30 s. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c max_connections=300 -c unix_socket_directories=${this.dir}`;
    for (let attempt = 0; attempt < 60; attempt++) {
      const args = ['-D', this.pgdata, '-o', options, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', 'start'];
      const result = await this.run('pg_ctl', args, false);
      if (result === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`the chaos cluster did not start; see ${join(this.dir, 'server.log')}`);
  }

  postmasterPid(): number {
    return Number(readFileSync(join(this.pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  kill9(): void {
    process.kill(this.postmasterPid(), 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.run('pg_ctl', ['-D', this.pgdata, '-m', 'fast', '-w', 'stop'], false);
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** One of the machine's PostgreSQL programs, as the postgres user when we are root (it refuses root). */
  private async run(program: string, args: string[], check = true): Promise<number> {
    const command = join(this.bindir, program);
    const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    try {
      await promisify(execFile)(file, argv);
      return 0;
    } catch (error) {
      if (check) throw new Error(`${program} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
      return 1;
    }
  }
}

const asRoot = () => process.getuid?.() === 0;
const postgresId = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
