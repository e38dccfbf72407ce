// Generates syntaxes/routeros.tmLanguage.json from the rules below.
//
// Why a generator: the grammar needs every rule twice. Plain code ("normal" family) ends a string at `"`, while
// code embedded in a script-valued string such as on-up="..." ("embedded" family) must end at the outer `"`,
// reads `\"` as a quote and `\n` as a line break. Writing both families by hand in JSON (with doubled
// backslashes) would drift apart; here each rule is written once and instantiated per family.
//
// Usage: node syntaxes/build-grammar.mjs          (writes the JSON)
//        node syntaxes/build-grammar.mjs --check  (exits 1 when the JSON on disk is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUTPUT = fileURLToPath(new URL('./routeros.tmLanguage.json', import.meta.url));
const S = '.routeros';

// The generic commands every RouterOS menu offers (reference A.10). They are the only words the grammar knows
// by name: they mark where the path of a command line ends, which the shape of the line alone cannot tell
// (`/interface pppoe-client set pppoe-out1` has three bare words before the first parameter).
const MENU_VERBS = [
  'reset-counters-all', 'reset-counters', 'add', 'set', 'remove', 'enable', 'disable', 'get', 'print', 'find',
  'export', 'edit', 'comment', 'move', 'unset', 'reset', 'monitor',
];
const VERB = `(?:${MENU_VERBS.join('|')})(?![\\w=-])`;

// Parameters whose value is a script: the parser's own list (server/src/core/scriptParameters.ts), read from
// that file so that the editor colours as code exactly what the linter parses as code.
const SCRIPT_PARAMETERS_FILE = fileURLToPath(new URL('../server/src/core/scriptParameters.ts', import.meta.url));

/** The names in `export const SCRIPT_PARAMETER_NAMES ... = [ '...', ... ];`; throws when the file changed shape. */
export function readScriptParameterNames(text = readFileSync(SCRIPT_PARAMETERS_FILE, 'utf8')) {
  const declaration = /export const SCRIPT_PARAMETER_NAMES\b[^=]*=\s*\[([^\]]*)\]/.exec(text);
  if (!declaration) throw new Error(`${SCRIPT_PARAMETERS_FILE}: no SCRIPT_PARAMETER_NAMES array literal`);
  const body = declaration[1].replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  const names = [...body.matchAll(/'([^'\\]*)'|"([^"\\]*)"/g)].map((match) => match[1] ?? match[2]);
  const leftover = body.replace(/'[^'\\]*'|"[^"\\]*"/g, '').replace(/[\s,]/g, '');
  if (names.length === 0 || leftover !== '' || names.some((name) => !/^[a-z][a-z0-9-]*$/.test(name))) {
    throw new Error(`${SCRIPT_PARAMETERS_FILE}: SCRIPT_PARAMETER_NAMES must be a list of plain quoted names`);
  }
  return names;
}

// Named arguments of global commands that steer control flow; coloured as keywords, not as parameters.
const CONTROL_PARAMS = ['do', 'else', 'on-error', 'while'];
const SCRIPT_PARAMS = readScriptParameterNames();
const CONTROL_SCRIPT_PARAMS = SCRIPT_PARAMS.filter((name) => CONTROL_PARAMS.includes(name));
const PROPERTY_SCRIPT_PARAMS = SCRIPT_PARAMS.filter((name) => !CONTROL_PARAMS.includes(name));

// Verbs after which every bare word is a flag-style parameter (`add ... fib`, `print detail`, `export compact`,
// `find disabled`): `add` takes no positional value, and print/export/find take none before `where`.
const FLAG_VERBS = ['add', 'print', 'export', 'find'];
const FLAG_VERB = `(?:${FLAG_VERBS.join('|')})(?![\\w=-])`;

// Where a literal value may start and must end, so that `pppoe-out1`, `8h-16h` or `no-mark` stay one word.
const LIT_START = String.raw`(?<![\w.:$*#@/\\-])`;
const LIT_END = String.raw`(?=$|[\s;,)\]}"=~<>!&|^+*%$\[({\\]|->)`;

