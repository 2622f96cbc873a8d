import { useAppStateQuery } from '../../../client/api';

/** The company's base currency (every stock value is in it) and the branch this device books into. */
export function useInventoryContext(): { currency: string; branch: string } {
  const { data } = useAppStateQuery();
  return data?.phase === 'ready'
    ? { currency: data.company.baseCurrency, branch: data.branch.code }
    : { currency: '', branch: '' };
}
