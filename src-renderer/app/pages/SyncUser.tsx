import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { countOf } from '../../core/format';
import { useState, type FormEvent } from 'react';
import { isHeadOffice, userBranches } from '../../core/org/device-config';
import { branchesOfRoles, ROLES, SERVER_ADMIN_ROLE } from '../../core/roles';
import type { AppState, SyncOverview } from '../../core/rpc/contract';
import { errorFields, errorMessage, type FieldErrors } from '../../ui/form-errors';
import { heldBackText } from '../../ui/status-text';
import { useSignInMutation, useSignOutMutation } from '../../client/api';
import { forgetCredentials, replaceCredentials } from '../credentials';
import { usePlatform } from '../../client/platform-context';
import { addressesText, ServerAddressesInput, withAddresses } from '../ServerAddressesInput';

/**
 * Who is signed in on this computer, and the shared-desktop actions (issue 4): Switch user
 * checks the new credentials with the server before replacing the old ones; Sign out stops sync
 * and removes the stored password, so the next person must enter their own.
 */
type Ready = Extract<AppState, { phase: 'ready' }>;

const ROLE_TEXT: Record<string, string> = {
  [ROLES.admin]: 'Administrator',
  [ROLES.headOffice]: 'Head office',
  [ROLES.manager]: 'Manager',
  [ROLES.bookkeeper]: 'Bookkeeper',
  [ROLES.clerk]: 'Clerk',
  [ROLES.payroll]: 'Payroll',
  [SERVER_ADMIN_ROLE]: 'Server administrator',
};

export function rolesText(roles: string[]): string {
  // Branch memberships are listed under Branches (branchesText).
  const named = roles
    .filter((r) => branchesOfRoles([r]).length === 0)
    .map((r) => ROLE_TEXT[r] ?? r);
  return named.length ? named.join(', ') : 'No role';
}

export function branchesText(user: { name: string; roles: string[] }): string {
  if (isHeadOffice(user)) return 'Every branch (head office)';
  const mine = userBranches(user);
  return mine.length ? mine.join(', ') : 'No branch';
}

function pendingNote(pending: number): string | null {
  if (pending === 0) return null;
  const n = countOf(pending, 'change');
  return `${n} made on this computer ${pending === 1 ? 'has' : 'have'} not reached the server yet. Nothing is lost: they stay here and are sent when a user who may send them is signed in.`;
}

