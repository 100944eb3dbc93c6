// One line on the supernet a search or rank check works on (or that there is none yet).
import { formatCount, formatLogLoss } from '../../format.ts';
import { PRESETS } from '../space/PresetPicker.tsx';
import type { SupernetInfo } from './supernetGate.ts';

/** `data-testid={testId}` with `data-ready` = whether a trained supernet is there. */
export function SupernetLine({ supernet, testId }: { supernet: SupernetInfo | undefined; testId: string }) {
  if (!supernet) {
    return (
      <p className="supernet-line hint" data-testid={testId} data-ready="false">
        No trained supernet yet.
      </p>
    );
  }
  const preset = PRESETS.find((p) => p.name === supernet.space.preset)?.label ?? 'custom';
  return (
    <p className="supernet-line" data-testid={testId} data-ready="true">
      Works on the supernet of step 3: {preset} space, {supernet.reason === 'finished' ? 'finished' : 'stopped'} after {formatCount(supernet.steps)} steps, validation
      loss {formatLogLoss(supernet.valLoss)}.
    </p>
  );
}
