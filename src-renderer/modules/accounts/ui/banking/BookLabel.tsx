import type { BookLineView } from '../../banking-contract';
import { formatDate } from '../../../../core/format';

export function BookLabel({ line }: { line: BookLineView }) {
  return (
    <span>
      {formatDate(line.date)} · {line.number || 'Entry'}
      {line.memo ? ` · ${line.memo}` : ''}
      {line.reference ? ` · ${line.reference}` : ''}
    </span>
  );
}
