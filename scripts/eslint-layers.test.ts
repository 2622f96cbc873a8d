import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers (scripts/eslint-layers.mjs) as `npm run lint` enforces them: each case is one
 * import in one file of the real tree, linted with the project's own eslint.config.js.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'outpost/layers' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('imports the layers forbid', () => {
  it.each([
    [
      'src-renderer/core/sync/scheduler.ts',
      "import { accountsModule } from '../../modules/accounts';",
      'core/ names no module',
    ],
    [
      'src-renderer/core/session.ts',
      "import { MODULES } from '../modules/registry';",
      'core/ names no module',
    ],
    [
      'src-renderer/core/rpc/server.ts',
      "import { api } from '../../client/api';",
      'imports no UI code',
    ],
    [
      'server/provision.ts',
      "import { PAYROLL_KIND } from '../src-renderer/modules/payroll';",
      'names none',
    ],
    [
      'src-renderer/modules/accounts/domain/tax.ts',
      "import PouchDB from 'pouchdb-core';",
      'no storage',
    ],
    [
      'src-renderer/modules/accounts/domain/tax.ts',
      "import { useState } from 'react';",
      'no React',
    ],
    [
      'src-renderer/modules/accounts/domain/tax.ts',
      "import { repos } from '../data/ledger-repos';",
      'neither data/ nor ui/',
    ],
    [
      'src-renderer/modules/accounts/domain/io/csv.ts',
      "import { openDb } from '../../../../core/db/pouch';",
      'no databases',
    ],
    [
      'src-renderer/modules/accounts/domain/tax.ts',
      "import { readFile } from 'node:fs/promises';",
      'no files',
    ],
    [
      'src-renderer/modules/accounts/ui/RatesPage.tsx',
      "import { repos } from '../data/ledger-repos';",
      'only through RPC',
    ],
    [
      'src-renderer/modules/accounts/ui/trade/AgedReport.tsx',
      "import { Session } from '../../../../core/session';",
      'only through RPC',
    ],
    [
      'src-renderer/modules/accounts/ui/RatesPage.tsx',
      "import { IndexDb } from '../../../core/index/index-db';",
      'only through RPC',
    ],
    [
      'src-renderer/modules/accounts/ui/RatesPage.tsx',
      "import { usePermissions } from '../../../app/permissions';",
      'app/ sits above the modules',
    ],
    [
      'src-renderer/modules/payroll/ui/PayrollPage.tsx',
      "import { moneyText } from '../../accounts/ui/format';",
      'only through its index.ts',
    ],
    [
      'src-renderer/modules/payroll/index.ts',
      "import { MODULES } from '../registry';",
      'does not import the list of modules',
    ],
    [
      'src-renderer/ui/StatusBar.tsx',
      "import { useModuleUis } from '../app/module-uis';",
      'sit below app/',
    ],
    [
      'src-renderer/client/api.ts',
      "import { accountsContract } from '../modules/accounts';",
      'name no module',
    ],
    [
      'src-renderer/app/App.tsx',
      "import { AccountsPage } from '../modules/accounts/ui/AccountsPage';",
      'app/ names no module',
    ],
    ['server/users.ts', "const roles = ['hq'];", 'ROLES.headOffice'],
    ['src-renderer/client/permissions.ts', 'const member = `branch:${code}`;', 'branchRole()'],
  ])('%s: %s', async (file, code, why) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toContain(why);
  });
});

describe('imports the layers allow', () => {
  it.each([
    [
      'server/design/doc-rules.ts',
      "import { MODULES } from '../../src-renderer/modules/registry';",
    ],
    ['src-renderer/worker.ts', "import { MODULES } from './modules/registry';"],
    ['src-renderer/app/module-uis.ts', "import { MODULES } from '../modules/registry';"],
    [
      'src-renderer/modules/payroll/ui/PayrollPage.tsx',
      "import { accountsContract } from '../../accounts';",
    ],
    [
      'src-renderer/modules/accounts/ui/RatesPage.tsx',
      "import { usePermissions } from '../../../client/permissions';",
    ],
    ['src-renderer/modules/accounts/ui/RatesPage.tsx', "import { moneyText } from './format';"],
    [
      'src-renderer/modules/accounts/domain/banking-schemas.ts',
      "import type { SchemaRegistry } from '../../../core/db/schema-registry';",
    ],
    [
      'src-renderer/modules/accounts/data/ledger-repos.ts',
      "import { Session } from '../../../core/session';",
    ],
    // Tests wire layers together on purpose: a core test posts Accounts entries.
    [
      'src-renderer/core/sync/rotation.integration.test.ts',
      "import { accountsModule } from '../../modules/accounts';",
    ],
  ])('%s: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
