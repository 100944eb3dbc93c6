// The runs kept in this browser, as the page needs them at start: the one to resume, the latest interrupted one, storage errors.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../worker/protocol.ts';
import { useClient } from './useClient.ts';

export interface StoredRuns {
  /** The list has arrived (it may be empty). */
  loaded: boolean;
  runs: RunSummary[];
  /** The run named by `?resume=`, once the list has arrived. */
  resumeRun: RunSummary | undefined;
  /** The most recent run that stopped mid-training (page closed or reloaded) and has a checkpoint; not the one being resumed. */
  interrupted: RunSummary | undefined;
  /** Why runs are not being saved, when storage failed. */
  storageError: string | undefined;
}

/** Asks the worker for the stored runs once, and listens for storage failures. */
export function useStoredRuns(resumeId: string | undefined): StoredRuns {
  const client = useClient();
  const [runs, setRuns] = useState<RunSummary[] | undefined>(undefined);
  const [storageError, setStorageError] = useState<string | undefined>(undefined);
  useEffect(() => client.onStorageError(setStorageError), [client]);
  useEffect(() => {
    let live = true;
    void client.listRuns().then((list) => {
      if (live) setRuns(list);
    });
    return () => {
      live = false;
    };
  }, [client]);
  const list = runs ?? [];
  const interrupted = list.find((r) => (r.status === 'training' || r.status === 'paused') && r.checkpointStep !== undefined && r.id !== resumeId);
  return { loaded: runs !== undefined, runs: list, resumeRun: list.find((r) => r.id === resumeId), interrupted, storageError };
}
