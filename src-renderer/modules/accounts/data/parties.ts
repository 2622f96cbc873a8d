import { OutpostError } from '../../../core/errors';
import { parseOrThrow } from '../../../core/db/validation';
import { COMPANY_WIDE } from '../../../core/org/schemas';
import type { ModuleContext } from '../../../core/module-context';
import { partyFieldsSchema, type Party } from '../domain/schemas';
import { tradeRepos } from './trade-repos';

/** Customers and suppliers: one list on master, codes unique. */

export async function saveParty(
  s: ModuleContext,
  input: { id?: string; fields: unknown },
): Promise<Party> {
  const fields = parseOrThrow(
    partyFieldsSchema,
    input.fields,
    'The customer or supplier was not saved.',
  );
  const r = tradeRepos(s).parties;
  const clash = (await r.list()).find((p) => p.code === fields.code && p._id !== input.id);
  if (clash)
    throw new OutpostError('validation', `Code ${fields.code} is already used by ${clash.name}.`, {
      code: 'This code is already used.',
    });
  return input.id ? r.update(input.id, fields) : r.create(fields, COMPANY_WIDE);
}
