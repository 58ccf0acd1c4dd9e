// Background work the analyst started (a corpus rescan after a new alias): polled from
// `jobs:status` until it finishes, shown as progress wherever it matters, never blocking.
// When one finishes, everything showing mentions reloads.
import { api } from '../api';
import { createStore, useStore } from '../state/store';
import { announce } from '../state/topics';
import { notify, notifyError } from '../state/toasts';
import type { JobStatus } from './model';

export interface TrackedJob extends JobStatus {
  /** The entity the job works for, to show its progress on that entity's page. */
  entityId: string | null;
}

const POLL_MS = 400;
/** A finished job stays visible this long, so a quick one is still seen to complete. */
const LINGER_MS = 2500;

const store = createStore<TrackedJob[]>([]);
let timer: number | null = null;
const setJobs = store.set;

async function poll() {
  timer = null;
  let statuses: JobStatus[];
  try {
    statuses = await api['jobs:status']({});
  } catch (error) {
    notifyError(error, 'Could not follow the background work');
    setJobs(store.get().map((j) => ({ ...j, finished: true })));
    return;
  }
  const byId = new Map(statuses.map((s) => [s.id, s]));
  let finishedNow = false;
  const next = store.get().map((j) => {
    if (j.finished) return j;
    // Forgotten by the server: it finished a while ago.
    const s = byId.get(j.id) ?? { ...j, finished: true };
    if (s.finished) {
      finishedNow = true;
      if (s.error) notify(`${j.label}: ${s.error}`, 'error');
      window.setTimeout(() => setJobs(store.get().filter((x) => x.id !== j.id)), LINGER_MS);
    }
    return { ...s, entityId: j.entityId };
  });
  setJobs(next);
  if (finishedNow) announce('entities');
  if (next.some((j) => !j.finished)) schedule();
}

function schedule() {
  if (timer === null) timer = window.setTimeout(() => void poll(), POLL_MS);
}

export function trackJob(job: JobStatus | null, entityId: string | null): void {
  if (!job) {
    announce('entities');
    return;
  }
  setJobs([...store.get().filter((j) => j.id !== job.id), { ...job, entityId }]);
  if (job.finished) void poll();
  else schedule();
}

export function useJobs(): TrackedJob[] {
  return useStore(store);
}

export function JobProgress({ job }: { job: TrackedJob }) {
  const percent = job.total > 0 ? Math.round((job.done / job.total) * 100) : job.finished ? 100 : 0;
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <span className="job-progress-label">
        {job.finished ? (job.error ? `${job.label}: failed` : `${job.label}: done`) : job.label}
        {!job.finished && job.total > 0 && <span className="muted"> — {job.done} of {job.total} sources</span>}
      </span>
      <progress max={100} value={percent} aria-label={job.label} />
    </div>
  );
}