// One path segment of a command line: a word that is not a generic verb and not a `name=` parameter.
const SEGMENT = String.raw`(?!${VERB})(?![\w-]*=)[A-Za-z0-9][\w-]*(?=[\s/;\]})\[("$\\]|$)`;
// Path words (space or slash separated) and then, optionally, the generic verb that ends the path.
const HEAD = String.raw`((?:${SEGMENT}(?:/|[ \t]+)?)*)(${VERB})?`;
// The same, ending in a verb whose bare words are flags (the verb is required).
const FLAG_HEAD = String.raw`((?:${SEGMENT}(?:/|[ \t]+)?)*)(${FLAG_VERB})`;

/** Captures that colour a command line's path words, separators and verb. */
function headCaptures(pathGroup, verbGroup) {
  return {
    [pathGroup]: {
      patterns: [
        { match: '/', name: `punctuation.separator.path${S}` },
        { match: String.raw`[A-Za-z0-9][\w-]*`, name: `entity.name.tag.path${S}` },
      ],
    },
    [verbGroup]: { name: `entity.name.function.command${S}` },
  };
}

// A line end that is not preceded by a continuation backslash (trailing blanks after it are tolerated).
// vscode-textmate hands each line over with a '\n' appended, and `$` would also match after that '\n', so the
// end is written as "before the newline" (or at the very end of the text when no newline was appended).
const BEFORE_BLANKS = String.raw`(?<!\\|\\[ \t]|\\[ \t]{2}|\\[ \t]{3})`;
const LINE_END = String.raw`${BEFORE_BLANKS}(?=\n)|${BEFORE_BLANKS}(?<!\n)\z`;

/** The parts that differ between plain code and code inside a script-valued string. */
const FAMILIES = {
  n: {
    // A statement ends at `;`, at a closing bracket of the enclosing structure, or at the end of the line.
    statementEnd: String.raw`(?=[;\]})])|${LINE_END}`,
    // Where a new statement may start (besides the start of a physical line).
    startAfter: String.raw`[;{\[]`,
    closeOrQuote: '',
    comment: String.raw`#.*$`,
    // Inside `{ }` or `[ ]` a comment stops before a closing bracket that has no partner in the comment, so a
    // `{1;#x}` ends the block instead of commenting it away to the end of the file (nested pairs, as in
    // commented-out code `# :if (x) do={ :put 1 }`, stay in the comment). `\g<-1>` recurses into the pair.
    commentIn: (open, close) => String.raw`#(?:[^\n${open}${close}]|(${open}(?:[^\n${open}${close}]|\g<-1>)*${close}))*`,
  },
  e: {
    // Inside the string an unescaped `"` closes everything, and `\n` / `\r` are line breaks of the code.
    statementEnd: String.raw`(?=[;\]})"]|\\[rn])|${LINE_END}`,
    startAfter: String.raw`[;{\[]|\\[nr]|[^\\]"`,
    closeOrQuote: '|(?=")',
    comment: String.raw`#(?:[^"\\]|\\(?![nr]).)*`,
    commentIn: (open, close) => String.raw`#(?:[^"\\${open}${close}]|\\(?![nr]).|(${open}(?:[^"\\${open}${close}]|\\(?![nr]).|\g<-1>)*${close}))*`,
  },
};

