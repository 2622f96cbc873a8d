/**
 * `npm start` in browser mode runs a demo sync server and names it in a
 * <meta name="outpost-demo-server"> of the page it serves (scripts/demo-offer.ts). Anywhere
 * else (Electron, a real install, `npm run dev`) there is no such tag and no offer.
 */
export interface DemoOffer {
  serverUrl: string;
  orgCode: string;
  branchCode: string;
  headOffice: { username: string; password: string };
  branchOffice: { username: string; password: string };
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isUser = (v: unknown): v is DemoOffer['headOffice'] =>
  typeof v === 'object' &&
  v !== null &&
  isText((v as Record<string, unknown>).username) &&
  isText((v as Record<string, unknown>).password);

export function parseDemoOffer(v: unknown): DemoOffer | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!isText(o.serverUrl) || !/^https?:\/\//.test(o.serverUrl)) return null;
  if (!isText(o.orgCode) || !isText(o.branchCode)) return null;
  if (!isUser(o.headOffice) || !isUser(o.branchOffice)) return null;
  return {
    serverUrl: o.serverUrl,
    orgCode: o.orgCode,
    branchCode: o.branchCode,
    headOffice: o.headOffice,
    branchOffice: o.branchOffice,
  };
}

/** The demo offer, or null when there is none — never throws (no offer is the usual case). */
export function readDemoOffer(doc: Document = document): DemoOffer | null {
  const content = doc.querySelector('meta[name="outpost-demo-server"]')?.getAttribute('content');
  if (!content) return null;
  try {
    return parseDemoOffer(JSON.parse(content));
  } catch {
    return null;
  }
}
