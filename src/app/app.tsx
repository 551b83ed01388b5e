import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Wizard } from '../wizard/wizard';
import { ApiInspector, ApiInspectorLink } from './api-inspector';
import { ConnectionStatus } from './connection-status';
import { ErrorBoundary } from './error-boundary';

export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [inspectorOpen, setInspectorOpen] = useState(false);
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app-screen">
        <header className="app-header">
          <h1>Import contacts into Whispir</h1>
          <div className="header-tools">
            <ConnectionStatus />
            <ApiInspectorLink onOpen={() => setInspectorOpen(true)} />
          </div>
        </header>
        <ErrorBoundary>
          <Wizard />
        </ErrorBoundary>
      </div>
      <ApiInspector open={inspectorOpen} onOpenChange={setInspectorOpen} />
    </QueryClientProvider>
  );
}
