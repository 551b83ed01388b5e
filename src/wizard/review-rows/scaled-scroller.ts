/**
 * The grid's scroll box as the virtualiser sees it when the list is taller than the body may be
 * (scaled-scroll.ts): its position, its scroll range and its writes are in the list's own
 * pixels, mapped to the real box's by one factor. Everything the virtualiser reads of its scroll
 * element (scrollTop, scrollHeight − clientHeight for the end, scrollTo, the scroll events) goes
 * through here, so its clamping to the end and its "scroll to the last row" agree with the list.
 */
import { scrollScale, toPhysical, toVirtual } from './scaled-scroll';

export interface ListHeights {
  /** The list's own height: rows × 32. */
  readonly virtual: number;
  /** The body's physical height. */
  readonly body: number;
}

export class ScaledScroller {
  /**
   * The box's scrollTop at the virtualiser's last read of it, and the list position it was
   * read as. The rows are drawn from this pair, so they sit where the list position says
   * relative to where the box really was.
   */
  physicalTop = 0;
  virtualTop = 0;
  /**
   * The last position written, and where in the box it went. The box keeps its scrollTop in
   * whole (device) pixels, so it reads back as much as a pixel off, which is `scale` list
   * pixels: read back so, it is the position written, exactly (the rows then land where the
   * virtualiser put them, and it sees its own write).
   */
  private written: { readonly physical: number; readonly virtual: number } | undefined;

  constructor(
    readonly element: HTMLElement,
    private readonly heights: () => ListHeights,
  ) {}

  private scale(): number {
    const { virtual, body } = this.heights();
    const element = this.element;
    return scrollScale(virtual, body, element.scrollHeight - element.clientHeight);
  }

  get ownerDocument(): Document {
    return this.element.ownerDocument;
  }

  get scrollTop(): number {
    const top = this.element.scrollTop;
    const written = this.written;
    this.physicalTop = top;
    if (written && Math.abs(top - written.physical) < 1) {
      this.virtualTop = written.virtual;
    } else {
      this.written = undefined;
      this.virtualTop = toVirtual(top, this.scale());
    }
    return this.virtualTop;
  }

  get scrollLeft(): number {
    return this.element.scrollLeft;
  }

  /** As tall as makes scrollHeight − clientHeight the list's scroll range. */
  get scrollHeight(): number {
    const element = this.element;
    const range = element.scrollHeight - element.clientHeight;
    return element.clientHeight + toVirtual(range, this.scale());
  }

  get scrollWidth(): number {
    return this.element.scrollWidth;
  }

  get clientHeight(): number {
    return this.element.clientHeight;
  }

  get clientWidth(): number {
    return this.element.clientWidth;
  }

  get style(): CSSStyleDeclaration {
    return this.element.style;
  }

  scrollTo(options: ScrollToOptions): void {
    const { top, ...rest } = options;
    if (top === undefined) {
      this.element.scrollTo(rest);
      return;
    }
    const physical = toPhysical(top, this.scale());
    this.written = { physical, virtual: top };
    this.element.scrollTo({ ...rest, top: physical });
  }

  addEventListener(...args: Parameters<HTMLElement['addEventListener']>): void {
    this.element.addEventListener(...args);
  }

  removeEventListener(...args: Parameters<HTMLElement['removeEventListener']>): void {
    this.element.removeEventListener(...args);
  }
}

/** The real element behind the virtualiser's scroll element. */
export function realScrollElement(element: Element | ScaledScroller): Element {
  return element instanceof ScaledScroller ? element.element : element;
}
