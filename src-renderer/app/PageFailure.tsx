import { Alert } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/**
 * What a clerk sees when a page's code cannot be loaded or shown (a module's pages arrive on
 * first visit: after an update in a browser the old files may be gone). The rest of the window
 * keeps working, and going to another address (`resetKey`) tries again.
 */
interface Props {
  resetKey: string;
  children: ReactNode;
}
interface State {
  failed: boolean;
  resetKey: string;
}

export class PageFailure extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert color="red" title="This page could not be opened">
        Reload the window to try again; your records are not affected. If it keeps happening, tell
        your administrator.
      </Alert>
    );
  }
}
