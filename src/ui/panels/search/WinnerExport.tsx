// The search winner's trained model, downloadable as tfjs model files (model.json + weights) or with PyTorch code.
import { useState } from 'react';
import type { Arch, SpaceConfig } from '../../../core/space/types.ts';
import { downloadBlob } from '../../download.ts';
import { formatMB } from '../../format.ts';
import { useClient } from '../../hooks/useClient.ts';
import { downloadPytorch } from '../../inspector/pytorchDownload.ts';

export interface WinnerExportProps {
  arch: Arch;
  space: SpaceConfig;
  name: string;
}

/** `data-testid="winner-export"`: buttons for the winner's model files and its PyTorch bundle, and what they wrote. */
export function WinnerExport({ arch, space, name }: WinnerExportProps) {
  const client = useClient();
  const [status, setStatus] = useState('');
  const fail = (err: unknown) => setStatus(err instanceof Error ? err.message : String(err));
  const downloadModel = () => {
    setStatus('Reading the trained weights…');
    client.exportModel().then((files) => {
      downloadBlob(files.jsonName, new Blob([files.json], { type: 'application/json' }));
      downloadBlob(files.weightsName, new Blob([files.weights], { type: 'application/octet-stream' }));
      setStatus(`Downloaded ${files.jsonName} and ${files.weightsName} (${formatMB(files.weights.byteLength)}).`);
    }, fail);
  };
  const exportPytorch = () => {
    setStatus('Writing the PyTorch code…');
    downloadPytorch(client, arch, space, name).then(setStatus, fail);
  };
  return (
    <div className="winner-export" data-testid="winner-export">
      <p>
        <strong>The winner, trained:</strong>{' '}
        <button type="button" onClick={downloadModel} data-testid="download-model" title="tfjs model files: model.json (architecture, data encoding, weights manifest) and model.weights.bin">
          Download model (model.json + weights)
        </button>{' '}
        <button type="button" onClick={exportPytorch} data-testid="download-pytorch" title="PyTorch module, the §11 training script, and these weights, to train at scale">
          PyTorch code + weights (.zip)
        </button>
      </p>
      <p className="hint" role="status" data-testid="winner-export-status">
        {status || 'Open the model files again below ("Open an architecture file") to check them on the loaded data.'}
      </p>
    </div>
  );
}
