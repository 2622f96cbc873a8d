import { useEffect, useRef } from 'react';
import type { AppState } from '../core/rpc/contract';
import { rpc } from '../client/api';
import { loadCredentials, resumableCredentials } from './credentials';
import { usePlatform } from '../client/platform-context';

/** On start, hands the saved sync credentials from the vault to the core, once (never after a sign-out). */
export function useResumeSync(state: AppState | undefined): void {
  const platform = usePlatform();
  const done = useRef(false);
  const ready = state?.phase === 'ready' ? state : null;
  const orgCode = ready?.company.orgCode ?? null;
  const signedOut = ready?.signedOut ?? false;
  const userName = ready?.user?.name ?? null;
  useEffect(() => {
    if (!orgCode || done.current) return;
    done.current = true;
    void (async () => {
      const status = await rpc().call('sync.getStatus', undefined);
      if (status.configured) return;
      const user = userName ? { name: userName } : null;
      const creds = resumableCredentials(
        { signedOut, user },
        await loadCredentials(platform.vault, orgCode),
      );
      if (creds) await rpc().call('sync.connect', creds);
    })().catch(() => undefined);
  }, [orgCode, platform, signedOut, userName]);
}
