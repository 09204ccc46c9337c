// PRD intake: parse_prd reads a document into a preview (stores nothing); import_prd creates the
// preview's tasks in one transaction. The parser (and its Markdown library) loads on first use.
import type { FeatureBinding } from '../handlers.ts';

export const prdHandlers: FeatureBinding<'prd'> = (services) => ({
  parse_prd: async ({ content, ...options }) => {
    const [{ parsePrd }, { summarizePreview }] = await Promise.all([
      import('./prd/parse-prd.ts'),
      import('./prd/prd-summary.ts'),
    ]);
    const preview = parsePrd(content, options);
    return { ...preview, summary: summarizePreview(preview) };
  },
  import_prd: async (input, context) => {
    const { importPrd } = await import('./prd/import-prd.ts');
    return importPrd(services, input, context);
  },
});
