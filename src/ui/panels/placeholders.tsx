// Steps 4–5 of the flow, shown greyed out with a plain-language note until they are built.
import { Panel } from '../components/Panel.tsx';

interface Placeholder {
  step: number;
  title: string;
  text: string;
}

/** The steps not built yet, in the order a user goes through them. */
export const NEXT_STEPS: Placeholder[] = [
  {
    step: 4,
    title: 'Search',
    text: 'Evolve a population of architectures, scoring each with the shared weights instead of training it from scratch, and compare quality against cost.',
  },
  {
    step: 5,
    title: 'Rank check',
    text: 'Train a few architectures from scratch and check whether the supernet ranked them in the right order — the test of whether the search can be trusted.',
  },
];

/** A greyed "coming next" panel per later step. */
export function PlaceholderPanels() {
  return (
    <>
      {NEXT_STEPS.map((p) => (
        <Panel key={p.step} step={p.step} title={p.title} explanation={<p>{p.text}</p>} placeholder />
      ))}
    </>
  );
}
