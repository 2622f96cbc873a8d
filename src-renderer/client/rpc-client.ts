import { OutpostError } from '../core/errors';
import type {
  CoreEvent,
  CoreMethod,
  CoreMethods,
  HostMessage,
  RpcEventMessage,
  RpcResponse,
} from '../core/rpc/contract';

/** What the UI thread needs of a worker (or a test double). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * The UI side of the typed RPC map. Calls are promises of typed results; errors arrive as
 * OutpostError with the clerk-readable message the core wrote.
 */
export class RpcClient {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void }
  >();
  private readonly listeners = new Set<(event: CoreEvent) => void>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as RpcResponse | RpcEventMessage;
      if ('event' in data) {
        for (const l of this.listeners) l(data.event);
        return;
      }
      const w = this.waiting.get(data.id);
      if (!w) return;
      this.waiting.delete(data.id);
      if (data.ok) w.resolve(data.result);
      else w.reject(new OutpostError(data.error.code, data.error.message, data.error.fields));
    });
  }

  /**
   * Typed by core's methods; a module's methods are called through their generated endpoints,
   * which its contract types (they pass any method name, see `run` in api.ts).
   */
  call<M extends CoreMethod>(
    method: M,
    params: CoreMethods[M]['params'],
  ): Promise<CoreMethods[M]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, params });
    });
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tell(message: HostMessage): void {
    this.worker.postMessage(message);
  }
}
