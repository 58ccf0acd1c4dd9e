// Long work (a corpus rescan after a new alias) runs in the background of the process
// that holds the workspace; the app shows its progress and keeps answering meanwhile.
import type { Db } from '../../db/workspace';
import type { JobStatus } from './views';
export type { JobStatus };


const registries = new WeakMap<Db, { next: number; jobs: Map<number, JobStatus> }>();

function registry(db: Db) {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = { next: 1, jobs: new Map() }));
  return r;
}

export function startJob(db: Db, label: string, run: (progress: (done: number, total: number) => void) => Promise<unknown>): JobStatus {
  const r = registry(db);
  const job: JobStatus = { id: r.next++, label, done: 0, total: 0, finished: false, error: null };
  r.jobs.set(job.id, job);
  void run((done, total) => {
    job.done = done;
    job.total = total;
  })
    .catch((err: unknown) => {
      job.error = (err as Error).message;
    })
    .finally(() => {
      job.finished = true;
      // Finished jobs are reported for a while, then forgotten.
      setTimeout(() => r.jobs.delete(job.id), 60_000).unref?.();
    });
  return { ...job };
}

export function jobStatuses(db: Db): JobStatus[] {
  return [...registry(db).jobs.values()].map((j) => ({ ...j }));
}
