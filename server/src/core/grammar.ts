/**
 * The Chevrotain grammar of RouterOS script (pure: no embedded actions; astBuilder.ts turns the CST into the AST).
 *
 * The grammar is deliberately permissive about what the router decides with its command tree (which words are
 * path, command or value) and about adjacent values in an expression: it accepts a superset, and the AST
 * builder reports the precise problem ("missing value before `<`", "`else` needs `=`") with a message written
 * for the case. The lexer guarantees balanced brackets, so error recovery inside the parser is rarely needed;
 * it stays on as a safety net.
 *
 *   script     := (Newline | Semicolon | statement | stray)*
 *   statement  := (ColonPrefix | SlashPrefix) item* | item+
 *   item       := Where expression condition* | PathSep | Equals value? | value
 *   value      := piece (Glue piece)*                 (inline in item)
 *   piece      := Word | String | Variable | substitution | group | braces   (inline)
 *   substitution := '[' script ']'      braces := '{' script '}'
 *   group      := '(' expression condition* ')'
 *   condition  := firstOperand (BinaryOp unary)*     (a non-empty expression; side by side = implicit `and`)
 *   firstOperand := PrefixOp+ piece? | piece
 *   expression := unary (BinaryOp unary)*          (precedence is applied by the builder)
 *   unary      := PrefixOp* piece?                  (a missing operand is reported by the builder)
 *   stray      := BinaryOp | Bang | Any               (operators that cannot start a command; reported)
 */
import { CstParser, type CstNode, type IOrAlt } from 'chevrotain';
import {
  allTokenTypes, Any, Bang, BinaryOp, ColonPrefix, Equals, Glue, LBrace, LBracket, LParen, Newline, PathSep, PrefixOp,
  RBrace, RBracket, RParen, Semicolon, SlashPrefix, StringToken, Variable, Where, Word,
} from './tokenTypes.js';