function familyRules(f) {
  const fam = FAMILIES[f];
  const r = (name) => ({ include: `#${name}_${f}` });
  const shared = (name) => ({ include: `#${name}` });
  const stmtStart = String.raw`(?:^|(?<=${fam.startAfter}))`;

  const rules = {};

  rules[`statements_${f}`] = {
    patterns: [
      r('comment'),
      { match: ';', name: `punctuation.terminator.statement${S}` },
      ...(f === 'e' ? [{ match: String.raw`\\r\\n|\\n|\\r`, name: `constant.character.escape.newline${S}` }] : []),
      shared('continuation'),
      r('global_statement'),
      r('flag_path_statement'),
      r('path_statement'),
      r('flag_relative_statement'),
      r('relative_statement'),
      r('args'),
    ],
  };

  // `#` is a comment only where a statement may start (reference A.3); elsewhere it is part of a word.
  rules[`comment_${f}`] = {
    match: String.raw`${stmtStart}[ \t]*(${fam.comment})`,
    captures: {
      1: {
        name: `comment.line.number-sign${S}`,
        patterns: [{ match: String.raw`\G#`, name: `punctuation.definition.comment${S}` }],
      },
    },
  };

  // The comment rule of a `{ }` block and of a `[ ]` substitution: listed before the statements there, so it
  // wins over the top-level rule at the same position.
  for (const [kind, open, close] of [['block', String.raw`\{`, String.raw`\}`], ['brackets', String.raw`\[`, String.raw`\]`]]) {
    rules[`comment_in_${kind}_${f}`] = {
      match: String.raw`${stmtStart}[ \t]*(${fam.commentIn(open, close)})`,
      captures: {
        1: {
          name: `comment.line.number-sign${S}`,
          patterns: [{ match: String.raw`\G#`, name: `punctuation.definition.comment${S}` }],
        },
      },
    };
  }

  // `:word ...` — a global command. Declaring forms also colour the variable they bind.
  rules[`global_statement_${f}`] = {
    name: `meta.statement.global${S}`,
    begin: String.raw`((:)[A-Za-z][\w-]*)(?:(?<=:local|:global|:set|:for|:foreach|:onerror)[ \t]+([A-Za-z_]\w*)(?![\w=-])(?:(,)([A-Za-z_]\w*)(?![\w=-]))?)?`,
    beginCaptures: {
      1: { name: `keyword.control.global${S}` },
      2: { name: `punctuation.definition.keyword${S}` },
      3: { name: `variable.other.definition${S}` },
      4: { name: `punctuation.separator.comma${S}` },
      5: { name: `variable.other.definition${S}` },
    },
    end: fam.statementEnd,
    patterns: [r('args')],
  };

  // `/routing table add name=t fib`, `/interface print detail`: a command whose bare words are flags.
  rules[`flag_path_statement_${f}`] = {
    name: `meta.statement.command${S}`,
    begin: String.raw`(/)${FLAG_HEAD}`,
    beginCaptures: { 1: { name: `punctuation.separator.path${S}` }, ...headCaptures(2, 3) },
    end: fam.statementEnd,
    patterns: [r('flag_args')],
  };

  // `/ip firewall mangle add ...`, `/ip/firewall/mangle/add ...`, `/ip address` (a menu change) or `/`.
  rules[`path_statement_${f}`] = {
    name: `meta.statement.command${S}`,
    begin: String.raw`(/)${HEAD}`,
    beginCaptures: { 1: { name: `punctuation.separator.path${S}` }, ...headCaptures(2, 3) },
    end: fam.statementEnd,
    patterns: [r('args')],
  };

  const relativeStart = String.raw`${stmtStart}[ \t]*(?=\.\.|[A-Za-z])(?![\w-]*=)(?!(?:and|or|in|where|yes|no|true|false)(?![\w-]))(?:(\.\.)[ \t]*)?`;
  rules[`flag_relative_statement_${f}`] = {
    name: `meta.statement.command${S}`,
    begin: String.raw`${relativeStart}${FLAG_HEAD}`,
    beginCaptures: { 1: { name: `entity.name.tag.path.parent${S}` }, ...headCaptures(2, 3) },
    end: fam.statementEnd,
    patterns: [r('flag_args')],
  };

  // A command relative to the current menu: `add chain=forward`, `set [find] ...`, `.. print`, `find where ...`.
  rules[`relative_statement_${f}`] = {
    name: `meta.statement.command${S}`,
    begin: String.raw`${relativeStart}${HEAD}`,
    beginCaptures: { 1: { name: `entity.name.tag.path.parent${S}` }, ...headCaptures(2, 3) },
    end: fam.statementEnd,
    patterns: [r('args')],
  };

  // Everything after the command: parameters, flags, values, `where` expressions.
  rules[`args_${f}`] = {
    patterns: [
      r('comment_at_line_start'),
      shared('continuation'),
      ...(f === 'n'
        ? [
          r('script_parameter'),
          // Outside strings a backslash may only end a line (reference A.4); a backslash followed by a blank in
          // the middle of a line is the typical mistake (a continuation that is not at the end of the line).
          { match: String.raw`\\(?=[ \t]+\S)`, name: `invalid.illegal.backslash${S}` },
        ]
        : []),
      shared('control_parameter'),
      shared('parameter'),
      { match: String.raw`(?<![\w-])!(?=[A-Za-z])`, name: `keyword.operator.logical.negation${S}` },
      { match: String.raw`(?<![\w.$-])where(?![\w=-])`, name: `keyword.other.where${S}` },
      { match: String.raw`(?<=\s)(?:and|or|in)(?=\s)`, name: `keyword.operator.word${S}` },
      r('values'),
      shared('bare_word_value'),
    ],
  };

  // Arguments of add/print/export/find: a bare word standing on its own is a flag-style parameter (`fib`,
  // `blackhole`, `detail`); after `where` the words are an expression again.
  rules[`flag_args_${f}`] = {
    patterns: [
      {
        begin: String.raw`(?<![\w.$-])where(?![\w=-])`,
        beginCaptures: { 0: { name: `keyword.other.where${S}` } },
        end: fam.statementEnd,
        patterns: [r('args')],
      },
      {
        // `name=\` at a line end (exports wrap long lines anywhere): the next line starts with the value.
        begin: String.raw`(?<==)(\\)[ \t]*\n?$`,
        beginCaptures: { 1: { name: `constant.character.escape.line-continuation${S}` } },
        // `(?!\G)`: not on the line of the backslash itself, only after the value on the next line.
        end: String.raw`(?!\G)(?<=[^ \t])(?=[ \t;\])}]|$)|(?=[;\])}])`,
        patterns: [r('values'), shared('bare_word_value')],
      },
      {
        match: String.raw`(?<![^ \t])(!)?([A-Za-z][\w-]*)(?![\w.=$"\[(-])(?=[ \t;\])}\\${f === 'e' ? '"' : ''}]|$)`,
        captures: {
          1: { name: `keyword.operator.logical.negation${S}` },
          2: { name: `variable.parameter.flag${S}` },
        },
      },
      r('args'),
    ],
  };

  // A physical line that starts with `#` inside a continued command is still a comment (reference A.3).
  // The match takes the line's newline too, so that the statement's end (a line end without a backslash) does
  // not fire after the comment.
  rules[`comment_at_line_start_${f}`] = {
    match: String.raw`^[ \t]*(${fam.comment})\n?`,
    captures: { 1: { name: `comment.line.number-sign${S}` } },
  };

  rules[`values_${f}`] = {
    patterns: [
      r('string'),
      r('variable'),
      r('group'),
      r('substitution'),
      r('block'),
      ...(f === 'e' ? [shared('escape_in_code')] : []),
      shared('literals'),
      shared('operators'),
    ],
  };

  // Inside `( ... )`: an expression; bare words are variable references (reference A.8).
  rules[`expression_${f}`] = {
    patterns: [
      shared('continuation'),
      r('values'),
      { match: String.raw`(?<![\w.$-])(?:and|or|in|any)(?![\w=-])`, name: `keyword.operator.word${S}` },
      shared('bare_word_variable'),
    ],
  };

  rules[`group_${f}`] = {
    name: `meta.group${S}`,
    begin: String.raw`\(`,
    beginCaptures: { 0: { name: `punctuation.section.parens.begin${S}` } },
    end: String.raw`\)${fam.closeOrQuote}`,
    endCaptures: { 0: { name: `punctuation.section.parens.end${S}` } },
    patterns: [r('expression')],
  };

  rules[`substitution_${f}`] = {
    name: `meta.substitution.command${S}`,
    begin: String.raw`\[`,
    beginCaptures: { 0: { name: `punctuation.section.brackets.begin${S}` } },
    end: String.raw`\]${fam.closeOrQuote}`,
    endCaptures: { 0: { name: `punctuation.section.brackets.end${S}` } },
    patterns: [r('comment_in_brackets'), r('statements')],
  };

  rules[`block_${f}`] = {
    name: `meta.block${S}`,
    begin: String.raw`\{`,
    beginCaptures: { 0: { name: `punctuation.section.block.begin${S}` } },
    end: String.raw`\}${fam.closeOrQuote}`,
    endCaptures: { 0: { name: `punctuation.section.block.end${S}` } },
    patterns: [r('comment_in_block'), r('statements')],
  };

  rules[`variable_${f}`] = {
    patterns: [
      {
        // `$"quoted name"` (inside embedded code the quotes are escaped: `$\"name\"`).
        name: `variable.other${S}`,
        begin: f === 'n' ? String.raw`(\$)(")` : String.raw`(\$)(\\")`,
        beginCaptures: { 1: { name: `punctuation.definition.variable${S}` } },
        end: f === 'n' ? '"' : String.raw`\\"|(?=")`,
      },
      r('interpolation'),
    ],
  };

  // `$name`, `$1`, `$(expr)`, `$[command]` — in code and inside strings alike.
  rules[`interpolation_${f}`] = {
    patterns: [
      {
        name: `meta.interpolation.expression${S}`,
        begin: String.raw`\$\(`,
        beginCaptures: { 0: { name: `punctuation.section.interpolation.begin${S}` } },
        end: String.raw`\)${fam.closeOrQuote}`,
        endCaptures: { 0: { name: `punctuation.section.interpolation.end${S}` } },
        patterns: [r('expression')],
      },
      {
        name: `meta.interpolation.command${S}`,
        begin: String.raw`\$\[`,
        beginCaptures: { 0: { name: `punctuation.section.interpolation.begin${S}` } },
        end: String.raw`\]${fam.closeOrQuote}`,
        endCaptures: { 0: { name: `punctuation.section.interpolation.end${S}` } },
        patterns: [r('comment_in_brackets'), r('statements')],
      },
      ...(f === 'e'
        ? [{
          // `\$user` in a script string becomes `$user` in the script: a variable of the embedded code.
          match: String.raw`(\\\$)([A-Za-z_]\w*|\d+)`,
          name: `variable.other${S}`,
          captures: { 1: { name: `constant.character.escape${S} punctuation.definition.variable${S}` } },
        }]
        : []),
      {
        match: String.raw`(\$)(\d+)(?!\w)`,
        name: `variable.other.positional${S}`,
        captures: { 1: { name: `punctuation.definition.variable${S}` } },
      },
      {
        match: String.raw`(\$)([A-Za-z_]\w*)`,
        name: `variable.other${S}`,
        captures: { 1: { name: `punctuation.definition.variable${S}` } },
      },
    ],
  };

  if (f === 'n') {
    rules.string_n = {
      name: `string.quoted.double${S}`,
      begin: '"',
      beginCaptures: { 0: { name: `punctuation.definition.string.begin${S}` } },
      end: '"',
      endCaptures: { 0: { name: `punctuation.definition.string.end${S}` } },
      patterns: [shared('string_escapes'), r('interpolation')],
    };

    // `on-up="..."`, `do="..."` and the other script-valued parameters: the string holds code, coloured with the
    // embedded family. Control-flow names (`do`, `else`, `on-error`) keep their keyword colour.
    rules.script_parameter_n = {
      begin: String.raw`(?<![\w.$=-])(?:(${CONTROL_SCRIPT_PARAMS.join('|')})|(${PROPERTY_SCRIPT_PARAMS.join('|')}))(=)(")`,
      beginCaptures: {
        1: { name: `keyword.control.flow${S}` },
        2: { name: `variable.parameter${S}` },
        3: { name: `keyword.operator.assignment${S}` },
        4: { name: `string.quoted.double${S} punctuation.definition.string.begin${S}` },
      },
      end: '"',
      endCaptures: { 0: { name: `string.quoted.double${S} punctuation.definition.string.end${S}` } },
      contentName: `meta.embedded.block${S}`,
      patterns: [{ include: '#statements_e' }],
    };
  } else {
    // A string inside embedded code is written `\"...\"`; its own quotes are `\\\"`.
    rules.string_e = {
      name: `string.quoted.double${S}`,
      begin: String.raw`\\"`,
      beginCaptures: { 0: { name: `punctuation.definition.string.begin${S}` } },
      end: String.raw`\\"|(?=")`,
      endCaptures: { 0: { name: `punctuation.definition.string.end${S}` } },
      patterns: [
        { match: String.raw`\\\\\\"`, name: `constant.character.escape${S}` },
        { match: String.raw`\\[ \t]*$`, name: `constant.character.escape.line-continuation${S}` },
        { match: String.raw`\\(?:[0-9A-F]{2}|[\\nrt$_?abfv])`, name: `constant.character.escape${S}` },
        { match: String.raw`\\[^"]`, name: `invalid.illegal.unknown-escape${S}` },
        r('interpolation'),
      ],
    };
  }
  return rules;
}

