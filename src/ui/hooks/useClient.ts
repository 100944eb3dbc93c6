// The page's one PlaygroundClient, handed to components through React context.
import { createContext, useContext } from 'react';
import type { PlaygroundClient } from '../../worker/client.ts';

/** Holds the page's client; `main.tsx` provides it once. */
export const ClientContext = createContext<PlaygroundClient | null>(null);

/** The page's PlaygroundClient. Throws when rendered outside `ClientContext.Provider`. */
export function useClient(): PlaygroundClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient: no PlaygroundClient provided (wrap the app in ClientContext.Provider)');
  return client;
}
