import type { ModuleContext } from '../../core/module-context';
import type { HandlersOf } from '../../core/rpc/define';
import { reportPdf } from './data/report-pdf';
import { tradeDocPdf, tradeDocPdfs } from './data/trade-doc-pdf';
import type { pdfContract } from './pdf-contract';

/** The worker's PDF handlers (pdf-contract.ts); worker.ts joins them to the rest of Accounts'. */
export function pdfHandlers(session: () => ModuleContext): HandlersOf<typeof pdfContract> {
  return {
    'accounts.reportPdf': (q) => reportPdf(session(), q),
    'accounts.tradeDocPdf': ({ id, ...options }) => tradeDocPdf(session(), id, options),
    'accounts.tradeDocPdfs': ({ ids, ...options }) => tradeDocPdfs(session(), ids, options),
  };
}
