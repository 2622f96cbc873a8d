import type { BookLineView } from '../../banking-contract';

export function BookLabel({ line }: { line: BookLineView }) {
  return (
    <span>
      {line.date} · {line.number || 'Entry'}
      {line.memo ? ` · ${line.memo}` : ''}
      {line.reference ? ` · ${line.reference}` : ''}
    </span>
  );
}
