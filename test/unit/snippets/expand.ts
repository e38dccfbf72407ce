/**
 * Expands a VS Code snippet body with its default values, the way the editor does when the user accepts every
 * default: `${1:x}` -> x, `${1|a,b|}` -> a, `$1` -> the value of placeholder 1 (a mirror) or "" when it has none,
 * `$0` -> "", `${VAR:default}` -> default, other variables -> "", escapes `\$`, `\}` and `\\` -> the character.
 *
 * Written for the snippet tests so that every snippet can be expanded and linted as a RouterOS script.
 */

type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number }
  | { readonly kind: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children: readonly SnippetNode[] | undefined };

/** Characters a backslash can escape in ordinary snippet text. */
const TEXT_ESCAPABLE = new Set(['$', '}', '\\']);

class SnippetParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  /** Parses until the end of the text, or until an unescaped `}` when `insideBraces`. */
  parseSequence(insideBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flushText = (): void => {
      if (text !== '') {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === '\\' && TEXT_ESCAPABLE.has(this.source[this.pos + 1] ?? '')) {
        text += this.source[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && insideBraces) {
        break;
      } else if (ch === '$') {
        const node = this.parseDollar();
        if (node) {
          flushText();
          nodes.push(node);
        } else {
          // A `$` that starts no tab stop or variable is literal text (VS Code does the same).
          text += '$';
          this.pos += 1;
        }
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flushText();
    return nodes;
  }

  /** Parses the construct starting at `$`; returns undefined (position unchanged) when it is plain text. */
  private parseDollar(): SnippetNode | undefined {
    const start = this.pos;
    const rest = this.source.slice(start + 1);
    const bareIndex = /^\d+/.exec(rest);
    if (bareIndex) {
      this.pos = start + 1 + bareIndex[0].length;
      return { kind: 'tabstop', index: Number(bareIndex[0]) };
    }
    const bareVariable = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (bareVariable) {
      this.pos = start + 1 + bareVariable[0].length;
      return { kind: 'variable', name: bareVariable[0], children: undefined };
    }
    if (rest[0] !== '{') return undefined;

    const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (!braced) return undefined;
    const name = braced[1] ?? '';
    const isIndex = /^\d/.test(name);
    this.pos = start + 1 + braced[0].length;
    const next = this.source[this.pos];

    if (next === '}') {
      this.pos += 1;
      return isIndex ? { kind: 'tabstop', index: Number(name) } : { kind: 'variable', name, children: undefined };
    }
    if (next === ':') {
      this.pos += 1;
      const children = this.parseSequence(true);
      if (this.source[this.pos] !== '}') return this.rewind(start);
      this.pos += 1;
      return isIndex
        ? { kind: 'placeholder', index: Number(name), children }
        : { kind: 'variable', name, children };
    }
    if (next === '|' && isIndex) {
      const options = this.parseChoiceOptions();
      if (!options) return this.rewind(start);
      return { kind: 'choice', index: Number(name), options };
    }
    if (next === '/') {
      // A transform (`${1/regex/format/flags}`) changes a mirror's text; with defaults only, the mirror's value
      // is kept as is, which is all the snippet tests need.
      const close = this.source.indexOf('}', this.pos);
      if (close < 0) return this.rewind(start);
      this.pos = close + 1;
      return isIndex ? { kind: 'tabstop', index: Number(name) } : { kind: 'variable', name, children: undefined };
    }
    return this.rewind(start);
  }

  /** Reads `|a,b,c|}` after the index of a choice; `\,` `\|` and `\\` are escapes inside options. */
  private parseChoiceOptions(): string[] | undefined {
    this.pos += 1; // the opening `|`
    const options: string[] = [];
    let current = '';
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      const following = this.source[this.pos + 1] ?? '';
      if (ch === '\\' && [',', '|', '\\', '$', '}'].includes(following)) {
        current += following;
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos += 1;
      } else if (ch === '|' && following === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos += 1;
      }
    }
    return undefined;
  }

  private rewind(start: number): undefined {
    this.pos = start;
    return undefined;
  }
}

/** The value each tab stop index takes: from its first placeholder or choice, in document order. */
function collectDefaults(nodes: readonly SnippetNode[], defaults: Map<number, readonly SnippetNode[] | string>): void {
  for (const node of nodes) {
    if (node.kind === 'placeholder') {
      if (!defaults.has(node.index)) defaults.set(node.index, node.children);
      collectDefaults(node.children, defaults);
    } else if (node.kind === 'choice') {
      if (!defaults.has(node.index)) defaults.set(node.index, node.options[0] ?? '');
    } else if (node.kind === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

function render(
  nodes: readonly SnippetNode[],
  defaults: Map<number, readonly SnippetNode[] | string>,
  visiting: Set<number>,
): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.value;
        break;
      case 'choice':
        out += node.options[0] ?? '';
        break;
      case 'placeholder':
        out += renderIndex(node.index, defaults, visiting, node.children);
        break;
      case 'tabstop':
        out += node.index === 0 ? '' : renderIndex(node.index, defaults, visiting, []);
        break;
      case 'variable':
        out += node.children ? render(node.children, defaults, visiting) : '';
        break;
    }
  }
  return out;
}

/** Renders a tab stop or mirror; a placeholder that contains its own index (invalid) renders as empty. */
function renderIndex(
  index: number,
  defaults: Map<number, readonly SnippetNode[] | string>,
  visiting: Set<number>,
  fallback: readonly SnippetNode[],
): string {
  if (visiting.has(index)) return '';
  const value = defaults.get(index) ?? fallback;
  if (typeof value === 'string') return value;
  visiting.add(index);
  const text = render(value, defaults, visiting);
  visiting.delete(index);
  return text;
}

/** Expands a snippet body (a string, or lines as in snippet JSON files) with every default accepted. */
export function expandSnippet(body: string | readonly string[]): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new SnippetParser(source).parseSequence(false);
  const defaults = new Map<number, readonly SnippetNode[] | string>();
  collectDefaults(nodes, defaults);
  return render(nodes, defaults, new Set());
}

/** The tab stop indexes a body uses (placeholders, choices and bare tab stops, `$0` included). */
export function tabStopIndexes(body: string | readonly string[]): number[] {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new SnippetParser(source).parseSequence(false);
  const found = new Set<number>();
  const walk = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop' || node.kind === 'choice') found.add(node.index);
      if (node.kind === 'placeholder') {
        found.add(node.index);
        walk(node.children);
      }
      if (node.kind === 'variable' && node.children) walk(node.children);
    }
  };
  walk(nodes);
  return [...found].sort((a, b) => a - b);
}
