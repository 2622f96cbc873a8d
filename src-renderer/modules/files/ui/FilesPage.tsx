import { ComingLater } from '../../../ui/ComingLater';

export function FilesPage() {
  return (
    <ComingLater
      title="Files"
      intro="Scanned receipts, contracts and other documents attached to records, synced per branch."
      planned={[
        'Upload and attach documents to records',
        'Search by name and tag',
        'Offline copies of each branch’s files',
      ]}
    />
  );
}
