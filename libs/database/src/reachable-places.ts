import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { binariesIn, type PostgresBinaries } from './postgres-binaries.js';
import { canReach, type ServerUser } from './server-user.js';

/** Where root keeps what the `postgres` user must reach when the checkout or DATA_DIR is closed to it. */
export const ROOT_HOME = '/var/lib/employer-contact-tracker';

/** The binaries where `user` can run them: in place, or a copy under `home` made once per version. */
export function reachableBinaries(binaries: PostgresBinaries, user: ServerUser, home = ROOT_HOME): PostgresBinaries {
  if (canReach(binaries.postgres, user)) return binaries;
  const target = join(ownHome(home), `postgres-${binaries.version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    // Copied aside and renamed: a start that dies half-way never leaves a half copy in `target`.
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return binariesIn(target, binaries.version);
}

/**
 * A data directory `user` can reach: `pgdata` itself, or a directory under `home` named after it, linked
 * from `pgdata` so the cluster is found again from DATA_DIR on the next start.
 */
export function reachableDataDir(pgdata: string, user: ServerUser, home = ROOT_HOME): string {
  const wanted = resolve(pgdata);
  const link = lstatOrUndefined(wanted);
  if (link?.isSymbolicLink()) return readlinkSync(wanted);
  if (canReach(wanted, user)) return wanted;
  if (link) throw new Error(`${wanted} exists, but the postgres user the embedded PostgreSQL runs as cannot reach it`);
  const clusters = join(ownHome(home), 'clusters');
  mkdirSync(clusters, { recursive: true, mode: 0o755 });
  // Unique, not only named after the path: a DATA_DIR deleted and made again starts a cluster of its own
  // (the old one stays where it was, never reused nor deleted behind the operator's back).
  const target = mkdtempSync(join(clusters, `${createHash('sha256').update(wanted).digest('hex').slice(0, 16)}-`));
  if (process.getuid?.() === 0) chownSync(target, user.uid, user.gid);
  symlinkSync(target, wanted);
  return target;
}

/** `home`, made if missing; refused unless it is a real directory of ours that nobody else may write. */
function ownHome(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o755 });
  const stat = lstatSync(home);
  if (!stat.isDirectory() || stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) {
    throw new Error(`${home} must be a directory owned by this user that others cannot write; it is not`);
  }
  return home;
}

const lstatOrUndefined = (path: string) => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};
