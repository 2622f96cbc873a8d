import { toCsv } from '../../../../core/csv';
import type { ColumnSpec } from './csv';

// The journal CSV layout: its columns (rendered as help on the import screen) and a template.

/** The fields a journal CSV line can carry. */
export type JournalKey =
  | 'date'
  | 'reference'
  | 'account'
  | 'debit'
  | 'credit'
  | 'currency'
  | 'rate'
  | 'memo'
  | 'party'
  | 'branch';

export interface JournalCsvColumn {
  key: JournalKey;
  /** The header to write; matching ignores case, spaces, dashes and underscores. */
  name: string;
  aliases: readonly string[];
  required: boolean;
  description: string;
  example: string;
}

/** The documented file layout; the import screen renders this as help. */
export const JOURNAL_CSV_COLUMNS: readonly JournalCsvColumn[] = [
  {
    key: 'date',
    name: 'date',
    aliases: [],
    required: true,
    description: 'Entry date as YYYY-MM-DD. Must be after the lock date.',
    example: '2026-03-31',
  },
  {
    key: 'reference',
    name: 'entry reference',
    aliases: ['reference', 'ref', 'entry'],
    required: true,
    description:
      'Lines with the same reference form one entry; they must share date, currency and branch, and must balance.',
    example: 'ADJ-0001',
  },
  {
    key: 'account',
    name: 'account code',
    aliases: ['account'],
    required: true,
    description: 'Code of an existing account in the chart (not its name).',
    example: '1200',
  },
  {
    key: 'debit',
    name: 'debit',
    aliases: [],
    required: true,
    description:
      'Debit amount, or empty. Use a point for decimals; thousands separators only inside double quotes ("1,234.50").',
    example: '1234.50',
  },
  {
    key: 'credit',
    name: 'credit',
    aliases: [],
    required: true,
    description: 'Credit amount, or empty. Each line has a debit or a credit, not both.',
    example: '',
  },
  {
    key: 'currency',
    name: 'currency',
    aliases: [],
    required: false,
    description: 'ISO code such as USD. Empty means the company base currency.',
    example: 'USD',
  },
  {
    key: 'rate',
    name: 'rate',
    aliases: ['exchange rate', 'fx rate'],
    required: false,
    description:
      'For a foreign currency: how much one unit is worth in the base currency, e.g. 1.0825. Empty means the exchange rate table on the entry date.',
    example: '1.0825',
  },
  {
    key: 'memo',
    name: 'memo',
    aliases: ['description'],
    required: false,
    description:
      'Text for the line (up to 200 characters). The first memo of an entry also describes the entry.',
    example: 'Accrued rent',
  },
  {
    key: 'party',
    name: 'party',
    aliases: ['party code', 'customer', 'supplier'],
    required: false,
    description:
      'Customer or supplier code or name, for receivable and payable lines. A name two parties share must be given as a code.',
    example: 'C-0042',
  },
  {
    key: 'branch',
    name: 'branch',
    aliases: [],
    required: false,
    description: 'Branch code. Empty means the branch you are importing into.',
    example: 'NYC',
  },
];

export const SPECS: readonly ColumnSpec<JournalKey>[] = JOURNAL_CSV_COLUMNS.map((c) => ({
  key: c.key,
  names: [c.name, ...c.aliases],
  required: c.required,
}));

/** A small file that imports cleanly against a chart with these codes; offered for download. */
export function journalCsvTemplate(): string {
  const rows = [
    JOURNAL_CSV_COLUMNS.map((c) => c.name),
    ['2026-03-31', 'ADJ-0001', '6100', '1,250.00', '', 'USD', '', 'March rent accrual', '', ''],
    ['2026-03-31', 'ADJ-0001', '2100', '', '1250.00', 'USD', '', 'March rent accrual', '', ''],
    [
      '2026-03-31',
      'ADJ-0002',
      '1100',
      '480.00',
      '',
      'USD',
      '',
      'Invoice 1043 correction',
      'C-0042',
      '',
    ],
    ['2026-03-31', 'ADJ-0002', '4000', '', '480.00', 'USD', '', 'Invoice 1043 correction', '', ''],
  ];
  return toCsv(rows);
}
