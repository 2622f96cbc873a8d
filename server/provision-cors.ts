import type { CouchClient } from './couch-client';
import { configTargets, readSettingEverywhere, writeConfigEverywhere } from './cluster';
import type { ConfigSetting, NodeFailure } from './cluster';
import { parseOriginList } from './cors';

/**
 * CORS settings written by provisioning. A browser (web mode, the shared-service centre) and
 * the desktop app (`app://outpost`) call the server from another origin and send the sync
 * credentials, so CouchDB must name each origin exactly — no wildcard ports, no `*` with
 * credentials — and must have CORS switched on, on every node.
 */

/**
 * Origins every install needs: the desktop app, `npm start` (the web build on port 4173, see
 * scripts/start.ts) and `npm run dev` (Vite, 5173), each as 127.0.0.1 and localhost because
 * the browser sends whichever the address bar shows. A shared-service deployment adds the
 * https origin it serves `dist/` from with `--cors-origin`.
 */
export const DEFAULT_CORS_ORIGINS = [
  'app://outpost',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];

export interface CorsReport {
  /** Written on every node the server listed. */
  configured: boolean;
  /** The server has no writable config (nothing was changed). */
  supported: boolean;
  /** The full list now allowed: what was there before plus what provisioning adds. */
  origins: string[];
  /** Nodes where every CORS setting was written. */
  nodes: string[];
  failed: NodeFailure[];
}

const ORIGIN = /^(https?|app):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/;

/**
 * An origin as the browser sends it: scheme, host and port, nothing else. Pasting the whole
 * address bar (`https://books.example.com/outpost/`) is the usual mistake, so say what to keep.
 */
export function normaliseOrigin(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  const lower = trimmed.replace(/^[a-z]+:\/\/[^/]*/i, (m) => m.toLowerCase());
  if (lower === '*') {
    throw new Error(
      'A CORS origin cannot be "*": browsers refuse to send the sign-in with it. List each address, e.g. https://books.example.com.',
    );
  }
  if (!ORIGIN.test(lower)) {
    const keep = /^([a-z]+:\/\/[^/?#]+)/i.exec(lower)?.[1];
    throw new Error(
      `"${input}" is not a browser origin: give only the scheme, host and port` +
        (keep && ORIGIN.test(keep) ? `, e.g. ${keep}` : ', e.g. https://books.example.com') +
        '.',
    );
  }
  // The browser leaves the default port out of the Origin header, so must we.
  return lower
    .replace(/^http:\/\/(.+):80$/, 'http://$1')
    .replace(/^https:\/\/(.+):443$/, 'https://$1');
}

export function corsSettings(origins: string[]): ConfigSetting[] {
  return [
    // CouchDB 3.2+ reads [chttpd] enable_cors, 3.0–3.1 [httpd]; the other key is ignored.
    ['chttpd', 'enable_cors', 'true'],
    ['httpd', 'enable_cors', 'true'],
    ['cors', 'origins', origins.join(', ')],
    ['cors', 'credentials', 'true'],
    ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
    ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
  ];
}

/**
 * Adds the origins to what every node already allows (running provisioning again, e.g. for a
 * new branch, must not drop the shared-service origin given last time) and writes the same
 * list to every node, so a cluster behaves alike whichever node a browser reaches.
 */
export async function configureCors(couch: CouchClient, wanted: string[]): Promise<CorsReport> {
  const targets = await configTargets(couch);
  const existing = (await readSettingEverywhere(couch, targets, 'cors', 'origins')).flatMap(
    parseOriginList,
  );
  const origins = [...new Set([...existing, ...wanted])];
  const written = await writeConfigEverywhere(couch, targets, corsSettings(origins));
  return {
    configured: written.supported && written.failed.length === 0,
    supported: written.supported,
    origins,
    nodes: written.nodes,
    failed: written.failed,
  };
}

/** Lines for the operator: which origins, on which nodes, and what to do about a failure. */
export function describeCors(report: CorsReport): string[] {
  if (!report.supported) {
    return ['  CORS: this server has no writable config; left alone (see docs/ADMIN.md, CORS).'];
  }
  const lines = [`  CORS origins allowed: ${report.origins.join(', ')}`];
  if (report.nodes.length > 0) lines.push(`  CORS written on: ${report.nodes.join(', ')}`);
  for (const f of report.failed) {
    lines.push(`  CORS NOT written on ${f.node}: ${f.reason}`);
  }
  if (report.failed.length > 0) {
    lines.push(
      '  Browsers and the desktop app that reach those nodes will be refused. Check the node is up',
      '  (GET /_membership lists it in both lists), then run this command again.',
    );
  }
  return lines;
}
