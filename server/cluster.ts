import type { CouchClient } from './couch-client';

/**
 * Server settings (`_config`) on every node. In a CouchDB 3 cluster each node keeps its own
 * config: a setting written through `/_node/_local/_config` reaches only the node that
 * happened to answer, and browsers sent to any other node are refused. So we ask
 * `/_membership` for the nodes and write each setting through `/_node/<name>/_config`.
 * pouchdb-server answers `/_membership` with its one pretend node, which works the same way.
 */

/** One `_config` setting: section, key, value (CouchDB stores every value as a string). */
export type ConfigSetting = [section: string, key: string, value: string];

export interface ConfigTarget {
  /** What the operator reads: a node name, or how the server was reached. */
  node: string;
  /** Path prefix ending in `/_config`. */
  prefix: string;
}

export interface NodeFailure {
  node: string;
  reason: string;
}

export interface ConfigWriteResult {
  /** Nodes where every setting was written. */
  nodes: string[];
  /** Nodes where at least one setting was refused or the node did not answer. */
  failed: NodeFailure[];
  /** False when the server has no writable config at all (nothing was attempted). */
  supported: boolean;
}

interface Membership {
  all_nodes?: unknown;
  cluster_nodes?: unknown;
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [];
}

/** Node names keep their `@` readable; anything else unusual in a path is encoded. */
export function nodeConfigPrefix(node: string): string {
  return `/_node/${encodeURIComponent(node).replace(/%40/g, '@')}/_config`;
}

/**
 * Where to write config. Every node `/_membership` lists (the configured `cluster_nodes`
 * and the connected `all_nodes`: a node configured but down must show up as a failure,
 * not be skipped). Without `/_membership`, the node that answers, then the pre-2.0 `/_config`.
 */
export async function configTargets(couch: CouchClient): Promise<ConfigTarget[]> {
  const membership = await couch.request<Membership>('GET', '/_membership');
  if (membership.status === 200 && membership.body && typeof membership.body === 'object') {
    const nodes = [
      ...new Set([...names(membership.body.cluster_nodes), ...names(membership.body.all_nodes)]),
    ];
    if (nodes.length > 0) return nodes.map((node) => ({ node, prefix: nodeConfigPrefix(node) }));
  }
  for (const [node, prefix] of [
    ['the node that answered (_local)', '/_node/_local/_config'],
    ['the server (/_config)', '/_config'],
  ] as const) {
    const probe = await couch.request('GET', `${prefix}/cors`);
    if (probe.status === 200) return [{ node, prefix }];
  }
  return [];
}

function reasonOf(status: number, body: unknown): string {
  const b = (body ?? {}) as { error?: unknown; reason?: unknown };
  const text = [b.reason, b.error].find((x) => typeof x === 'string' && x.length > 0);
  return `HTTP ${status}${text ? `: ${String(text)}` : ''}`;
}

/** Reads one setting on every target; a node that does not answer simply adds nothing. */
export async function readSettingEverywhere(
  couch: CouchClient,
  targets: ConfigTarget[],
  section: string,
  key: string,
): Promise<string[]> {
  const values: string[] = [];
  for (const t of targets) {
    const r = await couch.request('GET', `${t.prefix}/${section}/${key}`).catch(() => null);
    if (r?.status === 200 && typeof r.body === 'string') values.push(r.body);
  }
  return values;
}

/** Writes every setting on every target; a failure on one node does not stop the others. */
export async function writeConfigEverywhere(
  couch: CouchClient,
  targets: ConfigTarget[],
  settings: ConfigSetting[],
): Promise<ConfigWriteResult> {
  const result: ConfigWriteResult = { nodes: [], failed: [], supported: targets.length > 0 };
  for (const t of targets) {
    let failure: string | null = null;
    for (const [section, key, value] of settings) {
      let r;
      try {
        r = await couch.request('PUT', `${t.prefix}/${section}/${key}`, value);
      } catch (e) {
        failure = (e as Error).message;
        break;
      }
      if (!r.ok) {
        failure = `[${section}] ${key} was refused (${reasonOf(r.status, r.body)})`;
        break;
      }
    }
    if (failure === null) result.nodes.push(t.node);
    else result.failed.push({ node: t.node, reason: failure });
  }
  return result;
}
