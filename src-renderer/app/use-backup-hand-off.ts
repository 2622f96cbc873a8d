import { useEffect, useRef } from 'react';
import type { AppState } from '../core/rpc/contract';
import { usePlatform } from '../client/platform-context';
import { handOffAutomaticBackups } from './pages/BackupSection';

/**
 * Once the company is open, the automatic backup taken before an upgrade (kept by the core)
 * moves to the desktop app's backups folder at once, not only when someone opens Settings:
 * the folder is where the admin guide tells people to look.
 */
export function useBackupHandOff(state: AppState | undefined): void {
  const platform = usePlatform();
  const done = useRef(false);
  const ready = state?.phase === 'ready';
  useEffect(() => {
    if (!ready || done.current || !platform.backups?.folder) return;
    done.current = true;
    // A failure leaves the backup in the core's own store; Settings → Backup tries again.
    void handOffAutomaticBackups(platform).catch(() => undefined);
  }, [ready, platform]);
}
