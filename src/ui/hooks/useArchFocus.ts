// The architecture hovered anywhere on the page, shared so every chart and table highlights it (DESIGN.md UI §3).
import { createContext, useContext, useMemo, useState } from 'react';

/** Ids are arch keys, or "baseline:<name>" for a baseline outside the search space. */
export interface ArchFocus {
  hovered: string | undefined;
  setHovered(id: string | undefined): void;
}

const NONE: ArchFocus = { hovered: undefined, setHovered: () => {} };

export const ArchFocusContext = createContext<ArchFocus>(NONE);

/** The page's shared hover state; without a provider, hovering is not linked. */
export function useArchFocus(): ArchFocus {
  return useContext(ArchFocusContext);
}

/** Creates the state for `ArchFocusContext.Provider` (App does this once). */
export function useArchFocusState(): ArchFocus {
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  return useMemo(() => ({ hovered, setHovered }), [hovered]);
}
