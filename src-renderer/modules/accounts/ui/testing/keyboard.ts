/** A small chart and a field's name for the keyboard tests of the journal and invoice editors. */

const account = (code: string, name: string, kind = 'expense', subtype = 'expense') => ({
  code,
  name,
  kind,
  subtype,
  isGroup: false,
  archived: false,
  currency: null,
});

/** 41000 beside 4100, so a test sees that "4100" picks the exact code. */
export const CHART = [
  account('1000', 'Cash on hand', 'asset', 'cash'),
  account('1200', 'Operating account', 'asset', 'bank'),
  account('41000', 'Sales to related companies', 'income', 'sales'),
  account('4100', 'Sales — consulting', 'income', 'sales'),
  account('6100', 'Office supplies'),
  account('6700', 'Bank charges'),
];

/** What a screen reader calls the focused field: its aria-label, else its label's text. */
export function nameOf(el: Element | null): string {
  if (!el) return '';
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  return el.getAttribute('aria-label') ?? label?.textContent?.trim() ?? el.tagName;
}
