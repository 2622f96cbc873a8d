import { Textarea } from '@mantine/core';
import { parseServerAddresses } from '../core/sync/server-addresses';

/**
 * The sync server's address, or several (the nodes of a cluster, issue 9 §18): one per line or
 * separated by commas. The first is used whenever it answers; the others stand in while it is down.
 */
export function ServerAddressesInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(value: string): void;
  error?: string;
}) {
  return (
    <Textarea
      label="Server URL"
      description="Several addresses of the same server, one per line: the first is used, the others while it is down."
      rows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/**
 * The form's addresses as the core takes them: `serverUrl` the first, `serverUrls` all of them
 * when there are several. Returns an error sentence when something typed is not an address.
 */
export function withAddresses<T extends { serverUrl: string }>(
  form: T,
): { ok: true; value: T & { serverUrls?: string[] } } | { ok: false; error: string } {
  const { urls, invalid } = parseServerAddresses(form.serverUrl);
  if (invalid.length > 0) {
    return {
      ok: false,
      error: `“${invalid[0]}” is not a server address. Each address starts with http:// or https://, e.g. http://server:5984.`,
    };
  }
  // Nothing typed: the core says what is missing, in its own words.
  if (urls.length === 0) return { ok: true, value: form };
  return {
    ok: true,
    value: { ...form, serverUrl: urls[0]!, ...(urls.length > 1 ? { serverUrls: urls } : {}) },
  };
}

/** The addresses as the form shows them, one per line. */
export const addressesText = (
  urls: readonly string[] | undefined,
  url: string | null | undefined,
): string => (urls && urls.length > 0 ? urls.join('\n') : (url ?? ''));
