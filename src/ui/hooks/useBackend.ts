// Subscribes to the worker's backend report and to errors not tied to a job.
import { useEffect, useMemo, useState } from 'react';
import type { BackendInfo, WorkerRestart } from '../../worker/client.ts';
import type { BackendName } from '../../worker/protocol.ts';
import { useClient } from './useClient.ts';

/** What the worker reported, plus the backend the page address asked for (`?backend=`), if any. */
export interface BackendView extends BackendInfo {
  requested?: BackendName | undefined;
}

/** The backend the worker uses, or `undefined` until it reports one. */
export function useBackend(): BackendView | undefined {
  const client = useClient();
  const [backend, setBackend] = useState<BackendInfo | undefined>(undefined);
  useEffect(() => client.onBackend(setBackend), [client]);
  return useMemo(() => (backend ? { ...backend, requested: client.requestedBackend } : undefined), [backend, client]);
}

/** The latest worker-level error message (crash, backend failure), or `undefined`. */
export function useWorkerError(): string | undefined {
  const client = useClient();
  const [message, setMessage] = useState<string | undefined>(undefined);
  useEffect(() => client.onError(setMessage), [client]);
  return message;
}

/** The worker's restarts after crashes: how many, and the latest (count 0 and undefined before any). */
export function useWorkerRestarts(): { count: number; last: WorkerRestart | undefined } {
  const client = useClient();
  const [last, setLast] = useState<WorkerRestart | undefined>(undefined);
  useEffect(() => client.onRestart(setLast), [client]);
  return { count: last?.restarted ? last.count : 0, last };
}
