// The frame of one step of the flow: number, title, plain-language explanation beside the content.
import type { ReactNode } from 'react';

export interface PanelProps {
  step: number;
  title: string;
  /** A few sentences a teacher could read out: what this step does and why. */
  explanation: ReactNode;
  /** Greyed out, with a "coming next" tag, for steps not built yet. */
  placeholder?: boolean;
  children?: ReactNode;
  /** Extra attributes for tests and state (e.g. `data-status`). */
  dataAttrs?: Record<`data-${string}`, string | number>;
}

/** A numbered step panel; its heading names the region for assistive technology. */
export function Panel({ step, title, explanation, placeholder = false, children, dataAttrs }: PanelProps) {
  const headingId = `panel-${step}-title`;
  return (
    <section className={`panel${placeholder ? ' panel-placeholder' : ''}`} aria-labelledby={headingId} {...dataAttrs}>
      <header className="panel-header">
        <h2 id={headingId}>
          <span className="panel-step" aria-hidden="true">
            {step}
          </span>
          <span className="visually-hidden">Step {step}: </span>
          {title}
        </h2>
        {placeholder && <span className="tag tag-next">Coming next</span>}
      </header>
      <div className="panel-body">
        <aside className="panel-explanation">{explanation}</aside>
        {children !== undefined && <div className="panel-content">{children}</div>}
      </div>
    </section>
  );
}
