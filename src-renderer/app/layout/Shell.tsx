import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core';
import {
  IconBuildingWarehouse,
  IconCash,
  IconFiles,
  IconGitMerge,
  IconLayoutDashboard,
  IconRefresh,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { NavLink as RouterLink, Outlet } from 'react-router';
import type { AppState } from '../../core/rpc/contract';
import { StatusBar } from '../../ui/StatusBar';

const NAV = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard },
  { to: '/accounts', label: 'Accounts', icon: IconCash },
  { to: '/payroll', label: 'Payroll', icon: IconUsers },
  { to: '/inventory', label: 'Inventory', icon: IconBuildingWarehouse },
  { to: '/files', label: 'Files', icon: IconFiles },
  { to: '/sync', label: 'Sync', icon: IconRefresh },
  { to: '/conflicts', label: 'Conflicts', icon: IconGitMerge },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function Shell({ state }: { state: Extract<AppState, { phase: 'ready' }> }) {
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 0 }} footer={{ height: 32 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={4}>{state.company.name}</Title>
            <Badge variant="light" title={state.branch.name}>
              {state.branch.code}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" component={RouterLink} to="/sync" data-testid="header-user" title="Who is signed in: Sync page">
            {whoText(state)} · device {state.branch.code}-{state.device.letter}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.map(({ to, label, icon: Icon }) => (
          <NavLink key={to} component={RouterLink} to={to} end={to === '/'} label={label} leftSection={<Icon size={18} aria-hidden />} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

/** "Jane Doe (jane)" — the name on records and the sync user — or "Not signed in" after a sign-out. */
function whoText(state: Extract<AppState, { phase: 'ready' }>): string {
  if (state.signedOut) return 'Not signed in';
  if (state.user && state.user.name !== state.userName) return `${state.userName} (${state.user.name})`;
  return state.userName;
}
