/**
 * How far the watch reads: the part of the page near the screen now, the rest when it nears the
 * screen. A long feed holds thousands of posts the user has not reached; reading them all on
 * arrival costs the page far more than what is on screen, and a control no one can see is not
 * one they can use yet. The head, and any list too short to be worth measuring, is read whole.
 *
 * The walk goes through the tree in document order, in slices, from a stack of places so it can
 * pause and resume. In a list of siblings, consecutive children far from the screen become a
 * run, left unread, whose two ends an IntersectionObserver watches; when either end comes within
 * a screen of the viewport, the run is walked like any other list, and what is still far is
 * parked again. A page that grows at the end of a parked run (a feed loading more posts)
 * lengthens the run instead of being read.
 */

/** Consecutive siblings left unread until one of their ends nears the screen. */
interface Run {
  parent: ParentNode;
  first: Element;
  last: Element;
  /**
   * The last end the observer watches. Posts appended to the run do not move it (observe() costs
   * about 25 µs, paid on every batch of a feed): scrolling back up into the run is noticed by the
   * scroll listener, which halves the run around the screen, and so is this end coming near.
   */
  watched?: Element;
}

/** A place in the walk: where the next sibling to read is, and where a parked run is forming. */
interface Place {
  parent: ParentNode;
  next: Element | null;
  /** Stop after this sibling (a run being walked), or walk to the end of the list. */
  last: Element | null;
  /** The sibling read last, to find our place again if the page removed `next` meanwhile. */
  prev: Element | null;
  /** Only lists in the top document, long enough to be worth parking, check geometry. */
  measure: boolean;
  runFirst: Element | null;
  runLast: Element | null;
  runLength: number;
}

export interface HorizonOptions {
  /** Reads one element, not its descendants (the walk brings those). */
  read(element: Element): void;
  /** A parked run neared the screen: there is walking to do. */
  onNearing(): void;
  /** Read everything at once, near the screen or not (the user's "whole page" setting, the scanner). */
  wholePage: boolean;
}

/** Within this much of the viewport (one screen either way) counts as near. */
const MARGIN = '100%';
/** Lists shorter than this are read whole: checking geometry would cost about what reading does. */
const MEASURE_FROM = 8;
/**
 * After this many far siblings in a row, if the list's last child (or the run's) is far on the
 * same side, the rest is taken as far without measuring each: lists lay out in order, so the
 * children between two far ones on the same side are far too. A list laid out out of order
 * shows its last child near or on the other side, and is measured child by child instead.
 */
const ASSUME_ORDER_AFTER = 32;

