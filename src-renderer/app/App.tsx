import { Center, Loader, Alert } from '@mantine/core';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useAppStateQuery } from './api';
import { FirstRun } from './first-run/FirstRun';
import { Shell } from './layout/Shell';
import { DashboardPage } from './pages/DashboardPage';
import { SyncPage } from './pages/SyncPage';
import { SettingsPage } from './pages/SettingsPage';
import { ConflictsPage } from './pages/ConflictsPage';
import { useResumeSync } from './use-resume-sync';
import { AccountsPage } from '../modules/accounts/ui/AccountsPage';
import { PayrollPage } from '../modules/payroll/ui/PayrollPage';
import { InventoryPage } from '../modules/inventory/ui/InventoryPage';
import { FilesPage } from '../modules/files/ui/FilesPage';

export function App() {
  const { data: state, error, isLoading } = useAppStateQuery();
  useResumeSync(state);
  if (isLoading) {
    return (
      <Center h="100vh">
        <Loader aria-label="Opening Outpost" />
      </Center>
    );
  }
  if (error || !state) {
    return (
      <Center h="100vh">
        <Alert color="red" title="Outpost could not open its data">
          {error && 'message' in error ? error.message : 'Reload the window; if it keeps happening, tell your administrator.'}
        </Alert>
      </Center>
    );
  }
  if (state.phase === 'setup') return <FirstRun />;
  return (
    <HashRouter>
      <Routes>
        <Route element={<Shell state={state} />}>
          <Route index element={<DashboardPage />} />
          <Route path="accounts/*" element={<AccountsPage />} />
          <Route path="payroll" element={<PayrollPage />} />
          <Route path="inventory" element={<InventoryPage />} />
          <Route path="files" element={<FilesPage />} />
          <Route path="sync" element={<SyncPage orgCode={state.company.orgCode} />} />
          <Route path="conflicts" element={<ConflictsPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
