// A YAML block → a small tree whose every node knows its source offsets, built from js-yaml's
// `parseEvents`. Aliases are kept as nodes and never expanded, so an alias bomb costs nothing.
import { EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents, type Event } from 'js-yaml';

// Plain local bindings: in the bundle, every read of an imported binding goes through a getter,
// and these are read once per YAML event (the getter was 2 % of a check).
const { DOCUMENT, SCALAR, ALIAS, SEQUENCE, MAPPING, POP } = EVENT_ID;
const PLAIN = SCALAR_STYLE.PLAIN;
const scalarValue = getScalarValue;

interface NodeBase {
  start: number;
  end: number;
}
export interface YScalar extends NodeBase {
  kind: 'scalar';
  value: string;
  plain: boolean;
  empty: boolean;
}
export interface YSeq extends NodeBase {
  kind: 'seq';
  items: YNode[];
}
export interface YMap extends NodeBase {
  kind: 'map';
  entries: { key: YNode; value: YNode }[];
}
export interface YAlias extends NodeBase {
  kind: 'alias';
}
export type YNode = YScalar | YSeq | YMap | YAlias;

export interface YamlError {
  message: string;
  offset: number;
}
export type YamlResult = { ok: true; root: YNode | undefined } | { ok: false; error: YamlError };

/** Deeper than any statutory table, shallow enough that nothing recurses dangerously. */
const MAX_DEPTH = 20;

/** Parses one YAML document. Offsets are relative to `source`. Never throws. */
export function parseYamlTree(source: string): YamlResult {
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: MAX_DEPTH });
  } catch (e) {
    if (e instanceof YAMLException) {
      return { ok: false, error: { message: e.reason || e.message, offset: e.mark?.position ?? 0 } };
    }
    return { ok: false, error: { message: String((e as Error)?.message ?? e), offset: 0 } };
  }
  const tree = buildTree(source, events);
  if (tree.documents > 1) {
    return { ok: false, error: { message: 'more than one YAML document (---) in a table block', offset: 0 } };
  }
  return { ok: true, root: tree.root };
}

/** The tree of `source` from its events, and how many documents they hold. */
function buildTree(source: string, events: Event[]): { root: YNode | undefined; documents: number } {
  // Explicit stack instead of recursion: nesting depth is bounded by the parser, but stay safe.
  type Frame = { node: YSeq | YMap; pendingKey?: YNode };
  const stack: Frame[] = [];
  let root: YNode | undefined;
  let lastEnd = 0;
  let documents = 0;

  const attach = (node: YNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root ??= node;
      return;
    }
    if (top.node.kind === 'seq') top.node.items.push(node);
    else if (top.pendingKey === undefined) top.pendingKey = node;
    else {
      top.node.entries.push({ key: top.pendingKey, value: node });
      top.pendingKey = undefined;
    }
  };

  for (const ev of events) {
    switch (ev.type) {
      case SCALAR: {
        const empty = ev.valueStart < 0;
        // An empty value has no offsets: place it just after the preceding node (the key's colon).
        const start = empty ? emptyValueOffset(source, lastEnd) : ev.valueStart;
        const end = empty ? start : ev.valueEnd;
        const node: YScalar = {
          kind: 'scalar',
          start,
          end,
          empty,
          value: empty ? '' : scalarValue(source, ev),
          plain: ev.style === PLAIN,
        };
        attach(node);
        lastEnd = end;
        break;
      }
      case ALIAS: {
        const node: YAlias = { kind: 'alias', start: Math.max(0, ev.anchorStart - 1), end: ev.anchorEnd };
        attach(node);
        lastEnd = node.end;
        break;
      }
      case SEQUENCE:
      case MAPPING: {
        const node: YSeq | YMap =
          ev.type === SEQUENCE
            ? { kind: 'seq', start: ev.start, end: ev.start, items: [] }
            : { kind: 'map', start: ev.start, end: ev.start, entries: [] };
        attach(node);
        stack.push({ node });
        break;
      }
      case POP: {
        const frame = stack.pop();
        if (frame) {
          frame.node.end = Math.max(frame.node.end, lastEnd);
          if (frame.node.kind === 'seq' && source[frame.node.start] === '[') {
            // A flow sequence ends at its closing bracket: include it so the range covers `[…]`.
            const close = source.indexOf(']', lastEnd);
            if (close !== -1 && /^[\s,]*$/.test(source.slice(lastEnd, close))) frame.node.end = close + 1;
          }
          if (frame.node.kind === 'map' && source[frame.node.start] === '{') {
            const close = source.indexOf('}', lastEnd);
            if (close !== -1 && /^[\s,]*$/.test(source.slice(lastEnd, close))) frame.node.end = close + 1;
          }
          lastEnd = frame.node.end;
        }
        break;
      }
      case DOCUMENT:
        documents++;
        break;
      default:
        break;
    }
  }
  return { root, documents };
}

/**
 * Where an empty value stands: just after its key's colon. Only a colon right after the key counts
 * (past spaces and a closing quote): in `{社会公益 0, 其他: 0}` the first key has no colon, and
 * 其他's colon is not its.
 */
function emptyValueOffset(source: string, after: number): number {
  let i = after;
  while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '"' || source[i] === "'")) i++;
  return source[i] === ':' ? i + 1 : after;
}
