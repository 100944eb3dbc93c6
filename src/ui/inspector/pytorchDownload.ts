// Asks the worker for an architecture's PyTorch bundle and offers the zip for download. DOM (through download.ts).
import type { Arch, SpaceConfig } from '../../core/space/types.ts';
import type { PlaygroundClient } from '../../worker/client.ts';
import { downloadBlob } from '../download.ts';

/**
 * Downloads the PyTorch module, training script and README of `arch` (with the trained weights when it is the last
 * search's winner). @returns what was written, as a sentence for the status line; rejects with the worker's reason
 */
export async function downloadPytorch(client: PlaygroundClient, arch: Arch, space: SpaceConfig, name: string): Promise<string> {
  const reply = await client.exportCode(arch, space, name);
  downloadBlob(reply.fileName, new Blob([reply.zip], { type: 'application/zip' }));
  const weights = reply.files.some((f) => f.endsWith('.bin'));
  return `Downloaded ${reply.fileName}: ${reply.files.join(', ')}${weights ? ' (the trained weights are included)' : ''}.`;
}
