import { useCallback, useState } from 'react';
import { describeTimeLeft } from '../domain/progress/estimate';
import { IntakeCancelled, type IntakeClient } from '../worker/intake-client';
import type { FileSummary, IntakeOverrides, ReadProgress } from '../worker/protocol';

export interface FileReaderState {
  readonly reading: boolean;
  readonly progress?: ReadProgress;
  /** "about 12 s left", once there is enough progress to estimate. */
  readonly remaining?: string;
  readonly error?: string;
}

/**
 * Reads (and re-reads) the file in the intake worker, reporting the first look and progress.
 * A file that cannot be read at all comes back as an error in plain words, never a crash.
 */
export function useFileReader(
  intake: IntakeClient,
  onSummary: (summary: FileSummary) => void,
  onUnreadable: () => void,
) {
  const [state, setState] = useState<FileReaderState>({ reading: false });

  const run = useCallback(
    async (
      name: string,
      task: (callbacks: Parameters<IntakeClient['open']>[1]) => Promise<FileSummary>,
      leaveOnFailure: boolean,
    ) => {
      setState({ reading: true });
      const started = performance.now();
      try {
        const summary = await task({
          onPreview: onSummary,
          onProgress: (progress) =>
            setState({
              reading: true,
              progress,
              remaining: describeTimeLeft(performance.now() - started, progress.fraction),
            }),
        });
        if (summary.headers.length === 0) {
          const reason =
            summary.problems.find((problem) => problem.severity === 'error')?.message ??
            'There is no header row and no contact in it.';
          setState({ reading: false, error: `“${name}” can't be imported: ${reason}` });
          if (leaveOnFailure) onUnreadable();
          return;
        }
        setState({ reading: false });
        onSummary(summary);
      } catch (cause) {
        if (cause instanceof IntakeCancelled) {
          setState({ reading: false, error: `Reading “${name}” was cancelled.` });
        } else {
          setState({
            reading: false,
            error: `“${name}” could not be read: ${(cause as Error).message}`,
          });
        }
        // A cancelled or failed read leaves no usable file in the worker.
        onUnreadable();
      }
    },
    [onSummary, onUnreadable],
  );

  const open = useCallback(
    (file: File) => run(file.name, (callbacks) => intake.open(file, callbacks), true),
    [intake, run],
  );
  const reread = useCallback(
    (name: string, overrides: IntakeOverrides) =>
      run(name, (callbacks) => intake.reread(overrides, callbacks), false),
    [intake, run],
  );
  const cancel = useCallback(() => intake.cancel(), [intake]);
  const clearError = useCallback(
    () => setState((current) => ({ ...current, error: undefined })),
    [],
  );
  return { state, open, reread, cancel, clearError };
}
