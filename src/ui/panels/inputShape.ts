// The model's raw input shape for loaded data, as the graphs label it. Pure.
import type { InputShape } from '../../core/space/types.ts';
import type { DataReadyMessage } from '../../worker/protocol.ts';

/** Dense and categorical field counts (Avazu has no dense field and gets one zero column, §2.2). */
export function inputShape(data: DataReadyMessage | undefined): InputShape | undefined {
  if (!data) return undefined;
  const dense = data.stats.fields.filter((f) => f.kind === 'dense').length;
  return { dense: Math.max(dense, 1), sparse: data.stats.fields.length - dense };
}
