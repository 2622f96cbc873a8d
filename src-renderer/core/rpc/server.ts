import { OutpostError } from '../errors';
import type { CoreEvent, HostMessage, RpcRequest, RpcResponse } from './contract';

/**
 * One served method. The wire is untyped (whatever the UI thread sent), so the served map
 * takes any handler: each area types its own map completely with HandlersOf<its contract>.
 * (Method syntax makes the parameter bivariant, so a typed handler fits.)
 */
export type RpcHandler = { bivarianceHack(params: unknown): Promise<unknown> }['bivarianceHack'];

/** Every method the core serves, by name: core's own map and each module's, joined. */
export type RpcHandlers = Readonly<Record<string, RpcHandler>>;

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
      const handler = handlers[req.method];
      if (typeof handler !== 'function')
        throw new OutpostError('internal', `Unknown request "${String(req.method)}".`);
      response = { id: req.id, ok: true, result: await handler(req.params) };
    } catch (e) {
      if (!(e instanceof OutpostError)) console.error(`[core] ${req.method} failed`, e);
      response = { id: req.id, ok: false, error: OutpostError.from(e).toJSON() };
    }
    endpoint.postMessage(response);
  }

  return (event) => endpoint.postMessage({ event });
}
