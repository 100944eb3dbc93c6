// Opens an exported architecture file (playground JSON or NasRec config JSON) or a trained model's files in the
// inspector: the round trip of the inspector's and the search winner's exports.
import { useId, useState } from 'react';
import type { InputShape, SpaceConfig } from '../../core/space/types.ts';
import { ArchInspector } from './ArchInspector.tsx';
import { importArchText, type ImportResult } from './importArch.ts';
import { manifestPathOf, modelItem, pickModelFiles } from './importModel.ts';
import { useClient } from '../hooks/useClient.ts';

export interface ArchImportProps {
  /** The current space (a playground JSON without its own space is read into it). */
  space: SpaceConfig | undefined;
  input: InputShape | undefined;
  /** Data is loaded (an opened model is then measured on its test split). */
  dataLoaded?: boolean;
}

/**
 * `data-testid="arch-import"`: a file input for an architecture JSON, a NasRec config, or a trained model's
 * model.json with its weights file; what was read opens in an inspector below it.
 */
export function ArchImport({ space, input, dataLoaded = false }: ArchImportProps) {
  const inputId = useId();
  const client = useClient();
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const read = async (files: File[]) => {
    if (files.length === 1) {
      const file = files[0]!;
      const text = await file.text();
      const asArch = importArchText(text, file.name, space, input);
      const path = asArch.ok ? undefined : manifestPathOf(text);
      setResult(!path ? asArch : { ok: false, message: `${file.name} is a trained model's model.json: choose it together with its weights file (${path}), both at once.` });
      return;
    }
    const texts = new Map<File, string>();
    for (const f of files) if (f.name.toLowerCase().endsWith('.json')) texts.set(f, await f.text());
    const pair = pickModelFiles(files, (f) => manifestPathOf(texts.get(f) ?? ''));
    if ('problem' in pair) return setResult({ ok: false, message: pair.problem });
    setBusy(true);
    try {
      const reply = await client.openModel(texts.get(pair.json)!, await pair.weights.arrayBuffer());
      setResult(modelItem(reply, `${pair.json.name} + ${pair.weights.name}`));
    } catch (err) {
      setResult({ ok: false, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="arch-import" data-testid="arch-import" data-busy={busy}>
      <label htmlFor={inputId}>
        Open an architecture file (exported JSON or NasRec config JSON), or a trained model (model.json and its weights file together)
        {dataLoaded ? '' : ' — load data first to measure a model on it'}:{' '}
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".json,.bin,application/json,application/octet-stream"
        data-testid="arch-import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) void read(files);
          e.target.value = '';
        }}
      />
      {busy && <span className="hint"> Reading the model and measuring it on the loaded test split…</span>}
      {result && !result.ok && (
        <p className="alert alert-error" role="alert" data-testid="arch-import-error">
          {result.message}
        </p>
      )}
      {result?.ok && <ArchInspector item={result.item} space={result.space} input={input} onClose={() => setResult(undefined)} />}
    </div>
  );
}
