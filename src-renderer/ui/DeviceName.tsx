import { useDevicesQuery } from '../client/api';

/**
 * A device as people know it ("NYC-A Front desk PC") instead of its id. Until the list is
 * read, or for a device this computer has not heard of, it says "another device".
 */
export function DeviceName({ id }: { id: string }) {
  const { data: devices } = useDevicesQuery();
  const d = devices?.find((x) => x._id === id);
  if (!d) return <span title={id}>another device</span>;
  return (
    <span title={id}>
      {d.branchCode}-{d.letter}
      {d.label ? ` ${d.label}` : ''}
    </span>
  );
}
