import { AppShell, Badge, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core';
import {
  IconGitMerge,
  IconLayoutDashboard,
  IconRefresh,
  IconSettings,
  type TablerIcon,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import type { AppState } from '../../core/rpc/contract';
import type { LoadedModuleUi } from '../../ui/module-ui';
import { StatusBar } from '../../ui/StatusBar';
import { PageFailure } from '../PageFailure';

interface NavEntry {
  to: string;
  label: string;
  icon: TablerIcon;
}

/** The dashboard, then the modules in the registry's order, then the company's own pages. */
export function navEntries(modules: readonly LoadedModuleUi[]): NavEntry[] {
  return [
    { to: '/', label: 'Dashboard', icon: IconLayoutDashboard },
    ...modules.map(({ ui: { nav } }) => ({ to: nav.path, label: nav.label, icon: nav.icon })),
    { to: '/sync', label: 'Sync', icon: IconRefresh },
    { to: '/conflicts', label: 'Conflicts', icon: IconGitMerge },
    { to: '/settings', label: 'Settings', icon: IconSettings },
  ];
}

export function Shell({
  state,
  modules,
}: {
  state: Extract<AppState, { phase: 'ready' }>;
  modules: readonly LoadedModuleUi[];
}) {
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 200, breakpoint: 0 }}
      footer={{ height: 32 }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={4}>{state.company.name}</Title>
            <Badge variant="light" title={state.branch.name}>
              {state.branch.code}
            </Badge>
          </Group>
          <Text
            size="sm"
            c="dimmed"
            component={RouterLink}
            to="/sync"
            data-testid="header-user"
            title="Who is signed in: Sync page"
          >
            {whoText(state)} · device {state.branch.code}-{state.device.letter}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {navEntries(modules).map(({ to, label, icon: Icon }) => (
          <NavLink
            key={to}
            component={RouterLink}
            to={to}
            end={to === '/'}
            label={label}
            leftSection={<Icon size={18} aria-hidden />}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* A module's pages load the first time they are opened. */}
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading page" />
            </Center>
          }
        >
          <PageFailure resetKey={pathname}>
            <Outlet />
          </PageFailure>
        </Suspense>
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
  if (state.user && state.user.name !== state.userName)
    return `${state.userName} (${state.user.name})`;
  return state.userName;
}
