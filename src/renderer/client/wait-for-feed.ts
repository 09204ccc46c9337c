// Waits until a client's event feed delivers every later event, for at most a while: a model
// reads its snapshot after that, so no change falls between the snapshot and the feed.
import type { RendererClient } from './feed-status.ts';

/** True once live; false when the wait timed out (the caller may read again once it is live). */
export async function waitForFeed(client: RendererClient, timeoutMs: number): Promise<boolean> {
  const feed = client.feed;
  if (!feed) return true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, false);
  });
  const live = await Promise.race([feed.whenLive().then(() => true), timedOut]);
  clearTimeout(timer);
  return live;
}
