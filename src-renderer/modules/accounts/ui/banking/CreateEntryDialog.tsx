import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { formatDate } from '../../../../core/format';
import { useState } from 'react';
import { errorMessage } from '../../../../ui/form-errors';
import { RecordPicker } from '../../../../ui/inputs/RecordPicker';
import type { BankLineView } from '../../banking-contract';
import type { Account } from '../../domain/schemas';
import { moneyText } from '../format';
import { useBankingCreateEntryMutation } from './api';
import { defaultContra, rememberContra } from './contra-default';

/** Posts an entry for a bank line the books lack (a fee, interest) against the account the clerk picks, and matches it at once. */
export function CreateEntryDialog({
  account,
  currency,
  line,
  accounts,
  onClose,
}: {
  account: string;
  currency: string;
  line: BankLineView;
  accounts: Account[];
  onClose: () => void;
}) {
  const [create, { isLoading, error }] = useBankingCreateEntryMutation();
  const [contra, setContra] = useState<string | null>(() =>
    defaultContra(account, line.amount, accounts),
  );
  const [memo, setMemo] = useState(line.description || line.counterparty);
  const options = accounts
    .filter((a) => !a.isGroup && !a.archived && a.code !== account)
    .map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));

  async function submit() {
    if (!contra) return;
    const res = await create({ account, statementLine: line.id, contraAccount: contra, memo });
    if ('data' in res) {
      rememberContra(account, line.amount, contra);
      onClose();
    }
  }

  return (
    <Modal opened onClose={onClose} title="Create an entry for this bank line">
      <Stack gap="sm">
        <Text size="sm">
          {formatDate(line.date)} · {line.description || line.counterparty} ·{' '}
          <b>{moneyText(line.amount, currency)}</b>
        </Text>
        <Text size="xs" c="dimmed">
          Posts a journal entry dated {formatDate(line.date)}:{' '}
          {line.amount < 0
            ? 'the account below is debited and the bank credited'
            : 'the bank is debited and the account below credited'}
          . It is matched to this line at once.
        </Text>
        {/* Focused on arrival but closed: an open list would cover the buttons below. */}
        <RecordPicker
          label="Other account"
          placeholder={
            line.amount < 0
              ? 'Bank charges, or what the money paid for'
              : 'Interest received, or what the money is for'
          }
          data={options}
          value={contra}
          onChange={setContra}
          data-autofocus
        />
        <TextInput
          label="Memo"
          value={memo}
          onChange={(e) => setMemo(e.currentTarget.value)}
          maxLength={500}
        />
        {error && <Alert color="red">{errorMessage(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!contra} loading={isLoading}>
            Post and match
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
