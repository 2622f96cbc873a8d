import path from 'node:path';

/**
 * The layers of DESIGN §7 and issue 10, checked on every import by `npm run lint`
 * (rule `outpost/layers`). A relative import is resolved against the importing file first, so
 * the rule sees where an import lands, not how many `../` it took to get there.
 *
 *   app/                 the shell: reads modules/registry.ts, names no module
 *   modules/<name>/      ui/ → its own api.ts (RPC) · data/ → core · domain/ → pure rules
 *   ui/  client/         shared components; RPC client, api, store, permissions, platform context
 *   core/                the data core (worker and Node): names no module, imports no UI
 *   server/              reads modules/registry.ts only
 *
 * Tests and test helpers wire layers together on purpose (a core test posts Accounts entries
 * as realistic data) and are not checked.
 */

const R = 'src-renderer';
const UI_PACKAGES =
  /^(react|react-dom|react-redux|react-router|@mantine\/.*|@tabler\/.*|@reduxjs\/.*)$/;
const STORAGE_PACKAGES = /^(pouchdb.*|dexie)$/;
/** Parts of the data core that do I/O or hold the session: never below a module's domain or UI. */
const CORE_IO = new RegExp(
  `^${R}/core/(db|index|sync|backup|session|worker|create-core|module-context)(/|$)`,
);

/** @type {{ from: RegExp, forbid: { to?: RegExp, pkg?: RegExp, allowTypes?: boolean, why: string }[] }[]} */
export const LAYERS = [
  {
    from: new RegExp(`^${R}/core/`),
    forbid: [
      {
        to: new RegExp(`^${R}/modules(/|$)`),
        why: 'core/ names no module: modules plug in through modules/registry.ts, which the composition root (src-renderer/worker.ts) reads.',
      },
      {
        to: new RegExp(`^${R}/(app|client|ui)(/|$)`),
        why: 'core/ runs in the worker and in Node: it imports no UI code.',
      },
      { pkg: UI_PACKAGES, why: 'core/ runs in the worker and in Node: no React, no UI packages.' },
    ],
  },
  {
    from: /^server\//,
    forbid: [
      {
        to: new RegExp(`^${R}/modules/(?!registry$)`),
        why: 'server/ reads the list of modules (src-renderer/modules/registry.ts) and names none.',
      },
      { to: new RegExp(`^${R}/(app|client|ui)(/|$)`), why: 'server/ imports no UI code.' },
    ],
  },
  {
    from: new RegExp(`^${R}/modules/[^/]+/domain/`),
    forbid: [
      // A type (a registry's shape, a row's fields) is no I/O; the code behind it is.
      {
        to: CORE_IO,
        allowTypes: true,
        why: 'domain/ is pure rules: no databases, index, sync or session.',
      },
      {
        to: new RegExp(`^${R}/modules/[^/]+/(data|ui)(/|$)`),
        why: 'domain/ is pure rules: it imports neither data/ nor ui/.',
      },
      {
        to: new RegExp(`^${R}/(app|client|ui|platform)(/|$)`),
        why: 'domain/ is pure rules: no UI, no platform, no RPC.',
      },
      { pkg: STORAGE_PACKAGES, why: 'domain/ is pure rules: no storage.' },
      { pkg: UI_PACKAGES, why: 'domain/ is pure rules: no React.' },
      { pkg: /^node:/, why: 'domain/ is pure rules: no files, no network.' },
    ],
  },
  {
    from: new RegExp(`^${R}/modules/[^/]+/ui/`),
    forbid: [
      {
        to: new RegExp(`^${R}/modules/[^/]+/data(/|$)`),
        why: "A module's UI reaches its data only through RPC (its ui/api.ts), never data/.",
      },
      {
        to: CORE_IO,
        why: "A module's UI reaches the data core only through RPC: no databases, index, sync or session.",
      },
      {
        pkg: STORAGE_PACKAGES,
        why: "A module's UI reaches data only through RPC: no PouchDB, no Dexie.",
      },
    ],
  },
  {
    from: new RegExp(`^${R}/modules/`),
    forbid: [
      {
        to: new RegExp(`^${R}/app(/|$)`),
        why: 'app/ sits above the modules (it builds the shell from the registry): use client/ (RPC client, api, store, permissions, platform context).',
      },
    ],
  },
  {
    from: new RegExp(`^${R}/(ui|client)/`),
    forbid: [
      { to: new RegExp(`^${R}/app(/|$)`), why: 'ui/ and client/ sit below app/.' },
      {
        to: new RegExp(`^${R}/modules(/|$)`),
        why: 'ui/ and client/ name no module; app/ reads modules/registry.ts.',
      },
    ],
  },
  {
    from: new RegExp(`^${R}/(app/|main\\.tsx$)`),
    forbid: [
      {
        to: new RegExp(`^${R}/modules/(?!registry$)`),
        why: 'app/ names no module: it builds routes, navigation and the dashboard from modules/registry.ts.',
      },
    ],
  },
];

const TEST_FILE = /(\.test\.tsx?$|(^|\/)testing(\/|\.ts$)|^server\/(test-|.*-test-kit\.ts$))/;
const MODULE_PATH = new RegExp(`^${R}/modules/([^/]+)/(.+)$`);
const MODULE_ROOT_FILE = new RegExp(`^${R}/modules/([^/]+)$`);

/** Where an import lands, repo-relative and without extension; null for a package. */
function landing(file, spec) {
  if (!spec.startsWith('.')) return null;
  return path.posix.join(path.posix.dirname(file), spec).replace(/\.(tsx?|m?js)$/, '');
}

/** A module reaches another only through its index.ts; the module list is read by app, worker and server, not by a module. */
function crossModule(file, target) {
  const from = MODULE_PATH.exec(file);
  if (!from || target === null) return null;
  const [, own] = from;
  const deep = MODULE_PATH.exec(target);
  if (deep && deep[1] !== own && deep[2] !== 'index') {
    return `Reach the ${deep[1]} module only through its index.ts (import '…/modules/${deep[1]}'), not ${deep[2]}.`;
  }
  const root = MODULE_ROOT_FILE.exec(target);
  if (root && root[1] !== own && (root[1] === 'registry' || root[1] === 'contracts')) {
    return `A module does not import the list of modules (modules/${root[1]}.ts).`;
  }
  return null;
}

function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'The layers of DESIGN §7: who may import whom (scripts/eslint-layers.mjs).',
    },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (TEST_FILE.test(file)) return {};
    const layers = LAYERS.filter((l) => l.from.test(file));
    if (layers.length === 0 && !MODULE_PATH.test(file)) return {};

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const target = landing(file, spec);
      const types = typeOnly(node);
      for (const layer of layers) {
        for (const rule of layer.forbid) {
          if (rule.allowTypes && types) continue;
          const hit = rule.to
            ? target !== null && rule.to.test(target)
            : target === null && rule.pkg.test(spec);
          if (hit) {
            context.report({ node: source, message: `'${spec}': ${rule.why}` });
            return;
          }
        }
      }
      const cross = crossModule(file, target);
      if (cross) context.report({ node: source, message: `'${spec}': ${cross}` });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
