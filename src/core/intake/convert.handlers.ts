// Task Markdown conversion, both ways. Pure: no store, no events. The parser (and its Markdown
// library) loads on the first conversion, so commands that never convert do not pay for it.
import type { FeatureBinding } from '../handlers.ts';

export const convertHandlers: FeatureBinding<'convert'> = () => ({
  convert_task: async ({ markdown }) => {
    const [{ parseTaskMarkdown }, { summarizeWorkflow }] = await Promise.all([
      import('./task-markdown/parse-task-markdown.ts'),
      import('./task-markdown/workflow-summary.ts'),
    ]);
    const { document, warnings } = parseTaskMarkdown(markdown);
    return { document, warnings, summary: summarizeWorkflow(document, warnings) };
  },
  render_task_markdown: async ({ document }) => {
    const { renderChecked } = await import('./task-markdown/render-checked.ts');
    return renderChecked(document);
  },
});
