import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { CoreEvent, ProgressTask } from '../core/rpc/contract';
import { TAG_TYPES, type TagType } from '../core/rpc/contract';
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

const initialUi: UiState = { online: typeof navigator === 'undefined' ? true : navigator.onLine, progress: {} };

export const uiSlice = createSlice({
  name: 'ui',
  initialState: initialUi,
  reducers: {
    setOnline(state, action: PayloadAction<boolean>) {
      state.online = action.payload;
    },
    setProgress(state, action: PayloadAction<{ task: ProgressTask; progress: ProgressState | null }>) {
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

const KNOWN_TAGS = new Set<string>(TAG_TYPES);

/** Wires the core's pushed events into the cache: the UI never polls. */
export function connectCoreEvents(store: AppStore, client: RpcClient): () => void {
  return client.onEvent((event: CoreEvent) => {
    switch (event.kind) {
      case 'changed': {
        const tags = event.types.filter((t) => KNOWN_TAGS.has(t)) as TagType[];
        // Any change may add or settle a conflict (a replicated edit, a resolution elsewhere).
        store.dispatch(api.util.invalidateTags([...tags, 'index', 'conflict']));
        break;
      }
      case 'sync':
        store.dispatch(api.util.upsertQueryData('syncStatus', undefined, event.overview));
        if (event.overview.refused !== (store.getState().api.queries['refused(undefined)']?.data as unknown[] | undefined)?.length) {
          store.dispatch(api.util.invalidateTags(['refused']));
        }
        break;
      case 'index':
        store.dispatch(api.util.upsertQueryData('indexStatus', undefined, event.status));
        break;
      case 'state':
        store.dispatch(api.util.upsertQueryData('appState', undefined, event.state));
        break;
      case 'progress':
        store.dispatch(
          uiSlice.actions.setProgress({
            task: event.task,
            progress: event.finished ? null : { label: event.label, done: event.done, total: event.total },
          }),
        );
        break;
    }
  });
}
