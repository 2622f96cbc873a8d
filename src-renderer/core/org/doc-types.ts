import type { SchemaRegistry } from '../db/schema-registry';
import {
  branchSchema,
  companySchema,
  deviceSchema,
  type Branch,
  type Company,
  type Device,
} from './schemas';

/** The company's own documents: the first types every office syncs. */
export function registerOrgTypes(registry: SchemaRegistry): void {
  registry.register<Company>({
    type: 'company',
    words: 'company',
    version: 1,
    schema: companySchema,
    home: 'master',
    title: (c) => c.name,
    searchText: (c) => `${c.name} ${c.orgCode} ${c.baseCurrency}`,
  });
  registry.register<Branch>({
    type: 'branch',
    words: 'branch',
    version: 1,
    schema: branchSchema,
    home: 'master',
    title: (b) => `${b.code} — ${b.name}`,
    searchText: (b) => `${b.code} ${b.name} ${b.currency}`,
  });
  registry.register<Device>({
    type: 'device',
    words: 'device',
    version: 1,
    schema: deviceSchema,
    home: 'master',
    title: (d) => `${d.branchCode}-${d.letter} ${d.label}`,
    searchText: (d) => `${d.branchCode} ${d.letter} ${d.label}`,
  });
}
