// Adapter: the path the supernet trained at the latest reported step, drawn as a block graph.
import type { InputShape } from '../../../core/space/types.ts';
import { ArchGraph } from '../../charts/ArchGraph.tsx';
import { EdgeLegend } from '../../charts/EdgeLegend.tsx';
import { formatCount } from '../../format.ts';
import type { TrainingView } from './trainingState.ts';

export interface SampledArchProps {
  sampled: TrainingView['sampled'];
  input: InputShape | undefined;
}

/** The sampled path (`data-testid="arch-graph"`, `data-step` = the step it was sampled at). */
export function SampledArch({ sampled, input }: SampledArchProps) {
  return (
    <figure className="chart sampled-arch" data-testid="arch-graph" data-step={sampled?.step ?? ''} data-full={sampled?.full ? 'true' : 'false'}>
      <figcaption>
        {sampled ? (
          <>
            Architecture trained at step {formatCount(sampled.step)}
            {sampled.full && (
              <span className="tag tag-warmup" data-testid="arch-warmup">
                full supernet (warm-up)
              </span>
            )}
          </>
        ) : (
          'Architecture sampled at each step (appears once training starts)'
        )}
      </figcaption>
      {sampled && (
        <>
          <EdgeLegend />
          <ArchGraph blocks={sampled.blocks} input={input} title={`Blocks of the path trained at step ${sampled.step}`} />
          <p className="hint">
            {sampled.full
              ? 'During the warm-up every input and every operator is on at full width, so all weights start learning together.'
              : 'A new path is drawn at every step; the graph shows the latest one reported. Grey blocks do not reach the output, so that step did not train them.'}
          </p>
        </>
      )}
    </figure>
  );
}
