/** Property tests: the loader and the service answer any input without throwing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { commandTreeFromJson, typeFromDescription } from '../../../server/src/schema/commandTree.js';
import { parseReferencePage } from '../../../server/src/schema/docsFormat.js';
import { createSchemaService } from '../../../server/src/schema/service.js';

const schema = createSchemaService();
const segment = fc.oneof(fc.constantFrom('interface', 'ip', 'firewall', 'mangle', 'ppp', 'secret', 'pppoe-client', '', '..'), fc.string({ maxLength: 8 }));

describe('robustness', () => {
  test('commandTreeFromJson returns a tree or an error for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (json) => {
        const result = commandTreeFromJson(json);
        assert.ok((result.tree === undefined) !== (result.error === undefined));
      }),
      { numRuns: 300 },
    );
  });

  test('tree-shaped random JSON with odd node types still converts', () => {
    const node: fc.Memo<unknown> = fc.memo((depth) =>
      fc.dictionary(
        fc.oneof(fc.constantFrom('_type', 'desc', '_completion', 'add', 'set'), fc.string({ maxLength: 6 })),
        depth <= 1 ? fc.oneof(fc.constantFrom('dir', 'cmd', 'arg', 'path'), fc.integer(), fc.constant(null)) : fc.oneof(node(depth - 1), fc.constantFrom('dir', 'cmd', 'arg')),
        { maxKeys: 4 },
      ),
    );
    fc.assert(
      fc.property(node(4), (json) => {
        const result = commandTreeFromJson({ root: { _type: 'dir', print: { _type: 'cmd' } }, ...(json as object) });
        assert.ok(result.tree, result.error);
        createSchemaService({ commandTree: result.tree });
      }),
      { numRuns: 200 },
    );
  });

  test('typeFromDescription and the page parser accept any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        typeFromDescription(text);
        parseReferencePage(text, 'random.md');
        parseReferencePage(`---\nmenu: /x\n---\n${text}`, 'random.md');
      }),
      { numRuns: 300 },
    );
  });

  test('service lookups answer any path and name', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), fc.string({ maxLength: 10 }), (path, name) => {
        schema.getMenu(path);
        schema.childMenus(path);
        schema.isMenuOrDirectory(path);
        schema.getCommands(path);
        schema.getParameters(path, name);
        schema.getParameter(path, 'add', name);
        schema.findParameterElsewhere(name);
        schema.getDocs(path, { parameter: name });
        schema.getDocs(path, { command: name });
        schema.getGlobalCommand(name);
        schema.getGlobalDocs(name);
        assert.equal(schema.getDocs(path, { parameter: 'constructor' }), undefined);
        assert.equal(schema.getGlobalDocs('constructor'), undefined);
        assert.equal(schema.getGlobalCommand('constructor'), undefined);
        assert.equal(schema.getDocs(['ppp', 'secret'], { parameter: '__proto__' }), undefined);
      }),
      { numRuns: 300 },
    );
  });
});
