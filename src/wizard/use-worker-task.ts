import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { describeTimeLeft } from '../domain/progress/estimate';
import type { TaskOptions } from '../worker/intake-client';
import type { ReadProgress } from '../worker/protocol';

export type WorkerTaskState<T> =
  | { readonly status: 'running'; readonly progress?: ReadProgress; readonly remaining: string }
  | { readonly status: 'stopped'; readonly progress?: ReadProgress }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: string };

export interface WorkerTask<T> {
  readonly state: WorkerTaskState<T>;
  /** Stops the work in the worker; what it built so far is dropped. */
  readonly stop: () => void;
  /** Starts it again after a stop or a failure. */
  readonly restart: () => void;
  /** True once it was started again by the user. */
  readonly restarted: boolean;
}

/**
 * A long task in the intake worker (checking rows, preparing the upload) with its progress, an
 * estimate of the time left, and a stop. It starts when `start` changes (keep it stable with
 * useCallback) and stops when the component leaves, so going Back never leaves work running.
 */
export function useWorkerTask<T>(
  start: (options: TaskOptions) => Promise<T>,
  onDone?: (value: T) => void,
): WorkerTask<T> {
  const [state, setState] = useState<WorkerTaskState<T>>({ status: 'running', remaining: '' });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController>(undefined);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  useEffect(() => {
    const current = new AbortController();
    controller.current = current;
    const started = performance.now();
    setState({ status: 'running', remaining: '' });
    start({
      signal: current.signal,
      onProgress: (progress) =>
        setState({
          status: 'running',
          progress,
          remaining: describeTimeLeft(performance.now() - started, progress.fraction),
        }),
    }).then(
      (value) =>
        // The result usually brings a whole part of the step (the review's summary and grid):
        // rendered as a transition, in slices that leave the page answering, with the progress
        // shown until it is ready.
        startTransition(() => {
          setState({ status: 'done', value });
          done.current?.(value);
        }),
      (error: unknown) => {
        if (current.signal.aborted) return;
        setState({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => current.abort();
  }, [start, attempt]);

  const stop = useCallback(() => {
    controller.current?.abort();
    setState((previous) =>
      previous.status === 'running' ? { status: 'stopped', progress: previous.progress } : previous,
    );
  }, []);
  const restart = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, stop, restart, restarted: attempt > 0 };
}
