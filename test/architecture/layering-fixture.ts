import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A tiny project that breaks each layering rule once, laid out like this one: what the rules
 * must catch. Files are `path → imports`.
 */
const FILES: Record<string, string[]> = {
  'src/auth/access.decorator.ts': [],
  'src/app.module.ts': [],
  // upward: shared reaches into an area
  'src/shared/http/api-view.decorator.ts': ['../../auth/access.decorator.js'],
  // a library reaching into the app
  'libs/projections/src/index.ts': ['../../../src/app.module.js'],
  'libs/projections/src/key-range.ts': [],
  // a library's file reached past its entry, from the app and from another library
  'src/offices/offices.controller.ts': ['../../libs/projections/src/key-range.js'],
  'libs/event-store/src/index.ts': ['../../projections/src/key-range.js'],
  // a domain file on Nest
  'src/employers/employer.ts': ['@nestjs/common'],
  // two folders that import each other (no module cycle)
  'src/cases/case-rules.ts': ['../offices/office-rules.js'],
  'src/offices/office-rules.ts': ['../cases/case-limits.js'],
  'src/cases/case-limits.ts': [],
  // two modules that import each other
  'src/history/history-event.ts': ['./history-page.js'],
  'src/history/history-page.ts': ['./history-event.js'],
};

export function layeringFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ect-layering-'));
  for (const [file, imports] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    const body = imports.map((i, n) => `import * as m${n} from '${i}';\nexport const use${n} = m${n};\n`).join('');
    writeFileSync(join(dir, file), body || 'export const nothing = 0;\n');
  }
  return dir;
}
