import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  handleWindowOpen,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isNavigationAllowed,
  isSafeExternalUrl,
} from './security';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is strict where it can be', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('worker-src')).toBe("'self' blob:");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('relaxes only what Mantine and a user-configured sync server need', () => {
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('connect-src')).toBe("'self' http: https:");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });
});

describe('navigation policy', () => {
  it('allows only the app origin', () => {
    expect(APP_ORIGIN).toBe('app://outpost');
    expect(isNavigationAllowed('app://outpost/')).toBe(true);
    expect(isNavigationAllowed('app://outpost/sync')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5984/',
      'file:///etc/passwd',
      'app://outpost.evil.com/',
      'app://evil/',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      '',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
    expect(isAppUrl('app://outpost@evil/')).toBe(false);
  });
});

describe('external links', () => {
  it('accepts plain http(s) links only', () => {
    expect(isSafeExternalUrl('https://docs.example.com/guide')).toBe(true);
    expect(isSafeExternalUrl('http://intranet.local/wiki')).toBe(true);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'https://user:pass@example.com/',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('always denies new windows and opens only safe links externally', () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    expect(handleWindowOpen('https://example.com/', shell)).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    shell.openExternal.mockClear();
    expect(handleWindowOpen('file:///etc/passwd', shell)).toEqual({ action: 'deny' });
    expect(handleWindowOpen('app://outpost/other', shell)).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation away from the app and denies window.open', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    hardenWebContents(contents as unknown as WebContents, shell);

    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();

    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://outpost/settings');
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'http://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: {
      url: string;
    }) => unknown;
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    hardenSession(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    const callback = vi.fn();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      request({}, permission, callback);
    }
    expect(callback).toHaveBeenCalledTimes(5);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
  });
});
