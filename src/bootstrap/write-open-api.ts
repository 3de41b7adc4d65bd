import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { describeApi } from './open-api.js';

/** `npm run openapi`: writes the document to docs/openapi.json (a test fails while the checked-in one is not current). */
export const OPEN_API_FILE = 'docs/openapi.json';
export const openApiText = async () => `${JSON.stringify(await describeApi(), null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(OPEN_API_FILE, await openApiText());
  console.log(`wrote ${OPEN_API_FILE}`);
}
