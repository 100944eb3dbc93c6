// Asks the worker for a space's size and supernet parameter count, debounced while the user types.
import { useEffect, useState } from 'react';
import type { SpaceConfig } from '../../core/space/types.ts';
import type { SpaceInfoMessage } from '../../worker/protocol.ts';
import { useClient } from './useClient.ts';

/** Where the answer for the current space stands. */
export type SpaceInfoState =
  | { status: 'none' }
  | { status: 'pending'; last: SpaceInfoMessage | undefined }
  | { status: 'ready'; info: SpaceInfoMessage }
  | { status: 'error'; message: string };

/** Pause after the last edit before asking (ms). */
export const SPACE_INFO_DEBOUNCE_MS = 250;

/**
 * The size of `space` (none while it is invalid). `dataKey` changes when other data is loaded: the
 * supernet's parameter count depends on the data's input shape.
 */
export function useSpaceInfo(space: SpaceConfig | undefined, dataKey: number): SpaceInfoState {
  const client = useClient();
  const [state, setState] = useState<SpaceInfoState>({ status: 'none' });
  const key = space ? JSON.stringify(space) : '';
  useEffect(() => {
    if (!key) {
      setState({ status: 'none' });
      return;
    }
    let current = true;
    setState((s) => ({ status: 'pending', last: s.status === 'ready' ? s.info : s.status === 'pending' ? s.last : undefined }));
    const timer = setTimeout(() => {
      client.spaceInfo(JSON.parse(key) as SpaceConfig).then(
        (info) => current && setState(info.error ? { status: 'error', message: info.error } : { status: 'ready', info }),
        (err: unknown) => current && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
      );
    }, SPACE_INFO_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key, dataKey]);
  return state;
}
