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
}

export const CHECKING_ROWS: TaskWords = {
  label: 'Checking rows…',
  stopLabel: 'Stop checking',
  stoppedText: 'Checking stopped after',
  stoppedHint:
    'Your file and column choices are kept: check again, or go back and change the columns.',
  restartLabel: 'Check the rows again',
};

export const PREPARING_UPLOAD: TaskWords = {
  label: 'Preparing the upload…',
  stopLabel: 'Stop preparing',
  stoppedText: 'Preparing stopped after',
  stoppedHint: 'Nothing has been sent. Prepare it again when you are ready, or go back.',
  restartLabel: 'Prepare the upload again',
};

interface Props {
  readonly id: string;
  readonly task: WorkerTask<unknown>;
  readonly words: TaskWords;
  /** Rows in all, until the worker says. */
  readonly total: number;
}

const count = (n: number) => n.toLocaleString('en-AU');

/** A worker task while it runs (progress, rows, time left, stop) and after it was stopped. */
export function TaskProgress(props: Props) {
  const { id, task } = props;
  const { label, stopLabel, stoppedText, stoppedHint, restartLabel } = props.words;
  const { state } = task;
  const progress = 'progress' in state ? state.progress : undefined;
  const rows = `${count(progress?.rows ?? 0)} of ${count(progress?.total || props.total)} rows`;
  if (state.status === 'running')
    return (
      <div className="task-progress running">
        <label htmlFor={id}>{label}</label>
        <progress id={id} max={1} value={progress?.fraction ?? 0} />
        <button type="button" onClick={task.stop}>
          {stopLabel}
        </button>
        <span className="muted small">
          {rows}
          {state.remaining ? `, ${state.remaining}` : ''}
        </span>
      </div>
    );
  if (state.status === 'stopped')
    return (
      <div className="task-progress" role="status">
        <p>
          {stoppedText} {rows}. {stoppedHint}
        </p>
        <button type="button" className="primary" onClick={task.restart}>
          {restartLabel}
        </button>
      </div>
    );
  return null;
}
