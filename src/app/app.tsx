import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { TARGET_LABEL } from '../config/build-info';
import { Wizard } from '../wizard/wizard';
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
        <p className="connection">
          Connected to: <strong>{TARGET_LABEL}</strong>
        </p>
      </header>
      <ErrorBoundary>
        <Wizard />
      </ErrorBoundary>
    </QueryClientProvider>
  );
}
