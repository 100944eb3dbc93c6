// Reads an architecture file the inspector exported (playground JSON or the official NasRec config) back into an inspector item. Pure.
import { archCost } from '../../core/space/cost.ts';
import { archFromJson } from '../../core/space/archJson.ts';
import { archKey } from '../../core/space/arch.ts';
import { archFromNasrecJson, isNasrecJson } from '../../core/space/nasrecJson.ts';
import type { InputShape, SpaceConfig } from '../../core/space/types.ts';
import { archName } from '../arch/archName.ts';
import { formatCount } from '../format.ts';
import type { InspectItem } from './inspectItem.ts';

/** An imported architecture ready for the inspector, or the reason it could not be read. */
export type ImportResult = { ok: true; item: InspectItem; space: SpaceConfig } | { ok: false; message: string };

/**
 * Parses `text` as a playground architecture JSON (its embedded space is used) or a NasRec config JSON (read into
 * `space` when it fits, else the paper-scale preset of its `config`). Never throws.
 * @param input the loaded data's shape, for FLOPs and parameters (omitted: they are not shown)
 */
export function importArchText(text: string, fileName: string, space: SpaceConfig | undefined, input: InputShape | undefined): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    return { ok: false, message: `${fileName} is not JSON (${err instanceof Error ? err.message : String(err)}).` };
  }
  try {
    const nasrec = isNasrecJson(value);
    const read = nasrec ? nasrecInto(value, space) : archFromJson(value, space);
    const key = archKey(read.arch);
    const metrics: InspectItem['metrics'] = [{ label: 'Format', value: nasrec ? 'NasRec config JSON' : 'Playground architecture JSON' }];
    if (input) {
      const cost = archCost(read.arch, read.space, input, { layerNorm: false });
      metrics.push({ label: 'FLOPs per example', value: formatCount(cost.flops) }, { label: 'Parameters (non-embedding)', value: formatCount(cost.params) });
    }
    const testLoss = 'testLoss' in read && typeof read.testLoss === 'number' ? read.testLoss : undefined;
    if (testLoss !== undefined) metrics.push({ label: 'Test log loss (stored in the file)', value: testLoss.toFixed(4) });
    return {
      ok: true,
      space: read.space,
      item: {
        id: `import:${key}`,
        title: archName(read.arch, key),
        kind: `Imported from ${fileName}.`,
        arch: read.arch,
        key,
        metrics,
        ...(testLoss !== undefined ? { testLoss } : {}),
        note: '',
      },
    };
  } catch (err) {
    return { ok: false, message: `${fileName} is not an architecture this playground can read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** A NasRec config read into `space` when its blocks fit it, else into the paper-scale preset of its `config`. */
function nasrecInto(value: unknown, space: SpaceConfig | undefined): ReturnType<typeof archFromNasrecJson> {
  if (space) {
    try {
      return archFromNasrecJson(value, space);
    } catch {
      // fall through to the paper-scale space
    }
  }
  return archFromNasrecJson(value);
}
