import { Alert } from '@mantine/core';
import type { SyncOverview } from '../../core/rpc/contract';
import { syncProblemOf, syncProblemTitle } from '../../ui/status-text';

/**
 * What stops sync for the whole company (server refuses the app, user locked, wrong password),
 * said once at the top of the Sync page rather than only on each database's row.
 */
export function SyncProblemNotice({ sync }: { sync: SyncOverview }) {
  const problem = syncProblemOf(sync);
  if (!problem || problem.kind === 'denied' || problem.kind === 'not-found') return null;
  return (
    <Alert
      color={problem.kind === 'network' ? 'orange' : 'red'}
      title={syncProblemTitle(problem.kind)}
      data-testid="sync-problem"
    >
      {problem.message}
    </Alert>
  );
}
