// One attention store per window. The shell mounts the inbox, the agents panel and the header
// badge independently, and each window has exactly one client, so the store is kept with the
// client: every view of the window reads the same one, and a new client gets a new one.
import type { RendererClient } from '../client/feed-status.ts';
import { AttentionModel } from './attention-store.ts';

const models = new WeakMap<RendererClient, AttentionModel>();

export function attentionModelOf(client: RendererClient): AttentionModel {
  let model = models.get(client);
  if (!model) {
    model = new AttentionModel(client);
    models.set(client, model);
  }
  return model;
}
