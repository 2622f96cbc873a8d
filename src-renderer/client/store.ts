import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CoreEvent, ProgressTask } from '../core/rpc/contract';
import { api } from './api';
import type { RpcClient } from './rpc-client';

export interface ProgressState {
  label: string;
  done: number;
  total: number | null;
}

interface UiState {
  online: boolean;
  progress: Partial<Record<ProgressTask, ProgressState>>;
}

const initialUi: UiState = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  progress: {},
};

export const uiSlice = createSlice({
  name: 'ui',
  initialState: initialUi,
  reducers: {
    setOnline(state, action: PayloadAction<boolean>) {
      state.online = action.payload;
    },
    setProgress(
      state,
      action: PayloadAction<{ task: ProgressTask; progress: ProgressState | null }>,
    ) {
      if (action.payload.progress) state.progress[action.payload.task] = action.payload.progress;
      else delete state.progress[action.payload.task];
    },
  },
});

export function createStore() {
  return configureStore({
    reducer: { ui: uiSlice.reducer, [api.reducerPath]: api.reducer },
    middleware: (getDefault) => getDefault().concat(api.middleware),
  });
}

export type AppStore = ReturnType<typeof createStore>;
export type RootState = ReturnType<AppStore['getState']>;

/**
 * What a `changed` event refreshes: the tags of the document types that changed (each query
 * declares the types it is derived from), the catalogue every type feeds, and the conflict
 * list only when a changed document has or had more than one version. Never `index`: a
 * replicated batch of bank statements leaves the trial balance alone.
 */
export function tagsForChange(event: Extract<CoreEvent, { kind: 'changed' }>): string[] {
  return [...event.types, 'catalog', ...(event.conflicts ? ['conflict'] : [])];
}

/** Wires the core's pushed events into the cache: the UI never polls. */
export function connectCoreEvents(store: AppStore, client: RpcClient): () => void {
  return client.onEvent((event: CoreEvent) => {
    switch (event.kind) {
      case 'changed':
        // A type no query reads is a tag nobody provides: invalidating it does nothing.
        store.dispatch(api.util.invalidateTags(tagsForChange(event)));
        break;
      case 'sync':
        store.dispatch(api.util.upsertQueryData('sync.getStatus', undefined, event.overview));
        if (
          event.overview.refused !==
          api.endpoints['sync.listRefused'].select()(store.getState()).data?.length
        ) {
          store.dispatch(api.util.invalidateTags(['refused']));
        }
        break;
      case 'index':
        store.dispatch(api.util.upsertQueryData('index.getStatus', undefined, event.status));
        break;
      case 'state':
        store.dispatch(api.util.upsertQueryData('app.getState', undefined, event.state));
        break;
      case 'progress':
        store.dispatch(
          uiSlice.actions.setProgress({
            task: event.task,
            progress: event.finished
              ? null
              : { label: event.label, done: event.done, total: event.total },
          }),
        );
        break;
    }
  });
}
