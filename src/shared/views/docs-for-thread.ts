/**
 * A range's docs on their way to another thread that turns them into an answer: one JSON text of
 * `[key, doc]` pairs read from the view's table (`loadDocsAsJson`), which that thread parses
 * (`docsOf`), or the docs a replay folded. One string crosses a thread as a copy of its bytes, and
 * parsing it is most of what reading a national range costs (bench/README.md, "National answers
 * parsed off the commands' thread").
 */
export type DocsForThread<Doc = unknown> = { json: string } | { docs: Map<string, Doc> };

/** The docs themselves, in the range's order, parsed here when they came as text. */
export function docsOf<Doc>(handed: DocsForThread<Doc>): Map<string, Doc> {
  return 'docs' in handed ? handed.docs : new Map(JSON.parse(handed.json) as [string, Doc][]);
}
