import { useEffect, useRef } from 'react';
import type { WorkerTask } from './use-worker-task';

export interface TaskWords {
  /** "Checking rows…" */
  readonly label: string;
  /** "Stop checking" */
  readonly stopLabel: string;
  /** "Checking stopped after" — the counts follow. */
  readonly stoppedText: string;
  /** What is kept and what the user can do next. */
  readonly stoppedHint: string;
  /** "Check the rows again" */
  readonly restartLabel: string;
  /** "The rows could not be checked:" — the reason follows. */
  readonly failedText: string;
}

export const CHECKING_ROWS: TaskWords = {
  label: 'Checking rows…',
  stopLabel: 'Stop checking',
  stoppedText: 'Checking stopped after',
  stoppedHint:
    'Your file and column choices are kept: check again, or go back and change the columns.',
  restartLabel: 'Check the rows again',
  failedText: 'The rows could not be checked:',
};

export const PREPARING_UPLOAD: TaskWords = {
  label: 'Preparing the upload…',
  stopLabel: 'Stop preparing',
  stoppedText: 'Preparing stopped after',
  stoppedHint: 'Nothing has been sent. Prepare it again when you are ready, or go back.',
  restartLabel: 'Prepare the upload again',
  failedText: 'The upload could not be prepared:',
};

interface Props {
  readonly id: string;
  readonly task: WorkerTask<unknown>;
  readonly words: TaskWords;
  /** Rows in all, until the worker says (leave out when not known before it starts). */
  readonly total?: number;
}

const count = (n: number) => n.toLocaleString('en-AU');

/**
 * A worker task while it runs (progress, rows, time left, stop), after it was stopped, or when
 * it failed (start again). The one button stays the same element as its label changes, so the
 * keyboard focus stays on it through stop and restart.
 */
export function TaskProgress({ id, task, words, total }: Props) {
  const { state } = task;
  // When the work ends while the focus is on its button, the focus goes to the step's heading
  // rather than to nowhere.
  const focusInside = useRef(false);
  useEffect(() => {
    if (state.status !== 'done' || !focusInside.current) return;
    focusInside.current = false;
    if (!document.activeElement || document.activeElement === document.body)
      document.getElementById('step-heading')?.focus();
  }, [state.status]);
  if (state.status === 'done') return null;
  const progress = 'progress' in state ? state.progress : undefined;
  const all = progress?.total || total;
  const rows = all
    ? `${count(progress?.rows ?? 0)} of ${count(all)} rows`
    : `${count(progress?.rows ?? 0)} rows`;
  const running = state.status === 'running';
  const textId = `${id}-text`;
  return (
    // Only the first run waits a moment before it shows (so work already done does not flash);
    // a restarted one is there at once, with the focus still on its button.
    <div
      className={`task-progress${task.restarted ? '' : ' appears-after-a-moment'}`}
      data-focus-group="task-progress"
      onFocus={() => {
        focusInside.current = true;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) focusInside.current = false;
      }}
    >
      {running ? (
        <label htmlFor={id}>{words.label}</label>
      ) : state.status === 'stopped' ? (
        <p id={textId} role="status">
          {words.stoppedText} {rows}. {words.stoppedHint}
        </p>
      ) : (
        <p id={textId} role="alert" className="error">
          {words.failedText} {state.error}
        </p>
      )}
      {running && <progress id={id} max={1} value={progress?.fraction ?? 0} />}
      <button
        type="button"
        className={running ? undefined : 'primary'}
        aria-describedby={running ? undefined : textId}
        onClick={running ? task.stop : task.restart}
      >
        {running ? words.stopLabel : words.restartLabel}
      </button>
      {running && (
        <span className="muted small">
          {rows}
          {state.remaining ? `, ${state.remaining}` : ''}
        </span>
      )}
    </div>
  );
}
