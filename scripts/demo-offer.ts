/**
 * In browser mode `npm start` runs a demo sync server beside the app. The app asks for
 * ./demo-server.json on its first run to offer that server, so a newcomer sees two offices
 * syncing without hunting for the Sync page. Served only by `npm start`'s preview server —
 * never part of a build, so packaged apps and real servers have no such offer.
 */
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

/** Answers /demo-server.json with the offer once the server is ready, 404 before or without. */
export function demoOfferHandler(current: () => DemoOffer | undefined) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    const offer = current();
    res.statusCode = offer ? 200 : 404;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(offer ? JSON.stringify(offer) : '{}');
  };
}

export function demoOfferPlugin(current: () => DemoOffer | undefined): Plugin {
  return {
    name: 'outpost-demo-offer',
    configurePreviewServer(server) {
      server.middlewares.use('/demo-server.json', demoOfferHandler(current));
    },
  };
}
