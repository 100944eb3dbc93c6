// "SVG" and "PNG" buttons that save the chart they sit in (the nearest element with `data-chart`).
import { useRef, useState } from 'react';
import { downloadBlob } from '../download.ts';
import { chartFileName, mainSvg, standaloneSvg, svgToPng } from './exportChart.ts';

export function ChartExport({ title }: { title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = async (kind: 'svg' | 'png') => {
    const scope = ref.current?.closest('[data-chart]');
    const svg = scope ? mainSvg(scope) : undefined;
    if (!svg) return setProblem('Nothing is drawn yet.');
    try {
      const standalone = standaloneSvg(svg);
      const blob = kind === 'svg' ? new Blob([standalone.text], { type: 'image/svg+xml' }) : await svgToPng(standalone);
      downloadBlob(chartFileName(title, kind), blob);
      setProblem(undefined);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="chart-export" ref={ref}>
      <button type="button" className="link" onClick={() => void save('svg')} aria-label={`Save “${title}” as SVG`} data-testid="chart-export-svg">
        SVG
      </button>
      <button type="button" className="link" onClick={() => void save('png')} aria-label={`Save “${title}” as PNG`} data-testid="chart-export-png">
        PNG
      </button>
      {problem && <span className="hint">{problem}</span>}
    </div>
  );
}
