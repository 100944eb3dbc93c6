// Subscribes to the worker's backend report and to errors not tied to a job.
import { useEffect, useState } from 'react';
import type { BackendInfo } from '../../worker/client.ts';
import { useClient } from './useClient.ts';

/** The backend the worker uses, or `undefined` until it reports one. */
export function useBackend(): BackendInfo | undefined {
  const client = useClient();
  const [backend, setBackend] = useState<BackendInfo | undefined>(undefined);
  useEffect(() => client.onBackend(setBackend), [client]);
  return backend;
}

/** The latest worker-level error message (crash, backend failure), or `undefined`. */
export function useWorkerError(): string | undefined {
  const client = useClient();
  const [message, setMessage] = useState<string | undefined>(undefined);
  useEffect(() => client.onError(setMessage), [client]);
  return message;
}
