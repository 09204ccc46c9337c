// The client the renderer codes against: the shared client (calls typed from the operation
// registry, events) plus how its event feed is doing, when its shell can tell.
import type { OrchestronClient } from '../../shared/client.ts';
import type { FeedStatus } from '../../shared/protocol/feed-status.ts';

export type { FeedState, FeedStatus } from '../../shared/protocol/feed-status.ts';

/** A client whose shell can tell how its event feed is doing (optional: not every shell can). */
export interface RendererClient extends OrchestronClient {
  readonly feed?: FeedStatus;
}
