import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../../ui/form-errors';
import { usePermissions } from '../../../client/permissions';
import { useLedgerSetupQuery, useSetupStarterChartMutation } from './api';
import { ChartOfAccountsPage } from './ChartOfAccountsPage';
import { LedgerSettingsPage } from './LedgerSettingsPage';
import { MissingSettings } from './MissingSettings';
import { JournalEntryPage } from './JournalEntryPage';
import { JournalListPage } from './JournalListPage';
import { PeriodClosePage } from './PeriodClosePage';
import { ImportExportPage } from './ImportExportPage';
import { BankingPage } from './banking/BankingPage';
import { RatesPage } from './RatesPage';
import { AgedReport } from './trade/AgedReport';
import { PartiesPage } from './trade/PartiesPage';
import { PaymentPage } from './trade/PaymentPage';
import { PaymentViewPage } from './trade/PaymentViewPage';
import { TradeDocPage } from './trade/TradeDocPage';
import { TradeListPage } from './trade/TradeListPage';
import { BalanceSheetReport } from './reports/BalanceSheetReport';
import { GeneralLedgerReport } from './reports/GeneralLedgerReport';
import { ProfitAndLossReport } from './reports/ProfitAndLossReport';
import { ReportsHome } from './reports/ReportsHome';
import { TrialBalanceReport } from './reports/TrialBalanceReport';
import { TaxSummaryReport } from './reports/TaxSummaryReport';

const SECTIONS = [
  { value: 'sales', label: 'Sales' },
  { value: 'purchases', label: 'Purchases' },
  { value: 'parties', label: 'Customers and suppliers' },
  { value: 'banking', label: 'Banking' },
  { value: 'journal', label: 'Journal' },
  { value: 'chart', label: 'Chart of accounts' },
  { value: 'ledger-settings', label: 'Ledger settings' },
  { value: 'reports', label: 'Reports' },
  { value: 'rates', label: 'Exchange rates' },
  { value: 'close', label: 'Period close' },
  { value: 'io', label: 'Import and export' },
];

/** Pages a company needs to set up its own chart; they open before the ledger is ready. */
const SETUP_PAGES = new Set(['chart', 'io', 'ledger-settings']);
/** Pages that only read, and so work before the special accounts are chosen. */
const READ_ONLY_PAGES = new Set(['reports', 'rates', 'parties']);

export function AccountsPage() {
  const { data: setup, isLoading, error } = useLedgerSetupQuery();
  const location = useLocation();
  const navigate = useNavigate();
  if (isLoading) return <Loader aria-label="Loading accounts" />;
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  const first = location.pathname.split('/')[2] ?? 'sales';
  // A company starting from its own chart imports it and picks its special accounts first.
  const started = !!setup && (setup.accounts > 0 || setup.settings !== null);
  if (!setup || (!started && !SETUP_PAGES.has(first)))
    return <SetUpLedger baseCurrency={setup?.baseCurrency ?? ''} />;
  const waiting = !setup.ready && !SETUP_PAGES.has(first) && !READ_ONLY_PAGES.has(first);
  // Receipts and payments belong to the sales and purchases sections.
  const section = first === 'receipts' ? 'sales' : first === 'payments' ? 'purchases' : first;
  return (
    <Stack gap="sm">
      <Title order={2}>Accounts</Title>
      <Tabs value={section} onChange={(v) => v && navigate(`/accounts/${v}`)} className="no-print">
        <Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {s.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {waiting ? (
        <MissingSettings settings={setup.settings} />
      ) : (
        <Routes>
          <Route index element={<Navigate to="sales" replace />} />
          <Route path="sales" element={<TradeListPage key="sales" side="sales" />} />
          <Route path="sales/:id" element={<TradeDocPage key="sales" side="sales" />} />
          <Route path="purchases" element={<TradeListPage key="purchase" side="purchase" />} />
          <Route path="purchases/:id" element={<TradeDocPage key="purchase" side="purchase" />} />
          <Route path="parties" element={<PartiesPage />} />
          <Route path="receipts/new" element={<PaymentPage key="receipt" side="receipt" />} />
          <Route path="payments/new" element={<PaymentPage key="payment" side="payment" />} />
          <Route path="payments/:id" element={<PaymentViewPage />} />
          <Route
            path="reports/aged-receivables"
            element={<AgedReport key="sales" side="sales" />}
          />
          <Route
            path="reports/aged-payables"
            element={<AgedReport key="purchase" side="purchase" />}
          />
          <Route path="banking" element={<BankingPage />} />
          <Route path="journal" element={<JournalListPage />} />
          <Route path="journal/new" element={<JournalEntryPage />} />
          <Route path="journal/:id" element={<JournalEntryPage />} />
          <Route path="chart" element={<ChartOfAccountsPage />} />
          <Route path="reports" element={<ReportsHome />} />
          <Route path="reports/trial-balance" element={<TrialBalanceReport />} />
          <Route path="reports/profit-and-loss" element={<ProfitAndLossReport />} />
          <Route path="reports/balance-sheet" element={<BalanceSheetReport />} />
          <Route path="reports/tax-summary" element={<TaxSummaryReport />} />
          <Route path="reports/ledger/:code" element={<GeneralLedgerReport />} />
          <Route path="close" element={<PeriodClosePage />} />
          <Route path="rates" element={<RatesPage />} />
          <Route path="io" element={<ImportExportPage />} />
          <Route path="ledger-settings" element={<LedgerSettingsPage />} />
          <Route path="*" element={<Navigate to="sales" replace />} />
        </Routes>
      )}
    </Stack>
  );
}

/** A new company has no chart yet: offer the starter chart or the company's own, honestly described. */
function SetUpLedger({ baseCurrency }: { baseCurrency: string }) {
  const [setup, { isLoading, error }] = useSetupStarterChartMutation();
  const { manageMaster } = usePermissions();
  const navigate = useNavigate();
  return (
    <Center mt="xl">
      <Paper withBorder p="xl" maw={620}>
        <Stack>
          <Title order={2}>Set up the chart of accounts</Title>
          <Text>
            Accounts needs a chart of accounts before anything can be posted. The starter chart
            suits a small trading company: bank and cash, receivables and payables, tax, inventory,
            equity with retained earnings, sales, cost of sales and the usual expenses, in{' '}
            {baseCurrency}. It also adds tax codes (standard, reduced, zero, exempt) to adjust to
            your country. You can add, rename and archive accounts afterwards.
          </Text>
          <Text>
            Bringing a chart from another package? Start from your own chart: import it from a CSV
            file (your codes are kept), check the sub-types guessed for each account, then choose
            the special accounts (receivable, payable, retained earnings…) in Ledger settings.
          </Text>
          <Text size="sm" c="dimmed">
            The chart is company master data: only an administrator or head office can create it,
            and every office receives it when it syncs.
          </Text>
          {error && <Alert color="red">{errorMessage(error)}</Alert>}
          {manageMaster ? (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/accounts/io')}>
                Start from my own chart
              </Button>
              <Button onClick={() => setup()} loading={isLoading}>
                Use the starter chart
              </Button>
            </Group>
          ) : (
            <Alert color="blue">
              An administrator or head office sets up the chart of accounts; it arrives on this
              computer when it syncs.
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
