import { useEffect, useRef } from 'react';
import type { AppState } from '../core/rpc/contract';
import { rpc } from './api';
import { loadCredentials } from './credentials';
import { usePlatform } from './platform-context';

/** On start, hands the saved sync credentials from the vault to the core, once. */
export function useResumeSync(state: AppState | undefined): void {
  const platform = usePlatform();
  const done = useRef(false);
  const orgCode = state?.phase === 'ready' ? state.company.orgCode : null;
  useEffect(() => {
    if (!orgCode || done.current) return;
    done.current = true;
    void (async () => {
      const status = await rpc().call('sync.getStatus', undefined);
      if (status.configured) return;
      const creds = await loadCredentials(platform.vault, orgCode);
      if (creds) await rpc().call('sync.connect', creds);
    })().catch(() => undefined);
  }, [orgCode, platform]);
}