class RscGrammar extends CstParser {
  constructor(validate: boolean) {
    super(allTokenTypes, { recoveryEnabled: true, maxLookahead: 2, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /**
   * The arrays of alternatives and the bodies of repetitions, made once per parser instead of on every call
   * (Chevrotain's advice for speed: a big export calls these rules hundreds of thousands of times, and the
   * closures were the parser's largest source of garbage). They capture only `this` and a constant index.
   */
  private readonly made: {
    scriptAlternatives?: IOrAlt<unknown>[];
    scriptBody?: () => void;
    prefixAlternatives?: IOrAlt<unknown>[];
    statementAlternatives?: IOrAlt<unknown>[];
    itemAfterPrefix?: () => void;
    itemAtLeastOnce?: () => void;
    itemAlternatives?: IOrAlt<unknown>[];
    condition?: () => void;
    equalsValue?: () => void;
    chainRest: Record<number, () => void>;
    pieceAlternatives: Record<number, IOrAlt<unknown>[]>;
    binaryThenUnary?: () => void;
    binaryThenUnaryInCondition?: () => void;
    firstOperandAlternatives?: IOrAlt<unknown>[];
    prefixOperator?: () => void;
    pieceOne?: () => void;
    strayAlternatives?: IOrAlt<unknown>[];
  } = { chainRest: {}, pieceAlternatives: {} };

  public script = this.RULE('script', () => {
    this.MANY((this.made.scriptBody ??= () => {
      this.OR((this.made.scriptAlternatives ??= [
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.CONSUME(Semicolon) },
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.SUBRULE(this.stray) },
      ]));
    }));
  });

  public statement = this.RULE('statement', () => {
    this.OR((this.made.statementAlternatives ??= [
      {
        ALT: () => {
          this.OR2((this.made.prefixAlternatives ??= [{ ALT: () => this.CONSUME(ColonPrefix) }, { ALT: () => this.CONSUME(SlashPrefix) }]));
          this.MANY((this.made.itemAfterPrefix ??= () => this.SUBRULE(this.item)));
        },
      },
      { ALT: () => this.AT_LEAST_ONE((this.made.itemAtLeastOnce ??= () => this.SUBRULE2(this.item))) },
    ]));
  });

  public item = this.RULE('item', () => {
    this.OR((this.made.itemAlternatives ??= [
      {
        ALT: () => {
          this.CONSUME(Where);
          this.SUBRULE(this.expression);
          // `where a=1 b=2`: conditions written one after the other must all hold (an implicit `and`).
          this.MANY((this.made.condition ??= () => this.SUBRULE(this.condition)));
        },
      },
      { ALT: () => this.CONSUME(PathSep) },
      {
        ALT: () => {
          this.CONSUME(Equals);
          this.OPTION((this.made.equalsValue ??= () => this.chain(3)));
        },
      },
      { ALT: () => this.chain(1) },
    ]));
  });

  /**
   * `piece (Glue piece)*` written inline (occurrence indexes idx and idx + 1): one CST node less per value
   * keeps big exports fast. The builder orders the pieces by offset.
   */
  private chain(idx: number): void {
    this.piece(idx);
    this.many(idx, (this.made.chainRest[idx] ??= () => {
      this.consume(idx, Glue);
      this.piece(idx + 1);
    }));
  }

  /** piece := Word | String | Variable | substitution | group | braces (inline, occurrence index idx). */
  private piece(idx: number): void {
    this.or(idx, (this.made.pieceAlternatives[idx] ??= [
      { ALT: () => this.consume(idx, Word) },
      { ALT: () => this.consume(idx, StringToken) },
      { ALT: () => this.consume(idx, Variable) },
      { ALT: () => this.subrule(idx, this.substitution) },
      { ALT: () => this.subrule(idx, this.group) },
      { ALT: () => this.subrule(idx, this.braces) },
    ]));
  }

  /** A fragment: one piece on its own (the code of a `$( )` / `$[ ]` interpolation). */
  public fragment = this.RULE('fragment', () => {
    this.piece(1);
  });

  public substitution = this.RULE('substitution', () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.script);
    this.CONSUME(RBracket);
  });

  public braces = this.RULE('braces', () => {
    this.CONSUME(LBrace);
    this.SUBRULE(this.script);
    this.CONSUME(RBrace);
  });

  public group = this.RULE('group', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    // `find ( !template !disabled )`: conditions side by side must all hold, as after `where`.
    this.MANY((this.made.condition ??= () => this.SUBRULE(this.condition)));
    this.CONSUME(RParen);
  });

  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.unary);
    this.MANY((this.made.binaryThenUnary ??= () => {
      this.CONSUME(BinaryOp);
      this.SUBRULE2(this.unary);
    }));
  });

  /** An expression that cannot be empty: the second and later conditions side by side. */
  public condition = this.RULE('condition', () => {
    this.SUBRULE(this.firstOperand);
    this.MANY((this.made.binaryThenUnaryInCondition ??= () => {
      this.CONSUME(BinaryOp);
      this.SUBRULE(this.unary);
    }));
  });

  public firstOperand = this.RULE('firstOperand', () => {
    this.OR((this.made.firstOperandAlternatives ??= [
      {
        ALT: () => {
          this.AT_LEAST_ONE((this.made.prefixOperator ??= () => this.CONSUME(PrefixOp)));
          this.OPTION((this.made.pieceOne ??= () => this.piece(1)));
        },
      },
      { ALT: () => this.piece(2) },
    ]));
  });

  public unary = this.RULE('unary', () => {
    this.MANY((this.made.prefixOperator ??= () => this.CONSUME(PrefixOp)));
    this.OPTION((this.made.pieceOne ??= () => this.piece(1)));
  });

  public stray = this.RULE('stray', () => {
    this.OR((this.made.strayAlternatives ??= [
      { ALT: () => this.CONSUME(BinaryOp) },
      { ALT: () => this.CONSUME(Bang) },
      { ALT: () => this.CONSUME(Any) },
    ]));
  });
}

export type { CstNode };

let instance: RscGrammar | undefined;

/** The one grammar instance (building it is the expensive part). `validate` runs Chevrotain's self-checks (tests). */
export function grammar(validate = false): RscGrammar {
  if (!instance || validate) instance = new RscGrammar(validate);
  return instance;
}

export { RscGrammar };
