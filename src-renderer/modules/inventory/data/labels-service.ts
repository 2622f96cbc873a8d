import { OutpostError } from '../../../core/errors';
import type { ModuleContext } from '../../../core/module-context';
import type { PdfFile } from '../../../core/pdf/document';
import type { SheetLayoutId } from '../../../core/pdf/sheet';
import { labelSheetPdf, type LabelRequest } from './labels';
import { cachedItems, inventoryRepos } from './repos';
import { validLocale } from './report-pdf';

export interface LabelsPdfRequest {
  /** Items in the order their labels are wanted, each with its number of labels. */
  items: { item: string; copies: number }[];
  layout: SheetLayoutId;
  /** Labels already used on the first sheet. */
  skip?: number;
  /** A price list's id to print prices from; absent: labels without a price. */
  priceList?: string | null;
  locale?: string;
  /** The clerk's date, for the file's name. */
  today: string;
}

/**
 * Label sheets for items read from master: name, SKU, first barcode (else the SKU as Code 128)
 * and, when a price list is chosen, that list's price. An item the list does not price prints
 * without one rather than a wrong price.
 */
export async function labelsPdf(s: ModuleContext, q: LabelsPdfRequest): Promise<PdfFile> {
  if (!Array.isArray(q.items) || q.items.length === 0)
    throw new OutpostError('validation', 'Choose at least one item to print labels for.');
  const byId = new Map((await cachedItems(s)).map((i) => [i._id, i]));
  let prices: Map<string, number> | null = null;
  let currency = '';
  if (q.priceList) {
    const list = (await inventoryRepos(s).priceLists.list()).find((p) => p._id === q.priceList);
    if (!list) throw new OutpostError('validation', 'That price list is not on this device.');
    prices = new Map(list.prices.map((p) => [p.item, p.price]));
    currency = list.currency;
  }
  const requests: LabelRequest[] = q.items.map(({ item: id, copies }) => {
    const item = byId.get(id);
    if (!item) throw new OutpostError('validation', 'One of the items is not on this device.');
    const price = prices?.get(id);
    return {
      copies,
      item: {
        name: item.name,
        sku: item.sku,
        barcode: item.barcodes[0] ?? null,
        price: price === undefined ? null : { minor: price, currency },
      },
    };
  });
  const company = (await s.company()).name;
  return labelSheetPdf(requests, {
    layout: q.layout,
    company,
    locale: validLocale(q.locale),
    skip: q.skip ?? 0,
    date: q.today,
  });
}
