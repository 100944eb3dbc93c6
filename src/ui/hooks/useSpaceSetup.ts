// The experiment's search space and NASRec technique switches: one state, read by the space and training panels.
import { useCallback, useMemo, useState } from 'react';
import { presetSpace } from '../../core/space/presets.ts';
import type { PresetName, SpaceConfig } from '../../core/space/types.ts';
import { DEFAULT_TECHNIQUES, formFromSpace, spaceFromForm } from '../panels/space/spaceForm.ts';
import type { SpaceErrors, SpaceForm, Techniques } from '../panels/space/spaceForm.ts';

/** The preset the page opens with: small enough to train in a browser tab in minutes. */
export const DEFAULT_PRESET: PresetName = 'tiny';

export interface SpaceSetup {
  form: SpaceForm;
  /** The valid space the form describes, or `undefined` while it has a problem. */
  space: SpaceConfig | undefined;
  errors: SpaceErrors;
  techniques: Techniques;
  /** Replaces the form with a preset. */
  choosePreset(name: PresetName): void;
  /** Edits fields; any edit marks the space "custom". */
  edit(patch: Partial<Omit<SpaceForm, 'preset'>>): void;
  setTechniques(patch: Partial<Techniques>): void;
}

/** @param initial the form and techniques to open with (a shared link's); the Tiny preset and defaults otherwise */
export function useSpaceSetup(initial?: { form: SpaceForm; techniques: Techniques }): SpaceSetup {
  const [form, setForm] = useState<SpaceForm>(() => initial?.form ?? formFromSpace(presetSpace(DEFAULT_PRESET)));
  const [techniques, setTechniquesState] = useState<Techniques>(initial?.techniques ?? DEFAULT_TECHNIQUES);
  const { space, errors } = useMemo(() => spaceFromForm(form), [form]);
  const choosePreset = useCallback((name: PresetName) => setForm(formFromSpace(presetSpace(name))), []);
  const edit = useCallback((patch: Partial<Omit<SpaceForm, 'preset'>>) => setForm((f) => ({ ...f, ...patch, preset: 'custom' })), []);
  const setTechniques = useCallback((patch: Partial<Techniques>) => setTechniquesState((t) => ({ ...t, ...patch })), []);
  return { form, space, errors, techniques, choosePreset, edit, setTechniques };
}
