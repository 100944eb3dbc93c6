// Opens an exported architecture file (playground JSON or NasRec config JSON) in the inspector: the round trip of the inspector's exports.
import { useId, useState } from 'react';
import type { InputShape, SpaceConfig } from '../../core/space/types.ts';
import { ArchInspector } from './ArchInspector.tsx';
import { importArchText, type ImportResult } from './importArch.ts';

export interface ArchImportProps {
  /** The current space (a playground JSON without its own space is read into it). */
  space: SpaceConfig | undefined;
  input: InputShape | undefined;
}

/** `data-testid="arch-import"`: a file input; the imported architecture opens in an inspector below it. */
export function ArchImport({ space, input }: ArchImportProps) {
  const inputId = useId();
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const read = async (file: File) => setResult(importArchText(await file.text(), file.name, space, input));
  return (
    <div className="arch-import" data-testid="arch-import">
      <label htmlFor={inputId}>Open an architecture file (exported JSON or NasRec config JSON): </label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        data-testid="arch-import-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void read(file);
          e.target.value = '';
        }}
      />
      {result && !result.ok && (
        <p className="alert alert-error" role="alert" data-testid="arch-import-error">
          {result.message}
        </p>
      )}
      {result?.ok && <ArchInspector item={result.item} space={result.space} input={input} onClose={() => setResult(undefined)} />}
    </div>
  );
}
