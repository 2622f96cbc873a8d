import type { ModuleWorker } from '../../core/module';
import { OutpostError } from '../../core/errors';
import type { ModuleContext } from '../../core/module-context';
import type { HandlersOf } from '../../core/rpc/define';
import type { AccountsContract } from './rpc-contract';
import { starterChart, starterSettings, starterTaxCodes } from './domain/starter-chart';
import { listDocs } from './data/doc-list';
import { ledgerProjection } from './data/ledger-projection';
import { saveAccount, setupStarterChart, setupStatus } from './data/chart-of-accounts';
import {
  discardDraft,
  getJournal,
  postJournal,
  reverseJournal,
  saveJournalDraft,
} from './data/journal-entries';
import { repos } from './data/ledger-repos';
import { closeYear, setLockDate } from './data/period-close';
import { saveLedgerSettings } from './data/ledger-settings';
import { closeYearAllBranches, yearCloseStatus } from './data/year-close-branches';
import { balanceSheet, generalLedger, profitAndLoss, trialBalance } from './data/reports';
import { agedReport, openItems } from './data/open-items';
import { saveParty } from './data/parties';
import { getTradeDoc, issueTradeDoc, saveTradeDraft } from './data/trade-documents';
import { recordPayment } from './data/trade-payments';
import { getPayment } from './data/payment-view';
import { withPaymentHeads } from './data/ledger-heads';
import { todayLocal } from '../../core/dates';
import { exportHledger, importChartCsv, importJournalCsv } from './data/io-service';
import { accountsDashboard } from './data/dashboard';
import { bankingProjection } from './data/banking-projection';
import { bankingHandlers } from './banking-handlers';
import { pdfHandlers } from './pdf-handlers';
import { taxSummary } from './data/tax-summary';
import { listRates, rateFor, saveRate } from './data/rates-service';

const chart = (s: ModuleContext) => s.cachedMaster('accounts', () => repos(s).accounts.list());

/** Reports see everything the index holds once the writes so far have been projected. */
async function settled(s: ModuleContext): Promise<ModuleContext> {
  await s.settle();
  return s;
}

/** Accounts' worker part (core/module.ts): the ledger and banking projections and every RPC handler. */
export const accountsWorker: ModuleWorker = {
  projections: [ledgerProjection, bankingProjection],
  handlers(session): HandlersOf<AccountsContract> {
    return {
      ...bankingHandlers(session),
      ...pdfHandlers(session),
      'accounts.getSetup': () => setupStatus(session()),
      'accounts.setupStarterChart': async () => {
        const s = session();
        const company = await s.company();
        return setupStarterChart(s, {
          accounts: starterChart(company.baseCurrency),
          taxCodes: starterTaxCodes().map((t) => ({ ...t, archived: t.archived ?? false })),
          settings: { ...starterSettings(), lockDate: null },
        });
      },
      'accounts.saveLedgerSettings': (input) => saveLedgerSettings(session(), input),
      'accounts.listAccounts': async () =>
        (await repos(session()).accounts.list()).sort((a, b) => (a.code < b.code ? -1 : 1)),
      'accounts.saveAccount': (input) => saveAccount(session(), input),
      'accounts.listTaxCodes': () => repos(session()).taxCodes.list(),
      'accounts.listParties': () => repos(session()).parties.list(),
      'accounts.saveJournalDraft': (input) => saveJournalDraft(session(), input),
      'accounts.discardDraft': (input) => discardDraft(session(), input),
      'accounts.postJournal': (input) => postJournal(session(), input),
      'accounts.reverseJournal': (input) => reverseJournal(session(), input),
      'accounts.getJournal': async ({ id }) => getJournal(await settled(session()), id),
      'accounts.listDocs': async (q) => listDocs((await settled(session())).index, q),
      'accounts.setLockDate': ({ lockDate }) => setLockDate(session(), lockDate),
      'accounts.closeYear': ({ yearEnd }) => closeYear(session(), yearEnd),
      'accounts.closeYearAllBranches': ({ yearEnd }) => closeYearAllBranches(session(), yearEnd),
      'accounts.yearCloseStatus': ({ yearEnd }) => yearCloseStatus(session(), yearEnd),
      'accounts.trialBalance': async (q) => {
        const s = await settled(session());
        return trialBalance(s.index, await chart(s), q.asOf, q.branch ?? null);
      },
      'accounts.profitAndLoss': async (q) => {
        const s = await settled(session());
        return profitAndLoss(s.index, await chart(s), { ...q, branch: q.branch ?? null });
      },
      'accounts.balanceSheet': async (q) => {
        const s = await settled(session());
        const { fiscalYearStartMonth } = await s.company();
        return balanceSheet(s.index, await chart(s), {
          ...q,
          branch: q.branch ?? null,
          fiscalYearStartMonth,
        });
      },
      'accounts.saveParty': (input) => saveParty(session(), input),
      'accounts.saveTradeDraft': (input) => saveTradeDraft(session(), input),
      'accounts.issueTradeDoc': (input) => issueTradeDoc(session(), input),
      'accounts.getTradeDoc': ({ id }) => getTradeDoc(session(), id),
      'accounts.recordPayment': (input) => recordPayment(session(), input),
      'accounts.getPayment': ({ id }) => getPayment(session(), id),
      'accounts.openItems': async (q) =>
        openItems((await settled(session())).index, {
          side: q.side,
          partyId: q.partyId,
          branch: q.branch ?? null,
          today: todayLocal(),
          asOf: q.asOf,
        }),
      'accounts.agedReport': async (q) =>
        agedReport((await settled(session())).index, {
          side: q.side,
          asOf: q.asOf,
          branch: q.branch ?? null,
        }),
      'accounts.importJournalCsv': ({ csv }) => importJournalCsv(session(), csv),
      'accounts.importChartCsv': ({ csv, subtypes }) => importChartCsv(session(), csv, subtypes),
      'accounts.exportHledger': (q) => exportHledger(session(), q),
      'accounts.listRates': () => listRates(session()),
      'accounts.saveRate': (input) => saveRate(session(), input),
      'accounts.rateFor': ({ currency, date }) => rateFor(session(), currency, date),
      'accounts.taxSummary': async (q) => {
        const s = await settled(session());
        return taxSummary(s.index, await chart(s), {
          from: q.from,
          to: q.to,
          branch: q.branch ?? null,
        });
      },
      'accounts.dashboard': async (q) => {
        const s = await settled(session());
        return accountsDashboard(s.index, await chart(s), q.asOf ?? todayLocal(), q.branch ?? null);
      },
      'accounts.generalLedger': async (q) => {
        const s = await settled(session());
        const account = (await chart(s)).find((a) => a.code === q.account);
        if (!account) throw new OutpostError('not-found', `There is no account ${q.account}.`);
        const page = await generalLedger(s.index, account, { ...q, branch: q.branch ?? null });
        return withPaymentHeads(s.index, page);
      },
    };
  },
};
