import { Component, type ReactNode } from 'react';

interface State {
  readonly error?: Error;
}

/** Last line of defence: a bug shows what happened and a way on, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="step" role="alert">
        <h2>The wizard hit a bug</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Start again
        </button>
      </main>
    );
  }
}
