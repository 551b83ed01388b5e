import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);

/**
 * Arrow keys move a picked-up column from one field to the next (in reading order) instead of
 * by pixels, so a keyboard user reaches every field in a few presses.
 */
export const jumpBetweenFields: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = FORWARD.has(event.code);
  if (!forward && !BACKWARD.has(event.code)) return undefined;
  event.preventDefault();
  const { droppableContainers, droppableRects, collisionRect, over } = context;
  if (!collisionRect) return undefined;
  const targets = droppableContainers
    .getEnabled()
    .map((container) => ({ id: container.id, rect: droppableRects.get(container.id) }))
    .filter((target): target is { id: typeof target.id; rect: NonNullable<typeof target.rect> } =>
      Boolean(target.rect),
    )
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (targets.length === 0) return undefined;
  const currentIndex = targets.findIndex((target) => target.id === over?.id);
  const nextIndex =
    currentIndex < 0
      ? forward
        ? 0
        : targets.length - 1
      : (currentIndex + (forward ? 1 : -1) + targets.length) % targets.length;
  const next = targets[nextIndex];
  if (!next) return undefined;
  return {
    x: next.rect.left + (next.rect.width - collisionRect.width) / 2,
    y: next.rect.top + (next.rect.height - collisionRect.height) / 2,
  };
};
