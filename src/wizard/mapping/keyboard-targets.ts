import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * Arrow keys move a picked-up column from one field to the next (in reading order) instead of
 * by pixels, so a keyboard user reaches every field in a few presses. The current field is the
 * one whose position the column was last moved to, so a slow collision update cannot make a
 * key press land on the same field twice. Hidden fields (inside a closed "More fields") have no
 * size and are skipped.
 */
export const jumpBetweenFields: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  const forward = FORWARD.has(event.code);
  if (!forward && !BACKWARD.has(event.code)) return undefined;
  event.preventDefault();
  const { droppableContainers, droppableRects, collisionRect } = context;
  if (!collisionRect) return undefined;
  const stops = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect): rect is NonNullable<typeof rect> =>
      Boolean(rect && rect.width > 0 && rect.height > 0),
    )
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((rect) => ({
      x: rect.left + (rect.width - collisionRect.width) / 2,
      y: rect.top + (rect.height - collisionRect.height) / 2,
    }));
  if (stops.length === 0) return undefined;
  const current = stops.findIndex(
    (stop) =>
      Math.abs(stop.x - currentCoordinates.x) < 2 && Math.abs(stop.y - currentCoordinates.y) < 2,
  );
  const next =
    current < 0
      ? forward
        ? 0
        : stops.length - 1
      : (current + (forward ? 1 : -1) + stops.length) % stops.length;
  return stops[next];
};
