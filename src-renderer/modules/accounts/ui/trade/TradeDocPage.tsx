import { Alert, Loader } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../../../ui/form-errors';
import {
  useTradeAccountsQuery,
  useTradeDocQuery,
  useTradePartiesQuery,
  useTradeSetupQuery,
  useTradeTaxCodesQuery,
} from './api';
import { IssuedTradeDoc } from './IssuedTradeDoc';
import { TradeEditor } from './TradeEditor';
import type { TradeSideUi } from './trade-labels';

/**
 * One invoice, credit note, bill or supplier credit. Routes (same under /accounts/purchases):
 * /accounts/sales/new?kind=invoice|credit&creditFor=<id> (a `new` static route, or `:id` = "new")
 * and /accounts/sales/:id. Drafts open in the editor; issued documents read-only.
 */
export function TradeDocPage({ side }: { side: TradeSideUi }) {
  const { id: rawId } = useParams();
  const [params] = useSearchParams();
  const id = rawId && rawId !== 'new' ? rawId : null;
  const setup = useTradeSetupQuery();
  const parties = useTradePartiesQuery();
  const accounts = useTradeAccountsQuery();
  const taxCodes = useTradeTaxCodesQuery();
  // currentData, not data: moving from one document to another must not show the previous one.
  const doc = useTradeDocQuery({ id: id ?? '' }, { skip: !id });
  const view = id ? doc.currentData : undefined;
  const creditForId = id ? (view?.doc.creditFor ?? null) : params.get('creditFor');
  const original = useTradeDocQuery({ id: creditForId ?? '' }, { skip: !creditForId });
  const originalDoc = creditForId ? original.currentData?.doc : undefined;

  const failure =
    setup.error ?? parties.error ?? accounts.error ?? taxCodes.error ?? doc.error ?? original.error;
  if (failure) return <Alert color="red">{errorMessage(failure)}</Alert>;
  if (
    !setup.data ||
    !parties.data ||
    !accounts.data ||
    !taxCodes.data ||
    (id && !view) ||
    (creditForId && !originalDoc)
  ) {
    return <Loader aria-label="Loading document" />;
  }
  if (!setup.data.ready || !setup.data.settings) {
    return (
      <Alert color="yellow">
        Set up the chart of accounts first (Accounts → Set up) before issuing documents.
      </Alert>
    );
  }
  const baseCurrency = setup.data.baseCurrency;
  const common = {
    side,
    parties: parties.data,
    accounts: accounts.data,
    taxCodes: taxCodes.data,
    baseCurrency,
  };
  if (view && view.doc.side !== side) {
    return (
      <Alert color="yellow">
        This document belongs to {view.doc.side === 'sales' ? 'Sales' : 'Purchases'}.
      </Alert>
    );
  }
  if (view && view.readOnly) return <IssuedTradeDoc {...common} view={view} />;

  const kind = view
    ? view.doc.kind
    : params.get('kind') === 'credit' || creditForId
      ? 'credit'
      : 'invoice';
  const settings = setup.data.settings;
  return (
    <TradeEditor
      key={view ? view.doc._id : `new-${kind}-${creditForId ?? ''}`}
      {...common}
      kind={kind}
      initial={view ? view.doc : null}
      creditFor={originalDoc ?? null}
      defaultAccount={
        side === 'sales' ? settings.defaultSalesAccount : settings.defaultPurchaseAccount
      }
    />
  );
}
