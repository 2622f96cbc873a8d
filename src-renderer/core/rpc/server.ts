import { OutpostError } from '../errors';
import type { CoreEvent, HostMessage, RpcRequest, RpcResponse } from './contract';
import type { Contract } from './define';

/**
 * One served method. The wire is untyped (whatever the UI thread sent), so the served map
 * takes any handler: each area types its own map completely with HandlersOf<its contract>.
 * (Method syntax makes the parameter bivariant, so a typed handler fits.)
 */
export type RpcHandler = { bivarianceHack(params: unknown): Promise<unknown> }['bivarianceHack'];

/** Every method the core serves, by name: core's own map and each module's, joined. */
export type RpcHandlers = Readonly<Record<string, RpcHandler>>;

/**
 * Joins each area's handlers into the served map, checked against its contract at start-up:
 * a declared method with no handler, a handler for no declared method, or a method two areas
 * both declare is a build mistake, named here rather than found by a clerk's click.
 */
export function joinHandlers(
  parts: readonly { area: string; contract: Contract; handlers: RpcHandlers }[],
): RpcHandlers {
  const served: Record<string, RpcHandler> = {};
  const problems: string[] = [];
  for (const { area, contract, handlers } of parts) {
    for (const method of Object.keys(contract)) {
      if (method in served) problems.push(`"${method}" is declared twice (again by ${area})`);
      else if (typeof handlers[method] !== 'function')
        problems.push(`${area} has no handler for "${method}"`);
      else served[method] = handlers[method];
    }
    for (const method of Object.keys(handlers)) {
      if (!(method in contract))
        problems.push(`${area} handles "${method}", which its contract does not declare`);
    }
  }
  if (problems.length > 0) throw new Error(`The RPC map is inconsistent: ${problems.join('; ')}.`);
  return served;
}

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
