import { BRANCH_CODE, ORG_CODE } from '../src-renderer/core/org/schemas';
import { remoteDbName } from '../src-renderer/core/db/names';
import { databaseName, readerRoles, type DatabaseKind } from '../src-renderer/core/db/kinds';
import { ALL_ROLES } from '../src-renderer/core/roles';
import { appKinds, appRegistry, docRules, type DocRule } from './design/doc-rules';
import { allKinds, createRegistry } from '../src-renderer/core/app-registry';
import type { CoreModule } from '../src-renderer/core/module';
import { CouchClient, dbPath, docPath } from './couch-client';
import type { AdminCredentials } from './couch-client';
import { validateDocUpdateSource } from './design/validate';
import type { SecurityObject, ValidateOptions } from './design/validate';
import { DEFAULT_CORS_ORIGINS, configureCors, normaliseOrigin } from './provision-cors';
import type { CorsReport } from './provision-cors';

export { addUser, disableUser, resetPassword } from './users';
export type { AddUserOptions } from './users';
export { DEFAULT_CORS_ORIGINS, describeCors } from './provision-cors';
export type { CorsReport } from './provision-cors';

/**
 * Creates (or brings up to date) an organisation's databases on a CouchDB-compatible
 * server: the databases, their `_security` and the `_design/outpost` validation. Safe to
 * run again at any time — e.g. after adding a branch or upgrading Outpost.
 */

export interface ProvisionOptions {
  url: string;
  admin: AdminCredentials;
  org: string;
  branches: string[];
  /**
   * Browser origins to allow (scheme://host:port) besides DEFAULT_CORS_ORIGINS: e.g. the https
   * address a shared-service centre opens Outpost at. Added to what the server already allows.
   */
  corsOrigins?: string[];
  /**
   * The modules whose databases and document types to provision: the app's list
   * (modules/registry.ts) unless a test brings its own.
   */
  modules?: readonly CoreModule[];
}

export interface ProvisionReport {
  databases: { name: string; created: boolean; designUpdated: boolean }[];
  cors: CorsReport;
}

/** Roles of the master database's members: every Outpost role reads the company data. */
export const MASTER_MEMBER_ROLES: readonly string[] = ALL_ROLES;

export const DESIGN_DOC_ID = '_design/outpost';

interface DbPlan {
  name: string;
  security: SecurityObject;
  validate: ValidateOptions;
}

/**
 * The databases of an organisation, from the declared kinds (core's master and branch and the
 * modules'): company-wide ones first, then each branch's. Who may read is `_security`; who may
 * write is validate_doc_update (design/validate.ts), both from the same declaration.
 */
export function planDatabases(
  org: string,
  branches: string[],
  kinds: readonly DatabaseKind[] = appKinds(),
): DbPlan[] {
  if (!ORG_CODE.test(org)) {
    throw new Error(
      `"${org}" is not a valid organisation code: use 2–30 lowercase letters, digits or dashes, starting with a letter.`,
    );
  }
  const codes = [
    ...new Set(branches.map((b) => b.trim().toUpperCase()).filter((b) => b.length > 0)),
  ];
  for (const code of codes) {
    if (!BRANCH_CODE.test(code)) {
      throw new Error(
        `"${code}" is not a valid branch code: use 2–6 capital letters or digits, starting with a letter.`,
      );
    }
  }
  const plan = (kind: DatabaseKind, branch: string | null): DbPlan => ({
    name: remoteDbName(org, databaseName(kind, branch ?? undefined)),
    security: {
      admins: { names: [], roles: [...(kind.admins ?? [])] },
      members: { names: [], roles: readerRoles(kind, branch) },
    },
    validate: branch ? { kind: kind.kind, branch } : { kind: kind.kind },
  });
  const plans: DbPlan[] = kinds.filter((k) => k.scope === 'company').map((k) => plan(k, null));
  for (const code of codes) {
    for (const kind of kinds.filter((k) => k.scope === 'branch')) plans.push(plan(kind, code));
  }
  return plans;
}

export async function provision(opts: ProvisionOptions): Promise<ProvisionReport> {
  const couch = new CouchClient(opts.url, opts.admin);
  const kinds = opts.modules ? allKinds(opts.modules) : appKinds();
  const rules = docRules(opts.modules ? createRegistry(opts.modules) : appRegistry());
  const plans = planDatabases(opts.org, opts.branches, kinds);
  // Checked before anything is written: a bad origin changes nothing.
  const origins = [...DEFAULT_CORS_ORIGINS, ...(opts.corsOrigins ?? []).map(normaliseOrigin)];

  // CouchDB 3 needs _users for sign-in; pouchdb-server has it already (412 = exists).
  await couch.expect('Create the _users database', 'PUT', '/_users', undefined, [201, 202, 412]);

  const databases: ProvisionReport['databases'] = [];
  for (const plan of plans) {
    const created = await couch.expect(
      `Create database ${plan.name}`,
      'PUT',
      dbPath(plan.name),
      undefined,
      [201, 202, 412],
    );
    await couch.expect(
      `Set who may use ${plan.name}`,
      'PUT',
      `${dbPath(plan.name)}/_security`,
      plan.security,
      [200, 201],
    );
    const designUpdated = await ensureDesignDoc(couch, plan, rules, kinds);
    databases.push({ name: plan.name, created: created.status !== 412, designUpdated });
  }
  return { databases, cors: await configureCors(couch, [...new Set(origins)]) };
}

/** Writes `_design/outpost` when it is missing or its validation differs. */
async function ensureDesignDoc(
  couch: CouchClient,
  plan: DbPlan,
  rules: Record<string, DocRule>,
  kinds: readonly DatabaseKind[],
): Promise<boolean> {
  const path = docPath(plan.name, DESIGN_DOC_ID);
  const source = validateDocUpdateSource(plan.validate, rules, kinds);
  const current = await couch.expect<{ _rev?: string; validate_doc_update?: string }>(
    `Read the validation of ${plan.name}`,
    'GET',
    path,
    undefined,
    [200, 404],
  );
  if (current.status === 200 && current.body.validate_doc_update === source) return false;
  const doc = {
    _id: DESIGN_DOC_ID,
    ...(current.status === 200 && current.body._rev ? { _rev: current.body._rev } : {}),
    language: 'javascript',
    validate_doc_update: source,
  };
  await couch.expect(`Install the validation of ${plan.name}`, 'PUT', path, doc, [200, 201, 202]);
  return true;
}
