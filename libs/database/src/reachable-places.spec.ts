import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binariesIn } from './postgres-binaries.js';
import { reachableBinaries, reachableDataDir } from './reachable-places.js';
import { canReach, type ServerUser } from './server-user.js';

/** Someone who is neither us nor in our groups, as the `postgres` user is to a checkout under /root. */
const stranger: ServerUser = { uid: 54321, gid: 54321, groups: [54321] };

describe('places the embedded PostgreSQL can reach when root runs it as another user', () => {
  let closed: string;
  let home: string;

  beforeEach(() => {
    // mkdtemp makes a directory only its owner may enter (0700), like /root.
    closed = mkdtempSync(join(tmpdir(), 'ect-closed-'));
    home = mkdtempSync(join(tmpdir(), 'ect-home-'));
    chmodSync(home, 0o755);
  });
  afterEach(() => {
    rmSync(closed, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  const fakeNative = () => {
    const native = join(closed, 'node_modules', 'native');
    mkdirSync(join(native, 'bin'), { recursive: true });
    mkdirSync(join(native, 'lib'));
    writeFileSync(join(native, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(join(native, 'lib', 'libpq.so.5.18'), '');
    symlinkSync('libpq.so.5.18', join(native, 'lib', 'libpq.so.5'));
    return binariesIn(native, '18.4.0-test');
  };

  it('tells a directory closed to a user from one it may pass through', () => {
    const file = join(closed, 'inner', 'postgres');
    expect(canReach(file, stranger)).toBe(false);
    chmodSync(closed, 0o711);
    expect(canReach(file, stranger)).toBe(true);
    expect(canReach(file, { uid: statSync(closed).uid, gid: -1, groups: [] })).toBe(true);
  });

  it('copies binaries under a 0700 directory once, symlinks and modes kept, to a place the user reaches', () => {
    const installed = fakeNative();
    const copy = reachableBinaries(installed, stranger, home);
    expect(copy.nativeDir).toBe(join(home, 'postgres-18.4.0-test'));
    expect(canReach(copy.postgres, stranger)).toBe(true);
    expect(statSync(copy.postgres).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(copy.nativeDir, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    const copiedAt = statSync(copy.postgres).mtimeMs;
    expect(reachableBinaries(installed, stranger, home)).toEqual(copy);
    expect(statSync(copy.postgres).mtimeMs).toBe(copiedAt);
    // Reachable where they are: no copy.
    chmodSync(closed, 0o755);
    expect(reachableBinaries(installed, stranger, join(home, 'unused'))).toBe(installed);
    expect(existsSync(join(home, 'unused'))).toBe(false);
  });

  it('refuses a home that others may write (someone could plant binaries there)', () => {
    chmodSync(home, 0o777);
    expect(() => reachableBinaries(fakeNative(), stranger, home)).toThrow(/others cannot write/);
  });

  it('keeps a cluster under a 0700 DATA_DIR in the home, linked from DATA_DIR, and finds it again', () => {
    const pgdata = join(closed, 'pg');
    const cluster = reachableDataDir(pgdata, stranger, home);
    expect(cluster.startsWith(join(home, 'clusters'))).toBe(true);
    expect(canReach(join(cluster, 'PG_VERSION'), stranger)).toBe(true);
    expect(lstatSync(pgdata).isSymbolicLink()).toBe(true);
    // Only root may hand a directory to another user (as root does for the postgres user).
    expect(statSync(cluster).uid).toBe(process.getuid!() === 0 ? stranger.uid : process.getuid!());
    expect(reachableDataDir(pgdata, stranger, home)).toBe(cluster);
    // DATA_DIR deleted and made again: a new cluster, the old one left alone.
    rmSync(pgdata);
    const fresh = reachableDataDir(pgdata, stranger, home);
    expect(fresh).not.toBe(cluster);
    expect(existsSync(cluster)).toBe(true);
  });
});
