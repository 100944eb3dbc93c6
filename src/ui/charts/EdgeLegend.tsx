// Legend of the block graph's edges (dense, left/right, sparse, unused) and its module tags.

/** Edge styles (CSS class → words), drawn like the graph's edges. */
const EDGE_STYLES: [className: string, label: string][] = [
  ['legend-dense', 'dense input (above)'],
  ['legend-lr', 'left / right input of Sum or SG'],
  ['legend-sparse', 'sparse input (below)'],
];

/** The edge kinds of the block graph, drawn like its edges, and its module tags. */
export function EdgeLegend({ unusedLabel = 'sampled but not read' }: { unusedLabel?: string }) {
  return (
    <ul className="chart-legend edge-legend">
      {EDGE_STYLES.map(([className, label]) => (
        <li key={className}>
          <svg width="30" height="10" aria-hidden="true">
            <line x1="1" x2="29" y1="5" y2="5" className={className} />
          </svg>
          {label}
        </li>
      ))}
      <li>
        <svg width="30" height="10" aria-hidden="true">
          <line x1="1" x2="29" y1="5" y2="5" className="legend-unused" />
        </svg>
        {unusedLabel}
      </li>
      <li>D→S: dense→sparse module · FM: sparse→dense module</li>
    </ul>
  );
}
