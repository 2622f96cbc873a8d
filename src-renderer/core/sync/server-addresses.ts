import { z } from 'zod';
import type { SyncProblem } from '../rpc/contract';

/**
 * Several addresses of one sync service (the nodes of a CouchDB cluster, issue 9 §18), in the
 * order the administrator gave them: the first is preferred, the others are used while it
 * cannot be reached. Every node holds the same users and data, so the same credentials work.
 */

const ADDRESS = /^https?:\/\/[^/\s,;]+(\/[^\s,;]*)?$/i;

/** The server address in every form that takes credentials (connect, join, sign in). */
export const serverUrlSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/i, 'Enter the server address, e.g. http://server:5984.');

/** The other addresses of the same service, preferred first (cluster nodes, for failover). */
export const serverUrlsSchema = z
  .array(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/i, 'Each server address starts with http:// or https://.'),
  )
  .max(10)
  .optional();

export interface ParsedAddresses {
  urls: string[];
  /** What was typed but is not an http(s) address, to name in the error. */
  invalid: string[];
}

/** One address per line, or several separated by commas; trailing slashes and repeats dropped. */
export function parseServerAddresses(text: string): ParsedAddresses {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const item = raw.trim();
    if (!item) continue;
    if (!ADDRESS.test(item)) {
      invalid.push(item);
      continue;
    }
    const url = item.replace(/\/+$/, '');
    if (!urls.includes(url)) urls.push(url);
  }
  return { urls, invalid };
}

/** The ordered list behind a set of credentials: `serverUrls` when given, else the single `serverUrl`. */
export function addressesOf(creds: {
  serverUrl: string;
  serverUrls?: readonly string[];
}): string[] {
  const list =
    creds.serverUrls && creds.serverUrls.length > 0 ? creds.serverUrls : [creds.serverUrl];
  return parseServerAddresses(list.join('\n')).urls;
}

/** What asking one address gave. `answered`: a CouchDB server replied, whatever it said. */
export type AddressOutcome =
  | { kind: 'up'; user: { name: string; roles: string[] } }
  /** `retryAfterMs`: how long a locked-out user must wait, as the server said. */
  | { kind: 'refused'; problem: SyncProblem; retryAfterMs?: number }
  | { kind: 'down'; problem: SyncProblem };

/**
 * Which address to sync with, from the outcomes of asking them in order: the first that is up.
 * When none is up, the problem to show: a refusal (wrong password, locked user) is about the
 * user, not the node, and wins; among unreachable nodes the most telling reason is shown (a CORS
 * refusal says what to fix, a busy server that it is there, "cannot reach" the least).
 */
export function chooseAddress(
  urls: readonly string[],
  outcomes: readonly AddressOutcome[],
):
  | { url: string; user: { name: string; roles: string[] } }
  | { url: null; problem: SyncProblem; refused: boolean; retryAfterMs?: number } {
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    if (o.kind === 'up') return { url: urls[i]!, user: o.user };
  }
  const refused = outcomes.find((o) => o.kind === 'refused');
  if (refused?.kind === 'refused')
    return {
      url: null,
      problem: refused.problem,
      refused: true,
      retryAfterMs: refused.retryAfterMs,
    };
  const rank = (p: SyncProblem) => ['cors', 'server', 'not-found', 'network'].indexOf(p.kind);
  const problems = outcomes
    .flatMap((o) => (o.kind === 'up' ? [] : [o.problem]))
    .sort((a, b) => rank(a) - rank(b));
  return {
    url: null,
    problem: problems[0] ?? { kind: 'network', message: 'No sync server address is set.' },
    refused: false,
  };
}
