// Model files (model.json + weights) chosen in the import input: which file is which, and the inspector item of
// the worker's answer. Pure.
import type { ModelOpenedMessage } from '../../worker/protocol.ts';
import { archName } from '../arch/archName.ts';
import { formatCount, formatLogLoss } from '../format.ts';
import type { ImportResult } from './importArch.ts';

/** A chosen file: its name (and, for model.json, its text). */
interface Named {
  name: string;
}

/**
 * Splits a selection into model.json and its weights file: the .bin the manifest names, else the only .bin chosen.
 * @returns the pair, or why the selection is not one model's files
 */
export function pickModelFiles<F extends Named>(files: readonly F[], manifestPath: (json: F) => string | undefined): { json: F; weights: F } | { problem: string } {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const bins = files.filter((f) => !f.name.toLowerCase().endsWith('.json'));
  if (jsons.length !== 1) return { problem: `Choose one model.json together with its weights file; ${jsons.length} JSON files were chosen.` };
  const json = jsons[0]!;
  const wanted = manifestPath(json);
  const weights = bins.find((b) => b.name === wanted) ?? (bins.length === 1 ? bins[0] : undefined);
  if (!weights) return { problem: `Choose ${json.name} together with its weights file${wanted ? ` (${wanted})` : ''}: select both files at once.` };
  return { json, weights };
}

/** The weights file a model.json's manifest names, if the text is one. */
export function manifestPathOf(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { weightsManifest?: { paths?: unknown[] }[] };
    const path = value.weightsManifest?.[0]?.paths?.[0];
    return typeof path === 'string' ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The inspector item of opened model files: what the file says, and what the model scores on the loaded data. */
export function modelItem(reply: ModelOpenedMessage, fileName: string): ImportResult {
  const m = reply.metadata;
  const metrics: { label: string; value: string }[] = [
    { label: 'Format', value: 'Trained model (tfjs model files)' },
    { label: 'Trained weights (non-embedding)', value: formatCount(reply.params) },
  ];
  if (m.test) metrics.push({ label: 'Test log loss (stored in the file)', value: formatLogLoss(m.test.logLoss) });
  if ('test' in reply.evaluation) {
    metrics.push(
      { label: `Test log loss on the loaded data (${formatCount(reply.evaluation.rows)} rows)`, value: formatLogLoss(reply.evaluation.test.logLoss) },
      { label: 'Test AUC on the loaded data', value: reply.evaluation.test.auc.toFixed(4) },
    );
  } else metrics.push({ label: 'Measured on the loaded data', value: `not measured: ${reply.evaluation.skipped}` });
  const testLoss = 'test' in reply.evaluation ? reply.evaluation.test.logLoss : m.test?.logLoss;
  return {
    ok: true,
    space: reply.space,
    item: {
      id: `model:${reply.key}`,
      title: archName(reply.arch, reply.key),
      kind: `Trained model opened from ${fileName}${m.trainedOn ? `, trained on ${m.trainedOn}` : ''}.`,
      arch: reply.arch,
      key: reply.key,
      metrics,
      ...(testLoss !== undefined ? { testLoss } : {}),
      note: '',
    },
  };
}
