import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Wizard } from '../wizard/wizard';
import { ApiInspector } from './api-inspector';
import { ConnectionStatus } from './connection-status';
import { ErrorBoundary } from './error-boundary';

export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <header className="app-header">
        <h1>Import contacts into Whispir</h1>
        <ConnectionStatus />
      </header>
      <ErrorBoundary>
        <Wizard />
      </ErrorBoundary>
      <ApiInspector />
    </QueryClientProvider>
  );
}
