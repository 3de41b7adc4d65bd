/**
 * A range's docs on their way to another thread that turns them into an answer: the JSON text the
 * view's table stores, which that thread parses (`docsOf`), or the docs a replay folded. Text
 * crosses a thread as cheaply as it comes off the socket, and parsing it is most of what reading a
 * national range costs (bench/README.md, "National answers parsed off the commands' thread").
 */
export type DocsForThread<Doc = unknown> = { json: Map<string, string> } | { docs: Map<string, Doc> };

/** The docs themselves, parsed here when they came as text. */
export function docsOf<Doc>(handed: DocsForThread<Doc>): Map<string, Doc> {
  if ('docs' in handed) return handed.docs;
  const docs = new Map<string, Doc>();
  for (const [key, json] of handed.json) docs.set(key, JSON.parse(json) as Doc);
  return docs;
}
