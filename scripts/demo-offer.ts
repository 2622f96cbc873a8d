/**
 * In browser mode `npm start` runs a demo sync server beside the app and names it to the app in
 * a <meta name="outpost-demo-server"> added to the index page it serves, so the first run can
 * offer it and a newcomer sees two offices syncing without hunting for the Sync page. Only
 * `npm start`'s preview server adds it — never a build, so packaged apps have no such offer —
 * and, being in the page, asking for it costs no request (and no 404 where there is none).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export interface DemoOffer {
  serverUrl: string;
  orgCode: string;
  branchCode: string;
  /** Who creates the company (head office) and who joins it from the second office. */
  headOffice: { username: string; password: string };
  branchOffice: { username: string; password: string };
}

/** The offer for the server `serve --demo` starts (its users are in server/cli.ts). */
export function demoOffer(serverUrl: string): DemoOffer {
  return {
    serverUrl,
    orgCode: 'demo',
    branchCode: 'HQ',
    headOffice: { username: 'demo-admin', password: 'demo-admin-pass' },
    branchOffice: { username: 'demo-clerk', password: 'demo-clerk-pass' },
  };
}

const escapeAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The index page with the offer in a meta tag (the renderer reads it in first-run/demo-offer.ts). */
export function withDemoOffer(html: string, offer: DemoOffer): string {
  const meta = `<meta name="outpost-demo-server" content="${escapeAttr(JSON.stringify(offer))}" />`;
  // Before </head>: <meta charset> stays first, where browsers look for it.
  return html.replace(/<\/head>/i, (end) => `  ${meta}\n  ${end}`);
}

/**
 * Serves the index page (the app uses hash routes, so only / and /index.html) with the offer
 * once the server is ready; anything else, or before that, goes on to the static files.
 */
export function demoOfferHandler(current: () => DemoOffer | undefined, indexFile: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0];
    const offer = current();
    if (!offer || (path !== '/' && path !== '/index.html')) return next();
    readFile(indexFile, 'utf8').then(
      (html) => {
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(withDemoOffer(html, offer));
      },
      () => next(),
    );
  };
}

export function demoOfferPlugin(current: () => DemoOffer | undefined, indexFile: string): Plugin {
  return {
    name: 'outpost-demo-offer',
    configurePreviewServer(server) {
      server.middlewares.use(demoOfferHandler(current, indexFile));
    },
  };
}
