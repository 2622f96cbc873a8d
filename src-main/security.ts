/**
 * Window and session hardening (DESIGN §6). The policy decisions are pure functions so they
 * can be tested without Electron; `hardenWebContents` / `hardenSession` only wire them up.
 */
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'outpost';
/** The renderer's one origin. The sync server's CORS config must allow exactly this. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

/**
 * Served as a header on every app:// response, workers included, because a dedicated worker
 * gets its CSP from its own response and the data core (PouchDB) lives in one.
 * style-src needs 'unsafe-inline' because Mantine sets inline styles; connect-src allows any
 * http(s) host because the CouchDB URL is typed in by the user at runtime.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for URLs on the app's own origin; the one place the renderer may navigate to. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Navigation policy: anything but the app itself would put remote content in a privileged window. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Links the renderer may hand to the OS browser. Only http(s): `file:`, `smb:` or custom
 * handlers could run programs; embedded credentials are refused because they are phishing bait.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname !== '';
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** Decides what `window.open` / target=_blank does: never a new Electron window. */
export function handleWindowOpen(url: string, shell: ExternalOpener): { action: 'deny' } {
  if (isSafeExternalUrl(url)) {
    shell.openExternal(url).catch(() => {
      // The OS may have no browser registered; nothing useful to do from main.
    });
  }
  return { action: 'deny' };
}

export function hardenWebContents(contents: WebContents, shell: ExternalOpener): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  // No <webview>: it would be a second, less hardened renderer.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => handleWindowOpen(url, shell));
}

export function hardenSession(session: Session): void {
  // The app needs no camera, geolocation, notifications or the like; ask nobody.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
