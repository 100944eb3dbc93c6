// Step 2, Search space: a preset, its editable choices, the NASRec technique switches and the space's size.
import { DENSE_OPS, SPARSE_OPS } from '../../core/space/types.ts';
import { Panel } from '../components/Panel.tsx';
import type { SpaceSetup } from '../hooks/useSpaceSetup.ts';
import { useSpaceInfo } from '../hooks/useSpaceInfo.ts';
import { OpChoices } from './space/OpChoices.tsx';
import { PresetPicker } from './space/PresetPicker.tsx';
import { SpaceShapeFields } from './space/SpaceShapeFields.tsx';
import { SpaceSummary } from './space/SpaceSummary.tsx';
import { TechniqueSwitches } from './space/TechniqueSwitches.tsx';

const EXPLANATION = (
  <>
    <p>
      A <strong>search space</strong> is the menu of models the search may pick from. Every model here is a chain of <strong>blocks</strong>. Each
      block reads the outputs of some earlier blocks and runs one <em>dense</em> operator on numbers and one <em>sparse</em> operator on embeddings,
      each at a chosen width.
    </p>
    <p>
      The choices multiply, so even three blocks allow a huge number of architectures. NASRec does not train them one by one: it trains one{' '}
      <strong>supernet</strong> that contains them all and shares their weights.
    </p>
    <p>
      Three techniques make that sharing work: how a path is <strong>sampled</strong> at each step, <strong>interaction modules</strong> that let the two
      streams mix, and a short <strong>fine-tuning</strong> before each architecture is scored.
    </p>
  </>
);

export interface SpacePanelProps {
  setup: SpaceSetup;
  /** Changes whenever other data is loaded (the parameter count depends on it). */
  dataKey: number;
  dataLoaded: boolean;
  /** True while a training job uses the space: editing then waits for a reset. */
  locked: boolean;
}

/** The Search space panel (`data-testid="space-panel"`, `data-preset` = full | small | tiny | custom). */
export function SpacePanel({ setup, dataKey, dataLoaded, locked }: SpacePanelProps) {
  const { form, errors, space, techniques, choosePreset, edit, setTechniques } = setup;
  const info = useSpaceInfo(space, dataKey);
  return (
    <Panel step={2} title="Search space" explanation={EXPLANATION} dataAttrs={{ 'data-testid': 'space-panel', 'data-preset': form.preset, 'data-valid': space ? 'true' : 'false' }}>
      <div className="space-top">
        <div className="space-preset">
          <PresetPicker value={form.preset} onChoose={choosePreset} disabled={locked} />
        </div>
        <SpaceSummary info={info} dataLoaded={dataLoaded} invalid={!space} />
      </div>
      {locked && (
        <p className="notice" role="status">
          The supernet is training on this space. Stop and reset the training to change it.
        </p>
      )}
      {errors.space && (
        <p className="field-error" role="alert">
          {errors.space}
        </p>
      )}
      <div className="controls-grid space-grid">
        <fieldset className="card">
          <legend>Operators</legend>
          <OpChoices legend="Dense operators (on numbers)" all={DENSE_OPS} enabled={form.denseOps} onChange={(ops) => edit({ denseOps: ops })} error={errors.denseOps} testId="space-dense-op" disabled={locked} />
          <OpChoices legend="Sparse operators (on embeddings)" all={SPARSE_OPS} enabled={form.sparseOps} onChange={(ops) => edit({ sparseOps: ops })} error={errors.sparseOps} testId="space-sparse-op" disabled={locked} />
        </fieldset>
        <SpaceShapeFields form={form} errors={errors} onEdit={edit} disabled={locked} />
        <TechniqueSwitches
          techniques={techniques}
          onTechniques={setTechniques}
          interactionModules={form.interactionModules}
          onInteractionModules={(on) => edit({ interactionModules: on })}
          disabled={locked}
        />
      </div>
    </Panel>
  );
}