export function createHorizon(doc: Document, options: HorizonOptions) {
  const stack: Place[] = [];
  const runs = new Set<Run>();
  const runByEnd = new Map<Element, Run>();
  const runsByParent = new WeakMap<ParentNode, Set<Run>>();
  const canPark = !options.wholePage && typeof IntersectionObserver === 'function';
  const observer = canPark
    ? new IntersectionObserver(
        (entries) => {
          let nearing = false;
          for (const entry of entries) {
            const run = entry.isIntersecting ? runByEnd.get(entry.target) : undefined;
            if (!run || !runs.has(run)) continue;
            nearing = true;
            // Reached from its last end (scrolling back up a list, or down a reversed one), a run
            // is halved like after a jump rather than walked from its far first end.
            if (entry.target !== run.first) {
              moved = true;
              continue;
            }
            unpark(run);
            if (run.first.isConnected) stack.push(place(run.parent, run.first, run.last, true));
          }
          if (nearing) options.onNearing();
        },
        { rootMargin: MARGIN },
      )
    : undefined;
  let height = 0;
  let width = 0;
  let read = 0;
  /** The last walk stopped where it had to measure, and was not allowed to. */
  let waitsForLayout = false;
  /** The page scrolled or resized since the last walk: the screen may have jumped into a run. */
  let moved = false;
  const onMove = () => {
    if (moved || !runs.size) return;
    moved = true;
    options.onNearing();
  };
  if (observer) {
    // Capture, because scroll events do not bubble and chats scroll their own boxes.
    doc.addEventListener('scroll', onMove, { capture: true, passive: true });
    doc.defaultView?.addEventListener('resize', onMove, { passive: true });
  }

  function place(parent: ParentNode, next: Element | null, last: Element | null = null, measure = worthMeasuring(parent)): Place {
    return { parent, next, last, prev: null, measure, runFirst: null, runLast: null, runLength: 0 };
  }

  function worthMeasuring(parent: ParentNode): boolean {
    if (!observer || (parent !== doc && (parent as Node).ownerDocument !== doc)) return false;
    // Counted by hand up to the threshold: childElementCount walks every child of a long list.
    let count = 0;
    for (let child = parent.firstElementChild; child && count < MEASURE_FROM; child = child.nextElementSibling) count++;
    return count >= MEASURE_FROM;
  }

  /** Far from the screen, as far as layout says; an element without a box (display: none or contents) is not. */
  function isFar(element: Element): boolean {
    if (!element.firstElementChild) return false; // a leaf costs less to read than to measure
    return sideOf(element) !== 0;
  }

  /** -1 before the screen (above or to the left, past the margin), 1 after it, 0 near it or without a box. */
  function sideOf(element: Element): -1 | 0 | 1 {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return 0;
    if (box.bottom < -height || box.right < -width) return -1;
    if (box.top > 2 * height || box.left > 2 * width) return 1;
    return 0;
  }

  /**
   * A jump (a link to a far post, a restored scroll position, dragging the scroll bar) can land
   * the screen inside a parked run, between its two watched ends, where no end comes near; and a
   * run reached from its last end is best entered there. For a run whose first end is far and
   * whose last end is near or on the other side of the screen, find the siblings near the screen
   * by halving (the list lays out in order, one way or the other), walk those, and park the two
   * sides again.
   */
  function landInRuns() {
    for (const run of [...runs]) {
      if (!run.first.isConnected || !run.last.isConnected || run.first === run.last) continue;
      const before = sideOf(run.first);
      const after = sideOf(run.last);
      if (before === 0 || after === before) continue; // the first end is near (the observer walks it), or all is on one side
      const siblings: Element[] = [];
      for (let node: Element | null = run.first; node; node = node === run.last ? null : node.nextElementSibling) siblings.push(node);
      let low = 0;
      let high = siblings.length - 1;
      let near = -1;
      while (low <= high && near < 0) {
        const middle = (low + high) >> 1;
        const side = sideOf(siblings[middle]!);
        if (side === 0) near = middle;
        else if (side === before) low = middle + 1;
        else high = middle - 1;
      }
      if (near < 0) continue;
      let from = near;
      let to = near;
      while (from > 0 && sideOf(siblings[from - 1]!) === 0) from--;
      while (to < siblings.length - 1 && sideOf(siblings[to + 1]!) === 0) to++;
      unpark(run);
      if (from > 0) park({ parent: run.parent, first: siblings[0]!, last: siblings[from - 1]! });
      if (to < siblings.length - 1) park({ parent: run.parent, first: siblings[to + 1]!, last: siblings.at(-1)! });
      stack.push(place(run.parent, siblings[from]!, siblings[to]!, true));
    }
  }

  function park(run: Run) {
    runs.add(run);
    runByEnd.set(run.first, run);
    runByEnd.set(run.last, run);
    let siblings = runsByParent.get(run.parent);
    if (!siblings) runsByParent.set(run.parent, (siblings = new Set()));
    siblings.add(run);
    observer!.observe(run.first);
    if (run.last !== run.first) observer!.observe(run.last);
    run.watched = run.last;
  }

  function unpark(run: Run) {
    runs.delete(run);
    for (const end of [run.first, run.last, run.watched]) {
      if (!end) continue;
      if (runByEnd.get(end) === run) runByEnd.delete(end);
      observer!.unobserve(end);
    }
    runsByParent.get(run.parent)?.delete(run);
  }

  function closeRun(at: Place) {
    if (at.runFirst && at.runLast) park({ parent: at.parent, first: at.runFirst, last: at.runLast });
    at.runFirst = at.runLast = null;
    at.runLength = 0;
  }

  /** The sibling to read next at this place, found again if the page removed it meanwhile. */
  function nextAt(at: Place): Element | null {
    const next = at.next;
    if (!next || next.isConnected) return next;
    if (at.prev?.isConnected) return at.prev.nextElementSibling;
    // Both gone: start the list over; reading is idempotent, and a run still forming is dropped.
    at.runFirst = at.runLast = null;
    at.runLength = 0;
    return (at.parent as Node).isConnected ? at.parent.firstElementChild : null;
  }

  /**
   * Will the walk still reach this element? A feed appends posts while the first scan runs: those
   * land after the walk's cursor, where the walk (or the run it is forming) takes them in order.
   * Only nodes inserted before a cursor need a walk of their own; walked first, the appended ones
   * would be read whole, ahead of the screen's own walk, and the first scan would grow with them.
   */
  function ahead(element: Element): boolean {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const parent = node.parentNode;
      for (const at of stack) if (at.parent === parent && coming(at, node)) return true;
    }
    return false;
  }

  /** Is `child`, a child of the place's parent, at or after its cursor and within its bounds? */
  function coming(at: Place, child: Element): boolean {
    const next = at.next;
    if (!next) {
      // The run being formed took the list's far end for granted: what is appended after it is far too.
      if (at.runLast && !at.last && child.previousElementSibling === at.runLast) {
        at.runLast = at.prev = child;
        return true;
      }
      return false;
    }
    if (!next.isConnected || next.parentNode !== at.parent) return false;
    if (child === next) return true;
    // Appended at the end of a list walked to its end: the common case, told without comparing positions.
    if (!at.last && !child.nextElementSibling) return true;
    if (!(next.compareDocumentPosition(child) & FOLLOWING)) return false;
    return !at.last || child === at.last || !!(child.compareDocumentPosition(at.last) & FOLLOWING);
  }

  /** Is this element inside a parked run, directly or through an ancestor? */
  function isParked(element: Element): boolean {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const parked = node.parentNode && runsByParent.get(node.parentNode);
      if (parked) for (const run of parked) if (within(run, node)) return true;
    }
    return false;
  }

  return {
    /** Walk a subtree (a document, a shadow root, or an element with its descendants). */
    walk(root: Document | ShadowRoot | Element) {
      if (root.nodeType === 1) stack.push(place((root as Element).parentNode ?? doc, root as Element, root as Element, false));
      else stack.push(place(root as ParentNode, (root as ParentNode).firstElementChild));
    },

    /**
     * An element the page added. Inside a parked run, or appended right after one, it is far
     * like its neighbours and waits with them; anywhere else it is walked.
     */
    added(element: Element) {
      if (stack.length && ahead(element)) return;
      if (observer && element.isConnected) {
        // Checked first because it is the common case and costs no position comparison, which in a
        // list of thousands walks the siblings between the two elements.
        const before = element.previousElementSibling;
        const run = before && runByEnd.get(before);
        if (run && run.last === before && run.parent === element.parentNode) {
          // The watched end keeps its entry, so the observer's word about it still finds the run.
          if (before !== run.first && before !== run.watched) runByEnd.delete(before);
          run.last = element;
          runByEnd.set(element, run);
          return;
        }
        if (isParked(element)) return;
      }
      this.walk(element);
    },

    /** Keeps parked runs whole when the page removes their ends (a feed dropping posts it scrolled past). */
    removed(record: MutationRecord) {
      if (!observer) return;
      for (const node of record.removedNodes) {
        const run = runByEnd.get(node as Element);
        if (!run) continue;
        unpark(run);
        // The new end may itself be gone by now (the records of one batch arrive together, after
        // all of it happened); its own record moves the end on again, and prune() settles the rest.
        const first = node === run.first ? elementFrom(record.nextSibling, 'next') : run.first;
        const last = node === run.last ? elementFrom(record.previousSibling, 'previous') : run.last;
        if (first && last) park({ parent: run.parent, first, last });
      }
    },

    /** Lets go of runs the page took away whole, or emptied (their new first end lies past their last). */
    prune() {
      for (const run of runs)
        if (!run.first.isConnected || !run.last.isConnected || run.first.parentNode !== run.parent || !inOrder(run)) unpark(run);
    },

    /**
     * Walks until `deadline` (a performance.now() time); true if there is more to walk. Without
     * `measure` (called right after the page changed, when layout is stale and asking for a box
     * would make the browser lay the page out at once) it stops at the first element it would
     * have to measure, and leaves that for a later call.
     */
    work(deadline: number, measure = true): boolean {
      waitsForLayout = false;
      height = innerHeight;
      width = innerWidth;
      if (moved) {
        // Landing in the runs the screen moved into needs their boxes: leave it for a walk that may measure.
        if (!measure) return (waitsForLayout = true);
        moved = false;
        landInRuns();
      }
      let steps = 0;
      while (stack.length) {
        if ((++steps & 63) === 0 && performance.now() > deadline) return true;
        const at = stack[stack.length - 1]!;
        const child = nextAt(at);
        if (!child || (at.last && at.prev === at.last)) {
          if (at.measure) closeRun(at);
          stack.pop();
          continue;
        }
        if (at.measure && !measure && child.firstElementChild) return (waitsForLayout = true);
        at.prev = child;
        at.next = child.nextElementSibling;
        if (at.measure && isFar(child)) {
          at.runFirst ??= child;
          at.runLast = child;
          if (++at.runLength === ASSUME_ORDER_AFTER) {
            const end = at.last ?? at.parent.lastElementChild;
            // Same side only: a list whose two far ends lie on either side of the screen has near ones between.
            if (end && end !== child && isFar(end) && sideOf(end) === sideOf(child)) {
              at.runLast = end;
              at.prev = end;
              at.next = null;
            }
          }
          continue;
        }
        if (at.measure) closeRun(at);
        read++;
        options.read(child);
        if (child.firstElementChild) stack.push(place(child, child.firstElementChild));
      }
      return false;
    },

    /** Parked runs, for the benchmark and tests: how much of the page waits. */
    get parked(): number {
      return runs.size;
    },

    /** Did the last walk stop because it had to measure (see `work`)? */
    get waitsForLayout(): boolean {
      return waitsForLayout;
    },

    /** Is there walking left to do? */
    get walking(): boolean {
      return stack.length > 0;
    },

    /** Elements read so far, for the benchmark and tests: what the walk cost in elements. */
    get read(): number {
      return read;
    },

    disconnect() {
      observer?.disconnect();
      doc.removeEventListener('scroll', onMove, { capture: true });
      doc.defaultView?.removeEventListener('resize', onMove);
      stack.length = 0;
      runs.clear();
      runByEnd.clear();
    },
  };
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without needing the Node global

/** Is `element` one of the run's siblings, from its first to its last? */
function within(run: Run, element: Element): boolean {
  if (element === run.first || element === run.last) return true;
  return !!(run.first.compareDocumentPosition(element) & FOLLOWING) && !!(element.compareDocumentPosition(run.last) & FOLLOWING);
}

/** Does the run still start before it ends? Removals can carry its first end past its last. */
function inOrder(run: Run): boolean {
  return run.first === run.last || !!(run.first.compareDocumentPosition(run.last) & FOLLOWING);
}

function elementFrom(node: Node | null, direction: 'next' | 'previous'): Element | null {
  while (node && node.nodeType !== 1) node = direction === 'next' ? node.nextSibling : node.previousSibling;
  return node as Element | null;
}
