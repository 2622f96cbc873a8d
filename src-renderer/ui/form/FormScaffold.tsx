import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from '../form-errors';
import { showServerError } from './server-error';

export interface FormApi {
  /** The message for a field path ("code", "lines.0.account"), from the schema or the core. */
  error(path: string): string | undefined;
  saving: boolean;
}

/** What `onSubmit` may return: an RTK Query mutation result, or nothing (throwing also works). */
type SubmitResult = { error: unknown } | { data: unknown } | void | undefined;

export interface FormScaffoldProps<S extends z.ZodType> {
  schema: S;
  /** The form's values as typed (drafts may hold nulls); `schema` checks them before anything is sent. */
  values: unknown;
  onSubmit(parsed: z.output<S>): Promise<SubmitResult>;
  /** Called after a save the core accepted. */
  onSaved?(): void;
  submitLabel: string;
  /** Buttons beside submit (Cancel, Delete). */
  actions?: ReactNode;
  children(form: FormApi): ReactNode;
  'aria-label'?: string;
}

/**
 * A form with the same rules on both sides: the zod schema the core checks runs first, so
 * errors appear beside their fields without a round trip; once submitted they follow the
 * clerk's corrections. The submit button is disabled while saving. A refusal from the core
 * lands on its field when it names one, else in an alert above the buttons.
 */
export function FormScaffold<S extends z.ZodType>({
  schema,
  values,
  onSubmit,
  onSaved,
  submitLabel,
  actions,
  children,
  ...aria
}: FormScaffoldProps<S>) {
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [server, setServer] = useState<{ fields: FieldErrors; alert: string | null }>({
    fields: {},
    alert: null,
  });

  const check = schema.safeParse(values);
  const local: FieldErrors = submitted && !check.success ? zodFieldErrors(check.error) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    setSubmitted(true);
    setServer({ fields: {}, alert: null });
    if (!check.success) return;
    setSaving(true);
    try {
      const res = await onSubmit(check.data);
      if (res && 'error' in res) setServer(showServerError(res.error));
      else {
        setSubmitted(false);
        onSaved?.();
      }
    } catch (err) {
      setServer(showServerError(err));
    } finally {
      setSaving(false);
    }
  }

  const form: FormApi = { error: (path) => local[path] ?? server.fields[path], saving };
  return (
    <form onSubmit={submit} noValidate aria-label={aria['aria-label']}>
      <Stack gap="sm">
        {children(form)}
        {server.alert && (
          <Alert color="red" role="alert">
            {server.alert}
          </Alert>
        )}
        <Group justify="flex-end">
          {actions}
          <Button type="submit" loading={saving} disabled={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
