// React access to the window's attention store: started while any view that shows it is
// mounted (which also keeps the title badge and Web notifications going), read with narrow
// selectors so that each card re-renders only for what it shows.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useClient } from '../../client/client-context.tsx';
import { attentionModelOf } from '../../stores/attention-models.ts';
import type { AttentionModel, AttentionStoreState } from '../../stores/attention-store.ts';
import { keepPageInformed } from './page-attention.ts';

export function useAttentionModel(): AttentionModel {
  return attentionModelOf(useClient());
}

/** Keeps the store following events, and the page's title and notifications, while mounted. */
export function useAttentionRunning(): AttentionModel {
  const model = useAttentionModel();
  useEffect(() => {
    const stopModel = model.start();
    const stopPage = keepPageInformed(model);
    return () => {
      stopPage();
      stopModel();
    };
  }, [model]);
  return model;
}

/** One value of the attention state; `select` must return a primitive or a kept reference. */
export function useAttention<T>(select: (state: AttentionStoreState) => T): T {
  return useStore(useAttentionModel().store, select);
}