export function SignedInCard({
  state,
  sync,
  orgCode,
}: {
  state: Ready;
  sync: SyncOverview;
  orgCode: string;
}) {
  const platform = usePlatform();
  const [signOut, signingOut] = useSignOutMutation();
  const [mode, setMode] = useState<'idle' | 'switch' | 'sign-out'>('idle');
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const name = state.user?.name ?? sync.server?.username ?? '';

  async function confirmSignOut() {
    setNotice(null);
    const res = await signOut();
    if ('error' in res) {
      setNotice({ color: 'red', text: errorMessage(res.error) });
      return;
    }
    setMode('idle');
    if (!(await forgetCredentials(platform.vault, orgCode))) {
      setNotice({
        color: 'orange',
        text: 'Signed out. The saved password could not be removed from this computer’s password store, but Outpost will not use it again. Tell your administrator.',
      });
    }
  }

  return (
    <Card withBorder data-testid="signed-in">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>
              Signed in as <span data-testid="signed-in-user">{name}</span>
            </Text>
            <Text size="sm" c="dimmed">
              Records you save are marked “{state.userName}”. Server{' '}
              {sync.server?.using ?? sync.server?.url}
              {sync.server?.using && sync.server.using !== sync.server.url
                ? ` (standing in for ${sync.server.url}, which cannot be reached)`
                : ''}
              .
            </Text>
          </div>
          {mode === 'idle' && (
            <Group gap="xs">
              <Button variant="default" onClick={() => setMode('switch')}>
                Switch user
              </Button>
              <Button variant="subtle" color="red" onClick={() => setMode('sign-out')}>
                Sign out
              </Button>
            </Group>
          )}
        </Group>
        {state.user ? (
          <SimpleGrid cols={2} spacing="xs">
            <Text size="sm" data-testid="signed-in-roles">
              Roles: {rolesText(state.user.roles)}
            </Text>
            <Text size="sm" data-testid="signed-in-branches">
              Branches: {branchesText(state.user)}
            </Text>
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            The server has not confirmed this user’s roles yet; they appear as soon as it can be
            reached.
          </Text>
        )}
        {mode === 'sign-out' && (
          <Alert color="orange" title="Sign out of this computer?">
            <Stack gap="xs">
              <Text size="sm">
                Sync stops and the saved password is removed, so the next person must enter their
                own. Everything typed on this computer stays here.
              </Text>
              {pendingNote(sync.pending) && <Text size="sm">{pendingNote(sync.pending)}</Text>}
              <Group gap="xs">
                <Button
                  color="red"
                  size="xs"
                  loading={signingOut.isLoading}
                  onClick={() => void confirmSignOut()}
                >
                  Sign out now
                </Button>
                <Button variant="default" size="xs" onClick={() => setMode('idle')}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {mode === 'switch' && (
          <SignInForm
            orgCode={orgCode}
            serverUrl={addressesText(sync.server?.urls, sync.server?.url ?? state.serverUrl)}
            title="Switch user"
            intro={`Enter the next person’s username and password. They are checked with the server first; if they are wrong, ${name} stays signed in.`}
            note={pendingNote(sync.pending)}
            submitLabel="Switch user"
            onCancel={() => setMode('idle')}
            onDone={(stored, who) => {
              setMode('idle');
              setNotice(
                stored
                  ? { color: 'teal', text: `${who} is signed in now.` }
                  : {
                      color: 'orange',
                      text: `${who} is signed in, but the password could not be stored safely on this computer; it will be asked for again next time.`,
                    },
              );
            }}
          />
        )}
        {notice && (
          <Alert color={notice.color} data-testid="sign-in-notice">
            {notice.text}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** After a sign-out: nobody is signed in, the next person signs in with their own credentials. */
export function SignedOutCard({ state, orgCode }: { state: Ready; orgCode: string }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <Card withBorder data-testid="signed-out">
      <Stack gap="xs">
        <Text fw={600}>Nobody is signed in on this computer</Text>
        <Text size="sm" c="dimmed">
          Nothing syncs until someone signs in. What you type meanwhile is kept here and marked “
          {state.userName}”.
        </Text>
        <SignInForm
          orgCode={orgCode}
          serverUrl={addressesText(state.serverUrls, state.serverUrl)}
          title="Sign in"
          intro="Enter your own username and password; the server checks them before anything changes."
          note={null}
          submitLabel="Sign in"
          onDone={(stored, who) =>
            setDone(
              stored
                ? null
                : `${who} is signed in, but the password could not be stored safely on this computer; it will be asked for again next time.`,
            )
          }
        />
        {done && <Alert color="orange">{done}</Alert>}
      </Stack>
    </Card>
  );
}

interface SignInFormProps {
  orgCode: string;
  serverUrl: string;
  title: string;
  intro: string;
  note: string | null;
  submitLabel: string;
  onDone(stored: boolean, who: string): void;
  onCancel?(): void;
}

/** Username and password of the next person; the vault entry is replaced only once the server accepted them. */
function SignInForm({
  orgCode,
  serverUrl,
  title,
  intro,
  note,
  submitLabel,
  onDone,
  onCancel,
}: SignInFormProps) {
  const platform = usePlatform();
  const [signIn, signingIn] = useSignInMutation();
  const [form, setForm] = useState({ serverUrl, username: '', password: '', displayName: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const creds = withAddresses(form);
    if (!creds.ok) {
      setErrors({ serverUrl: creds.error });
      return;
    }
    const res = await signIn(creds.value);
    if ('error' in res) {
      setErrors(errorFields(res.error));
      setFailure(errorMessage(res.error));
      setForm((f) => ({ ...f, password: '' }));
      return;
    }
    setErrors({});
    const { serverUrl: url, serverUrls, username, password } = creds.value;
    const stored = await replaceCredentials(platform.vault, orgCode, {
      serverUrl: url,
      ...(serverUrls ? { serverUrls } : {}),
      username: username.trim(),
      password,
    });
    onDone(stored, username.trim());
  }

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Text size="sm">{intro}</Text>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        <ServerAddressesInput
          value={form.serverUrl}
          onChange={(v) => setForm({ ...form, serverUrl: v })}
          error={errors.serverUrl}
        />
        <SimpleGrid cols={3}>
          <TextInput
            label="Username"
            autoComplete="username"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.currentTarget.value })}
            error={errors.username}
            data-autofocus
          />
          <TextInput
            label="Password"
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={errors.password}
          />
          <TextInput
            label="Name on records (optional)"
            description="Empty: the name this user used here before, or the username."
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })}
            error={errors.displayName}
          />
        </SimpleGrid>
        {failure && (
          <Alert color="red" data-testid="sign-in-failure">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={signingIn.isLoading}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Databases on this computer the signed-in user may not sync: said plainly, with what waits in them. */
export function HeldBackNotice({ sync }: { sync: SyncOverview }) {
  const held = sync.databases.filter((d) => d.heldBackFor !== null);
  if (held.length === 0) return null;
  const waiting = held.some((d) => d.pending > 0);
  return (
    <Alert
      color={waiting ? 'yellow' : 'gray'}
      title="Not synced for the signed-in user"
      data-testid="held-back"
    >
      <Stack gap={4}>
        {held.map((d) => (
          <Text size="sm" key={d.db} data-testid={`held-back-${d.db}`}>
            {heldBackText(d)}
          </Text>
        ))}
        <Text size="sm">
          Nothing is lost: these records stay on this computer and are sent when a user who may use
          them signs in (for example head office), or when an administrator gives this user access
          to them.
        </Text>
      </Stack>
    </Alert>
  );
}
