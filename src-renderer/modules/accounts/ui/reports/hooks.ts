import { useAppStateQuery, useBranchesQuery } from '../../../../client/api';
import { useLedgerSetupQuery } from '../api';
import { isIsoDate } from './dates';

export const CONSOLIDATED_LABEL = 'All branches (consolidated)';

/** Base currency and fiscal year for reports; sensible fallbacks while they load. */
export function useReportSettings(): {
  currency: string;
  fiscalYearStartMonth: number;
  loading: boolean;
} {
  const { data: setup } = useLedgerSetupQuery();
  const { data: state, isLoading } = useAppStateQuery();
  const company = state?.phase === 'ready' ? state.company : null;
  return {
    currency: setup?.baseCurrency ?? company?.baseCurrency ?? 'USD',
    fiscalYearStartMonth: company?.fiscalYearStartMonth ?? 1,
    /** True until the company (and so the fiscal year) is known. */
    loading: isLoading,
  };
}

/** Select options: '' is the whole company. */
export function useBranchOptions(): { value: string; label: string }[] {
  const { data: branches } = useBranchesQuery();
  return [
    { value: '', label: CONSOLIDATED_LABEL },
    ...(branches ?? [])
      .filter((b) => !b.archived)
      .map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` })),
  ];
}

export function useBranchLabel(branch: string): string {
  const options = useBranchOptions();
  return options.find((o) => o.value === branch)?.label ?? branch;
}

/** The RPC's branch scope: '' (consolidated) becomes null. */
export function branchScope(branch: string): string | null {
  return branch === '' ? null : branch;
}

/** Error text for a date field, or undefined when it is fine. */
export function dateError(value: string, notBefore?: string): string | undefined {
  if (!isIsoDate(value)) return 'Enter a date.';
  if (notBefore && isIsoDate(notBefore) && value < notBefore)
    return 'Must be on or after the start date.';
  return undefined;
}
