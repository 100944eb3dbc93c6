// The architecture inspector: one model's metrics, block graph and JSON (copy, download, NasRec export).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { archToPath } from '../../core/space/index.ts';
import type { InputShape, SpaceConfig } from '../../core/space/types.ts';
import { ArchGraph } from '../charts/ArchGraph.tsx';
import { EdgeLegend } from '../charts/EdgeLegend.tsx';
import { downloadText } from '../download.ts';
import { useClient } from '../hooks/useClient.ts';
import { archJsonText, exportFileName, nasrecJsonText } from './inspectItem.ts';
import { downloadPytorch } from './pytorchDownload.ts';
import type { InspectItem } from './inspectItem.ts';

export interface ArchInspectorProps {
  item: InspectItem;
  /** The space the architecture belongs to (embedded in its JSON). */
  space: SpaceConfig;
  input: InputShape | undefined;
  onClose(): void;
}

/** `data-testid="arch-inspector"` (`data-id` = the model's id); focus moves to its heading when it opens. */
export function ArchInspector({ item, space, input, onClose }: ArchInspectorProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const client = useClient();
  const json = useMemo(() => (item.arch ? archJsonText(item.arch, space) : ''), [item.arch, space]);
  const blocks = useMemo(() => (item.arch ? archToPath(item.arch) : []), [item.arch]);
  useEffect(() => {
    headingRef.current?.focus();
    setStatus('');
  }, [item.id]);

  const copy = () => {
    navigator.clipboard.writeText(json).then(
      () => setStatus('JSON copied to the clipboard.'),
      () => setStatus('The browser did not allow copying: select the JSON below and copy it by hand.'),
    );
  };
  const exportNasrec = () => {
    if (!item.arch) return;
    try {
      downloadText(exportFileName(item.title, '-nasrec'), nasrecJsonText(item.arch, space, item.testLoss));
      setStatus('Downloaded the NasRec config JSON.');
    } catch (err) {
      setStatus(`Could not write the NasRec config: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const exportPytorch = () => {
    if (!item.arch) return;
    setStatus('Writing the PyTorch code…');
    downloadPytorch(client, item.arch, space, item.title).then(setStatus, (err: unknown) => setStatus(err instanceof Error ? err.message : String(err)));
  };

  return (
    <section className="inspector" data-testid="arch-inspector" data-id={item.id} aria-labelledby={headingId}>
      <header className="inspector-header">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          Inspector: {item.title}
        </h3>
        <button type="button" onClick={onClose} data-testid="inspector-close" aria-label="Close the inspector">
          ✕ Close
        </button>
      </header>
      <p className="inspector-kind">{item.kind}</p>
      {item.key && (
        <p className="inspector-key">
          key <code data-testid="inspector-key">{item.key}</code>
        </p>
      )}
      <dl className="inspector-metrics" data-testid="inspector-metrics">
        {item.metrics.map((m) => (
          <div key={m.label}>
            <dt>{m.label}</dt>
            <dd>{m.value}</dd>
          </div>
        ))}
      </dl>
      {item.arch ? (
        <>
          <figure className="chart" data-testid="inspector-graph" data-blocks={blocks.length}>
            <figcaption>Block graph</figcaption>
            <EdgeLegend unusedLabel="chosen but not read" />
            <ArchGraph blocks={blocks} input={input} title={`Blocks of ${item.title}`} />
          </figure>
          <div className="inspector-actions">
            <button type="button" onClick={copy} data-testid="inspector-copy">
              Copy JSON
            </button>
            <button type="button" onClick={() => downloadText(exportFileName(item.title), json)} data-testid="inspector-download">
              Download JSON
            </button>
            <button type="button" onClick={exportNasrec} data-testid="inspector-nasrec" title="The official NasRec config format (nasrec/configs/*.json)">
              Export NasRec JSON
            </button>
            <button
              type="button"
              onClick={exportPytorch}
              data-testid="inspector-pytorch"
              title="A PyTorch module and the NASRec final-training script (NASREC.md §11) for this architecture and the loaded data, to train at scale"
            >
              PyTorch code (.zip)
            </button>
            <span role="status" className="hint" data-testid="inspector-status">
              {status}
            </span>
          </div>
          <details className="inspector-json">
            <summary>Architecture JSON</summary>
            <pre data-testid="inspector-json">{json}</pre>
          </details>
        </>
      ) : (
        <p className="hint">{item.note}</p>
      )}
    </section>
  );
}
