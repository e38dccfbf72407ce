/**
 * Reads an expanded snippet (a RouterOS export-style script) as a list of commands, so that tests can ask
 * "is there an `add` in `/tool netwatch` with an up-script?" instead of matching text. Only the shapes the
 * snippets use are understood: menu lines (`/ip route`), commands with the generic verbs, `name=value`
 * arguments (quoted values keep their escapes), flags, `\` continuations and `#` comment lines.
 */

const VERBS = new Set(['add', 'set', 'remove', 'enable', 'disable', 'print', 'find', 'unset', 'move']);

export interface RecipeCommand {
  /** The menu, words separated by one space: `interface pppoe-client`. */
  readonly menu: string;
  readonly verb: string;
  /** `name=value` arguments; a quoted value keeps its quotes off but its escapes as written. */
  readonly args: ReadonlyMap<string, string>;
  /** Bare words after the verb: item names, `[find ...]` selectors, flags such as `fib`. */
  readonly words: readonly string[];
  /** 1-based line of the script where the command starts. */
  readonly line: number;
}

/** The logical lines of a script with the line each one starts on (continuations joined, comments dropped). */
function logicalLines(script: string): { text: string; line: number }[] {
  const physical = script.split('\n');
  const result: { text: string; line: number }[] = [];
  let pending = '';
  let start = 0;
  physical.forEach((raw, index) => {
    if (pending === '') start = index + 1;
    const continued = /\\\s*$/.test(raw);
    pending += continued ? raw.replace(/\\\s*$/, '') : raw;
    if (continued) return;
    const text = pending.trim();
    pending = '';
    if (text !== '' && !text.startsWith('#')) result.push({ text, line: start });
  });
  return result;
}

/** Splits arguments at blanks outside quotes and brackets. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      current += ch;
      if (ch === '\\') current += text[++i] ?? '';
      else if (ch === '"') quoted = false;
    } else if (ch === '"') {
      quoted = true;
      current += ch;
    } else if (ch === '[' || ch === '{' || ch === '(') {
      depth++;
      current += ch;
    } else if (ch === ']' || ch === '}' || ch === ')') {
      depth--;
      current += ch;
    } else if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) out.push(current);
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

export function recipeCommands(script: string): RecipeCommand[] {
  const commands: RecipeCommand[] = [];
  let menu = '';
  for (const { text, line } of logicalLines(script)) {
    const parts = tokens(text);
    let index = 0;
    let path = menu;
    if (parts[0]?.startsWith('/')) {
      const pathWords: string[] = [];
      parts[0] = parts[0].slice(1);
      while (index < parts.length && !VERBS.has(parts[index]) && !parts[index].includes('=')) {
        pathWords.push(...parts[index].split('/').filter(Boolean));
        index++;
      }
      path = pathWords.join(' ');
      if (index === parts.length) {
        menu = path; // a menu line, as in exports
        continue;
      }
    }
    const verb = parts[index++] ?? '';
    const args = new Map<string, string>();
    const words: string[] = [];
    for (const part of parts.slice(index)) {
      const equals = part.indexOf('=');
      if (equals > 0 && /^[\w.-]+$/.test(part.slice(0, equals))) args.set(part.slice(0, equals), unquote(part.slice(equals + 1)));
      else words.push(part);
    }
    commands.push({ menu: path, verb, args, words, line });
  }
  return commands;
}
