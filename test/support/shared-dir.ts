import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The team's shared folder (domain brief, datasets, third-party fixtures). It sits beside the
 * repository on our machines; a clone elsewhere finds it through SHARED_DIR, an ancestor
 * folder named `shared`, or the team's usual location.
 */
function findSharedDir(): string {
  if (process.env.SHARED_DIR) return resolve(process.env.SHARED_DIR);
  let dir = resolve(__dirname, '..', '..');
  for (;;) {
    const candidate = join(dirname(dir), 'shared');
    if (existsSync(join(candidate, 'fixtures'))) return candidate;
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  return '/work/shared';
}

export const SHARED_DIR = findSharedDir();

/** A path under the shared fixtures folder, e.g. `sharedFixture('gift', 'moodle')`. */
export function sharedFixture(...parts: string[]): string {
  return join(SHARED_DIR, 'fixtures', ...parts);
}
