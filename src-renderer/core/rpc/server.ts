import { OutpostError } from '../errors';
import type { CoreEvent, HostMessage, RpcMethod, RpcMethods, RpcRequest, RpcResponse } from './contract';

export type RpcHandlers = {
  [M in RpcMethod]: (params: RpcMethods[M]['params']) => Promise<RpcMethods[M]['result']>;
};

/** Anything that carries structured-clone messages: a worker's global scope, a MessagePort. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/**
 * Serves the RPC map over postMessage. Every failure becomes a serialised OutpostError the
 * UI can show as it is; nothing thrown inside the core escapes as an unhandled rejection.
 */
export function serveRpc(
  endpoint: MessageEndpoint,
  handlers: RpcHandlers,
  onHost: (message: HostMessage) => void,
): (event: CoreEvent) => void {
  endpoint.addEventListener('message', (e: MessageEvent) => {
    const data = e.data as RpcRequest | HostMessage;
    if ('host' in data) {
      onHost(data);
      return;
    }
    void handle(data);
  });

  async function handle(req: RpcRequest): Promise<void> {
    let response: RpcResponse;
    try {
      const handler = handlers[req.method] as ((p: unknown) => Promise<unknown>) | undefined;
      if (!handler) throw new OutpostError('internal', `Unknown request "${String(req.method)}".`);
      response = { id: req.id, ok: true, result: await handler(req.params) };
    } catch (e) {
      if (!(e instanceof OutpostError)) console.error(`[core] ${req.method} failed`, e);
      response = { id: req.id, ok: false, error: OutpostError.from(e).toJSON() };
    }
    endpoint.postMessage(response);
  }

  return (event) => endpoint.postMessage({ event });
}
