// The Web Worker ELK runs in: importing elkjs's worker script installs its message handler,
// which elk-api (in layout-runner.ts) talks to. Keeps a large layout off the UI thread.
// oxlint-disable-next-line import/no-unassigned-import -- imported for the handler it installs
import 'elkjs/lib/elk-worker.min.js';
