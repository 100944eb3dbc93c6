// Your own data: a file chooser with a drop zone, or a URL (with the bundled small sample as an example).
import { useId, useState } from 'react';
import type { DragEvent } from 'react';

/** The small generated sample file served from `public/`, offered as a URL example. */
export const EXAMPLE_URL = '/sample-criteo-2k.tsv';

export interface SourceControlsProps {
  /** The URL field's first value (a shared link's data address). */
  initialUrl?: string;
  onFile(file: File): void;
  onUrl(url: string): void;
  /** False while the options form has an invalid value. */
  canLoad: boolean;
}

/** File input, drag-and-drop zone, URL field and "Load URL" button. */
export function SourceControls({ onFile, onUrl, canLoad, initialUrl }: SourceControlsProps) {
  const fileId = useId();
  const urlId = useId();
  const [url, setUrl] = useState(initialUrl ?? '');
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && canLoad) onFile(file);
  };
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <fieldset className="card">
      <legend>Your data</legend>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <label htmlFor={fileId}>Drop a Criteo TSV, Avazu CSV or CSV file here, or choose one:</label>
        <input
          id={fileId}
          type="file"
          accept=".txt,.tsv,.csv,.gz,text/plain,text/csv,text/tab-separated-values"
          data-testid="file-input"
          disabled={!canLoad}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            // Clear so choosing the same file again (after editing options) loads it again.
            e.target.value = '';
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={urlId}>Or a URL</label>
        <div className="inline">
          <input
            id={urlId}
            type="url"
            placeholder="https://…/data.tsv"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && url.trim() !== '' && canLoad) onUrl(url.trim());
            }}
            data-testid="url-input"
          />
          <button type="button" onClick={() => onUrl(url.trim())} disabled={url.trim() === '' || !canLoad} data-testid="load-url">
            Load URL
          </button>
        </div>
      </div>
      <p className="hint">
        Example:{' '}
        <button
          type="button"
          className="link"
          disabled={!canLoad}
          onClick={() => {
            setUrl(EXAMPLE_URL);
            onUrl(EXAMPLE_URL);
          }}
          data-testid="load-example-url"
        >
          {EXAMPLE_URL}
        </button>{' '}
        (2,000 generated rows served with this page).
      </p>
    </fieldset>
  );
}