// Where a prefix operator stands: right after an opening bracket, a separator, another operator or `and`/`or`
// (with at most one blank between), or at the start of a line. Oniguruma needs fixed-length lookbehinds, and a
// lookbehind nested in another one silently breaks the whole grammar in vscode-textmate.
const OPERATOR_CHARS = String.raw`[(\[{,;=<>!&|^+*%/~-]`;
const UNARY_BEFORE = String.raw`(?:(?<=${OPERATOR_CHARS})|(?<=${OPERATOR_CHARS}[ \t])|(?<=\band[ \t]|\bor[ \t])|(?<=^)|(?<=^[ \t]))`;

const sharedRules = {
  // A backslash at the end of a line joins the next physical line (reference A.4).
  continuation: {
    match: String.raw`\\(?=[ \t]*$)`,
    name: `constant.character.escape.line-continuation${S}`,
  },

  // Escapes valid in a RouterOS string (reference A.7); anything else is an error on the device.
  string_escapes: {
    patterns: [
      { match: String.raw`\\[ \t]*$`, name: `constant.character.escape.line-continuation${S}` },
      { match: String.raw`\\(?:[0-9A-F]{2}|["\\nrt$_?abfv])`, name: `constant.character.escape${S}` },
      { match: String.raw`\\[ \t]`, name: `constant.character.escape.line-continuation${S}` },
      { match: String.raw`\\.`, name: `invalid.illegal.unknown-escape${S}` },
    ],
  },

  // Inside embedded code the outer string's escapes still apply: `\$`, `\t`, `\48` are escapes; `\q` is invalid.
  escape_in_code: {
    patterns: [
      { match: String.raw`\\(?:[0-9A-F]{2}|[\\nrt$_?abfv])`, name: `constant.character.escape${S}` },
      { match: String.raw`\\[^"]`, name: `invalid.illegal.unknown-escape${S}` },
    ],
  },

  control_parameter: {
    match: String.raw`(?<![\w.$=-])(${CONTROL_PARAMS.join('|')})(=)`,
    captures: {
      1: { name: `keyword.control.flow${S}` },
      2: { name: `keyword.operator.assignment${S}` },
    },
  },

  // `name=` — a parameter name may contain `-` and `.` (`on-up`, `add-default-route`, `.id`).
  parameter: {
    match: String.raw`(?<![\w.$=-])(\.?[A-Za-z][\w.-]*)(=)`,
    captures: {
      1: { name: `variable.parameter${S}` },
      2: { name: `keyword.operator.assignment${S}` },
    },
  },

  literals: {
    patterns: [
      {
        match: String.raw`${LIT_START}[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}${LIT_END}`,
        name: `constant.numeric.mac${S}`,
      },
      {
        // IPv6 needs `::` or all eight groups; `00:11:22` stays a time.
        match: String.raw`${LIT_START}(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)(?:/\d{1,3})?${LIT_END}`,
        name: `constant.numeric.ipv6${S}`,
      },
      {
        // Unit form in any order (`1h30m`, `100ms`) or clock form with optional weeks/days (`1w2d03:04:05`).
        match: String.raw`${LIT_START}(?:(?:\d+w)?(?:\d+d)?\d+:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?|(?:\d+(?:\.\d+)?(?:ns|us|ms|s|m|h|d|w))+)${LIT_END}`,
        name: `constant.numeric.time${S}`,
      },
      {
        // Address, prefix or range: `10.0.0.0/8`, `192.168.100.2-192.168.100.50`, short forms like `10.1`.
        match: String.raw`${LIT_START}\d{1,3}(?:\.\d{1,3}){1,3}(?:/\d{1,2}|-\d{1,3}(?:\.\d{1,3}){3})?${LIT_END}`,
        name: `constant.numeric.ipv4${S}`,
      },
      { match: String.raw`${LIT_START}0x[0-9A-Fa-f]+${LIT_END}`, name: `constant.numeric.hex${S}` },
      { match: String.raw`${LIT_START}\d+-\d+${LIT_END}`, name: `constant.numeric.range${S}` },
      { match: String.raw`${LIT_START}\d+${LIT_END}`, name: `constant.numeric.integer${S}` },
      { match: String.raw`(?<![\w)\]$"*])\*[0-9A-Fa-f]+${LIT_END}`, name: `constant.numeric.id${S}` },
      { match: String.raw`${LIT_START}(?:yes|no|true|false)${LIT_END}`, name: `constant.language.boolean${S}` },
    ],
  },

  operators: {
    patterns: [
      { match: '->', name: `keyword.operator.accessor${S}` },
      { match: '<%%', name: `keyword.operator.apply${S}` },
      { match: '<<|>>', name: `keyword.operator.bitwise.shift${S}` },
      { match: '<=|>=|!=', name: `keyword.operator.comparison${S}` },
      { match: '&&|\\|\\||!', name: `keyword.operator.logical${S}` },
      { match: '<|>|=', name: `keyword.operator.comparison${S}` },
      // Prefix `~` (after an opening bracket or another operator) inverts the bits of an address (reference
      // A.8); between two operands it is the regular-expression match.
      { match: String.raw`${UNARY_BEFORE}~`, name: `keyword.operator.bitwise.invert${S}` },
      { match: '~', name: `keyword.operator.match${S}` },
      { match: '[&|^]', name: `keyword.operator.bitwise${S}` },
      { match: '[-+*/%]', name: `keyword.operator.arithmetic${S}` },
      { match: '\\.', name: `keyword.operator.concat${S}` },
      { match: ',', name: `punctuation.separator.comma${S}` },
    ],
  },

  // An unquoted word value (`pppoe-out1`, `clamp-to-pmtu`, `10M/5M`, `#not-a-comment`). `'` is an ordinary
  // character in RouterOS, so it stays inside the word.
  bare_word_value: {
    match: String.raw`(?:[^\s;,"$\[\](){}\\!<>=~|&.*+%^/-]|-(?!>))(?:[^\s;,"$\[\](){}\\<>=~|&-]|-(?!>))*`,
    name: `string.unquoted${S}`,
  },

  bare_word_variable: {
    match: String.raw`[A-Za-z_][\w]*(?:-(?!>)[\w]+)*`,
    name: `variable.other${S}`,
  },
};

export function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'RouterOS Script',
    scopeName: 'source.routeros',
    comment: 'Generated by syntaxes/build-grammar.mjs — edit that file, not this one.',
    fileTypes: ['rsc'],
    patterns: [{ include: '#statements_n' }],
    repository: { ...familyRules('n'), ...familyRules('e'), ...sharedRules },
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = `${JSON.stringify(buildGrammar(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const onDisk = readFileSync(OUTPUT, 'utf8');
    if (onDisk !== text) {
      console.error('syntaxes/routeros.tmLanguage.json is out of date: run node syntaxes/build-grammar.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT}`);
  }
}
