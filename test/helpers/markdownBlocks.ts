/** Code blocks of a markdown page with the line each starts on, for linting documentation. */
export interface CodeBlock {
  /** 1-based line of the block's first code line in the page. */
  readonly line: number;
  readonly text: string;
  /** The nearest heading above the block. */
  readonly heading: string;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6}\s/.test(line)) heading = line.replace(/^#+\s*/, '');
    if (/^<summary>/.test(line)) heading = line.replace(/<\/?summary>/g, '');
    if (!/^```/.test(line)) continue;
    const body: string[] = [];
    const start = i + 2;
    for (i++; i < lines.length && !/^```/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ line: start, text: `${body.join('\n')}\n`, heading });
  }
  return blocks;
}
