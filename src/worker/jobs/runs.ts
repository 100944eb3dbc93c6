// The kept runs the worker serves: recording a new run or resuming a stored one from its checkpoint, the list,
// and the list's actions (rename, delete, prune, history).
import type { Checkpoint } from '../../core/train/checkpoint.ts';
import type { ResumeState } from '../../core/train/trainer.ts';
import { CHECKPOINT_EVERY_MS, type FromWorker, type RecordRequest, type RunAction, type RunSummary } from '../protocol.ts';
import type { RunStore } from '../store/runStore.ts';
import { RunRecorder, unpackOptimizer } from './runRecorder.ts';

/** How a training job keeps its run: the recorder (absent when unrecorded), the state it resumes from, and its first step. */
export interface Recording {
  recorder?: RunRecorder;
  resume?: ResumeState;
  /** The step training starts from (the checkpoint's, or 0). */
  fromStep: number;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The recorder of a run asked to be kept: a new stored run, or the stored run `record.resumeRunId` continued from
 * its latest checkpoint. Without storage the run trains unrecorded (the reason was reported).
 * @throws when a resume is asked for and the run has no checkpoint, or storage is unavailable
 */
export async function startRecording(
  store: RunStore | undefined,
  job: { id: number; record?: RecordRequest; config: unknown },
  post: (msg: FromWorker) => void,
): Promise<Recording> {
  const record = job.record;
  if (!record) return { fromStep: 0 };
  if (!store && record.resumeRunId) throw new Error('This browser keeps no runs, so there is nothing to resume.');
  if (!store) return { fromStep: 0 };
  const every = record.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
  if (record.resumeRunId) return resumeRecording(store, record.resumeRunId, job.id, every, post);
  try {
    const run = await store.createRun({ config: job.config, data: record.data });
    return { recorder: new RunRecorder(store, run.id, job.id, every, post, 0), fromStep: 0 };
  } catch (err) {
    post({ type: 'storageError', id: job.id, message: `This run is not being saved: ${describe(err)}` });
    return { fromStep: 0 };
  }
}

/**
 * A stored run continued from its latest checkpoint (history after it is dropped: those steps are trained again).
 * Without a checkpoint: from step 0 when `fromStartIfNone` (a run that failed before its first checkpoint), else throws.
 */
export async function resumeRecording(store: RunStore, runId: string, jobId: number, every: number, post: (msg: FromWorker) => void, fromStartIfNone = false): Promise<Recording> {
  const run = await store.getRun(runId);
  const latest = await latestResumeState(store, run.id);
  if (!latest && !fromStartIfNone) throw new Error(`${run.name} has no checkpoint to resume from; start it again instead.`);
  const fromStep = latest?.step ?? 0;
  // -1 keeps nothing: a run that had no checkpoint starts again from step 0.
  await store.truncateHistory(run.id, latest ? fromStep : -1);
  await store.updateRun(run.id, { lastStep: fromStep });
  return { recorder: new RunRecorder(store, run.id, jobId, every, post, fromStep), ...(latest ? { resume: latest.resume } : {}), fromStep };
}

/** A stored run's latest checkpoint as the state a trainer restores (the run itself is not touched), or undefined without one. */
export async function latestResumeState(store: RunStore, runId: string): Promise<{ step: number; resume: ResumeState } | undefined> {
  const latest = await store.latestCheckpoint(runId);
  if (!latest) return undefined;
  const { optimizer, embeddingAccumulators } = unpackOptimizer(latest.payload.optimizer ?? new Float32Array([0]));
  const checkpoint: Checkpoint = { meta: latest.payload.meta as Checkpoint['meta'], weights: latest.payload.weights, embeddings: latest.payload.embeddings };
  return { step: latest.step, resume: { checkpoint, optimizer, embeddingAccumulators } };
}

/** Renames, deletes or prunes (answered with the list), or reads a run's history. */
export async function runAction(store: RunStore | undefined, id: number, action: RunAction, post: (msg: FromWorker) => void): Promise<void> {
  if (!store) return post({ type: 'error', id, where: 'storage', message: 'This browser keeps no runs.' });
  try {
    if (action.kind === 'history') return post({ type: 'runHistory', id, runId: action.runId, points: await store.history(action.runId) });
    if (action.kind === 'rename') await store.renameRun(action.runId, action.name);
    else if (action.kind === 'delete') await store.deleteRun(action.runId);
    else await store.pruneCheckpoints(1);
    await listRuns(store, id, post);
  } catch (err) {
    post({ type: 'error', id, where: 'storage', message: describe(err) });
  }
}

/** Every stored run with the step of its latest checkpoint (empty where storage is unavailable). */
export async function listRuns(store: RunStore | undefined, id: number, post: (msg: FromWorker) => void): Promise<void> {
  if (!store) return post({ type: 'runs', id, runs: [] });
  try {
    const runs = await store.listRuns();
    const checkpoints = await store.listCheckpoints();
    const latest = new Map<string, number>();
    for (const c of checkpoints) latest.set(c.runId, Math.max(latest.get(c.runId) ?? -1, c.step));
    const summaries: RunSummary[] = runs.map((r) => ({ ...r, results: r.results ?? {}, ...(latest.has(r.id) ? { checkpointStep: latest.get(r.id)! } : {}) }));
    post({ type: 'runs', id, runs: summaries });
  } catch (err) {
    post({ type: 'storageError', id, message: `Could not read the stored runs: ${describe(err)}` });
    post({ type: 'runs', id, runs: [] });
  }
}
