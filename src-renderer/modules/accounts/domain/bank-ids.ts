import { z } from 'zod';

/**
 * How a bank names an account in its statement files: the IBAN in camt.053, a bank id
 * (routing number, sort code) and account id in OFX. A file holding several accounts is split
 * by these, so each is written without spaces and in capitals to compare as the bank writes it.
 */

export const compactId = (raw: string) => raw.replace(/[\s\u00a0]+/g, '').toUpperCase();

/** ISO 13616 check digits: the rearranged IBAN read as a number leaves 1 divided by 97. */
export function ibanChecks(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) =>
    String(c.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

export const ibanSchema = z
  .string()
  .transform(compactId)
  .refine(
    (v) => v === '' || ibanChecks(v),
    'This is not a valid IBAN (a country code, two check digits and the account number, e.g. DE89 3704 0044 0532 0130 00). Check it against a bank statement.',
  );

export const bankAccountIdSchema = z
  .string()
  .transform(compactId)
  .refine((v) => v.length <= 34, 'The account number is longer than 34 characters.');

export const bankIdSchema = z
  .string()
  .transform(compactId)
  .refine((v) => v.length <= 20, 'The bank id is longer than 20 characters.');

export interface BankIds {
  iban: string;
  bankId: string;
  bankAccountId: string;
}

/**
 * Does a statement's account (as the file names it) belong to this bank account? An IBAN or
 * account number must be equal; a bank id, when both sides give one, must be equal too.
 */
export function sameBankAccount(
  file: { accountId: string; iban: string | null; bankId?: string },
  mine: Partial<BankIds>,
): boolean {
  const fileIds = [file.iban ?? '', file.accountId].map(compactId).filter(Boolean);
  const ours = [mine.iban ?? '', mine.bankAccountId ?? ''].filter(Boolean);
  if (!fileIds.some((id) => ours.includes(id))) return false;
  const fileBank = compactId(file.bankId ?? '');
  return !fileBank || !mine.bankId || fileBank === mine.bankId;
}
