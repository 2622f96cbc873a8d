import { Center, Loader, Alert } from '@mantine/core';
import { Suspense, useMemo } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { AppState } from '../core/rpc/contract';
import { useAppStateQuery } from '../client/api';
import { FirstRun } from './first-run/FirstRun';
import { Shell } from './layout/Shell';
import { DashboardPage } from './pages/DashboardPage';
import { SyncPage } from './pages/SyncPage';
import { SettingsPage } from './pages/SettingsPage';
import { ConflictsPage } from './pages/ConflictsPage';
import { useResumeSync } from './use-resume-sync';
import { useBackupHandOff } from './use-backup-hand-off';
import { useModuleUis } from './module-uis';
import { PageFailure } from './PageFailure';
import { recordPathsOf, RecordLinks } from '../ui/record-links';

export function App() {
  const { data: state, error, isLoading } = useAppStateQuery();
  useResumeSync(state);
  useBackupHandOff(state);
  if (isLoading) return <Opening />;
  if (error || !state) {
    return (
      <Center h="100vh">
        <Alert color="red" title="Outpost could not open its data">
          {error && 'message' in error
            ? error.message
            : 'Reload the window; if it keeps happening, tell your administrator.'}
        </Alert>
      </Center>
    );
  }
  if (state.phase === 'setup') return <FirstRun />;
  return (
    // The modules' UI parts load here, once; a failure says so instead of a blank window.
    <PageFailure resetKey="start">
      <Suspense fallback={<Opening />}>
        <Ready state={state} />
      </Suspense>
    </PageFailure>
  );
}

function Opening() {
  return (
    <Center h="100vh">
      <Loader aria-label="Opening Outpost" />
    </Center>
  );
}

/** The shell with the company's pages and every module's, as the registry lists them. */
function Ready({ state }: { state: Extract<AppState, { phase: 'ready' }> }) {
  const modules = useModuleUis();
  const recordPath = useMemo(() => recordPathsOf(modules), [modules]);
  return (
    <RecordLinks.Provider value={recordPath}>
      <HashRouter>
        <Routes>
          <Route element={<Shell state={state} modules={modules} />}>
            <Route index element={<DashboardPage modules={modules} />} />
            {modules.flatMap((m) =>
              m.ui.routes.map((r) => (
                <Route key={`${m.name} ${r.path}`} path={r.path} element={r.element} />
              )),
            )}
            <Route path="sync" element={<SyncPage orgCode={state.company.orgCode} />} />
            <Route path="conflicts" element={<ConflictsPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Route>
        </Routes>
      </HashRouter>
    </RecordLinks.Provider>
  );
}
