// One supernet training job at a time through the client: start, transport commands, speed, reset.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { SpaceConfig } from '../../core/space/types.ts';
import { WorkerJobError } from '../../worker/client.ts';
import type { TrainJob } from '../../worker/client.ts';
import type { RecordRequest, TrainConfig } from '../../worker/protocol.ts';
import { initialView, isLive, trainingReducer } from '../panels/training/trainingState.ts';
import type { TrainingView } from '../panels/training/trainingState.ts';
import { useClient } from './useClient.ts';

export interface Training {
  view: TrainingView;
  /** A reset job is still winding down in the worker (it takes one job at a time): wait before starting. */
  draining: boolean;
  /** Starts a run; `record` keeps it in the browser's storage (and `record.resumeRunId` continues a stored run). */
  start(space: SpaceConfig, train: TrainConfig, seed: number, record?: RecordRequest): void;
  pause(): void;
  resume(): void;
  /** One step, then paused (pauses first when running). */
  step(): void;
  stop(): void;
  /** Stops a live job and clears the history; the next start uses `seed`. */
  reset(seed: number, totalSteps: number): void;
  /** Steps per second cap (0 = as fast as possible); applies now and to later jobs. */
  setSpeed(stepsPerSecond: number): void;
}

export function useTraining(initialSeed: number, initialSteps: number, initialSpeed: number): Training {
  const client = useClient();
  const [view, dispatch] = useReducer(trainingReducer, undefined, () => initialView(initialSeed, initialSteps));
  const job = useRef<TrainJob | null>(null);
  const [draining, setDraining] = useState(false);
  const speed = useRef(initialSpeed);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  const start = useCallback(
    (space: SpaceConfig, train: TrainConfig, seed: number, record?: RecordRequest) => {
      job.current?.control('stop');
      const j = client.train(space, train, seed, {
        onCheckpoint: (msg) => dispatch({ type: 'checkpoint', jobId: msg.id, step: msg.step }),
        onStarted: (msg) => {
          dispatch({ type: 'started', msg });
          // Again once the job exists in the worker, in case it read its speed only when it began.
          j.setSpeed(speed.current);
        },
        onProgress: (msg) => dispatch({ type: 'progress', msg }),
        onBackendSwitched: (msg) => dispatch({ type: 'backendSwitched', msg }),
      }, record);
      job.current = j;
      dispatch({ type: 'start', jobId: j.id, seed, totalSteps: train.steps });
      j.setSpeed(speed.current);
      j.done.then(
        (msg) => {
          if (job.current === j) job.current = null;
          dispatch({ type: 'done', msg });
        },
        (err: unknown) => {
          if (job.current === j) job.current = null;
          const code = err instanceof WorkerJobError ? err.code : undefined;
          dispatch({ type: 'failed', jobId: j.id, message: err instanceof Error ? err.message : String(err), code });
        },
      );
    },
    [client],
  );

  const pause = useCallback(() => {
    if (!job.current) return;
    job.current.control('pause');
    dispatch({ type: 'pauseRequested', jobId: job.current.id });
  }, []);
  const resume = useCallback(() => {
    if (!job.current) return;
    job.current.control('resume');
    dispatch({ type: 'resumeRequested', jobId: job.current.id });
  }, []);
  const step = useCallback(() => {
    if (!job.current) return;
    if (viewRef.current.status === 'running') dispatch({ type: 'pauseRequested', jobId: job.current.id });
    job.current.control('step');
  }, []);
  const stop = useCallback(() => job.current?.control('stop'), []);
  const reset = useCallback((seed: number, totalSteps: number) => {
    const old = job.current;
    if (old && isLive(viewRef.current.status)) {
      old.control('stop');
      setDraining(true);
      const settle = () => setDraining(false);
      old.done.then(settle, settle);
    }
    job.current = null;
    dispatch({ type: 'reset', seed, totalSteps });
  }, []);
  const setSpeed = useCallback((stepsPerSecond: number) => {
    speed.current = stepsPerSecond;
    job.current?.setSpeed(stepsPerSecond);
  }, []);

  // A panel that goes away stops its job in the worker.
  useEffect(() => () => job.current?.control('stop'), []);

  return { view, draining, start, pause, resume, step, stop, reset, setSpeed };
}
