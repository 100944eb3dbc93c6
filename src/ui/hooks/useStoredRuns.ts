// The runs kept in this browser, as the page needs them at start: the one to resume, the latest interrupted one, storage errors.
import { useCallback, useEffect, useState } from 'react';
import type { RunAction, RunSummary } from '../../worker/protocol.ts';
import { useClient } from './useClient.ts';

export interface StoredRuns {
  /** The list has arrived (it may be empty). */
  loaded: boolean;
  runs: RunSummary[];
  /** The run named by `?resume=` (opened from the list or the banner), once the list has arrived. */
  openedRun: RunSummary | undefined;
  /** The opened run when it can be resumed: interrupted mid-training, with a checkpoint. */
  resumeRun: RunSummary | undefined;
  /** The most recent run that stopped mid-training (page closed or reloaded) and has a checkpoint; not the one being resumed. */
  interrupted: RunSummary | undefined;
  /** Why runs are not being saved, when storage failed. */
  storageError: string | undefined;
  /** Reads the list again (e.g. after a run started or ended). */
  refresh(): void;
  /** Renames, deletes or prunes; the list updates, and a failure's reason is returned. */
  update(action: Exclude<RunAction, { kind: 'history' }>): Promise<string | undefined>;
}

/** Asks the worker for the stored runs once, and listens for storage failures. */
export function useStoredRuns(resumeId: string | undefined): StoredRuns {
  const client = useClient();
  const [runs, setRuns] = useState<RunSummary[] | undefined>(undefined);
  const [storageError, setStorageError] = useState<string | undefined>(undefined);
  useEffect(() => client.onStorageError(setStorageError), [client]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void client.listRuns().then((list) => {
      if (live) setRuns(list);
    });
    return () => {
      live = false;
    };
  }, [client, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const update = useCallback(
    (action: Exclude<RunAction, { kind: 'history' }>) =>
      client.updateRuns(action).then(
        (list) => {
          setRuns(list);
          return undefined;
        },
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      ),
    [client],
  );
  const list = runs ?? [];
  const resumable = (r: RunSummary) => (r.status === 'training' || r.status === 'paused') && r.checkpointStep !== undefined;
  const openedRun = list.find((r) => r.id === resumeId);
  const interrupted = list.find((r) => resumable(r) && r.id !== resumeId);
  return { loaded: runs !== undefined, runs: list, openedRun, resumeRun: openedRun && resumable(openedRun) ? openedRun : undefined, interrupted, storageError, refresh, update };
}
