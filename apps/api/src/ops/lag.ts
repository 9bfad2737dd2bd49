import type { EventStore } from '@app/event-store';
import type { LiveProjections } from '@app/projections';

/** How far the read models are behind the store: the last stored position minus the projected one. */
export async function projectionLag(
  store: EventStore,
  runner: LiveProjections,
): Promise<{ head: bigint; position: bigint; lag: bigint }> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
  const head = last ? last.position.commit : 0n;
  const position = runner.position < 0n ? 0n : runner.position;
  return { head, position, lag: head > position ? head - position : 0n };
}
