/**
 * Documentation of completion items is filled in lazily (completionItem/resolve): a list of 70 parameters with
 * full docs would be tens of kilobytes per keystroke, while the editor only shows the docs of the selected item.
 * Items carry a small reference to what they document; this module turns it into markdown from the schema.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { parseVersion, type RouterOsVersion } from '../../core/version.js';
import type { SchemaService } from '../../schema/types.js';
import { docMarkdown, parameterMarkdown } from '../support/schemaText.js';

export type DocReference =
  | { readonly of: 'menu'; readonly menu: readonly string[] }
  | { readonly of: 'command'; readonly menu: readonly string[]; readonly command: string }
  | { readonly of: 'parameter'; readonly menu: readonly string[]; readonly command: string; readonly name: string }
  | { readonly of: 'global'; readonly name: string }
  | { readonly of: 'global-parameter'; readonly command: string; readonly name: string };

/** The markdown for a reference, or undefined when the schema has nothing to say. */
export function documentationOf(reference: DocReference, schema: SchemaService, target?: RouterOsVersion): string | undefined {
  switch (reference.of) {
    case 'menu': {
      const menu = schema.getMenu(reference.menu);
      return docMarkdown(`**/${reference.menu.join(' ')}**`, menu?.summary, schema.getDocs(reference.menu), menu?.manualUrl, menu ? { window: menu, target } : undefined);
    }
    case 'command': {
      const command = schema.getCommand(reference.menu, reference.command);
      const docs = schema.getDocs(reference.menu, { command: reference.command });
      if (!command && !docs) return undefined;
      return docMarkdown(`**${reference.command}** in /${reference.menu.join(' ')}`, command?.summary, docs, undefined, command ? { window: command, target } : undefined);
    }
    case 'parameter': {
      // A property named in a `get` slot may be read-only, which no command takes as an argument.
      const parameter =
        schema.getParameter(reference.menu, reference.command, reference.name) ??
        schema.getMenu(reference.menu)?.parameters.find((candidate) => candidate.name === reference.name);
      if (!parameter) return undefined;
      return parameterMarkdown(parameter, schema.getDocs(reference.menu, { parameter: reference.name }), schema.getMenu(reference.menu)?.manualUrl, target);
    }
    case 'global': {
      const command = schema.getGlobalCommand(reference.name);
      if (!command) return undefined;
      return docMarkdown(`**:${command.name}**`, command.summary, schema.getGlobalDocs(command.name), undefined, { window: command, target });
    }
    case 'global-parameter': {
      const parameter = schema.getGlobalCommand(reference.command)?.parameters.find((p) => p.name === reference.name);
      return parameter ? parameterMarkdown(parameter, undefined, undefined, target) : undefined;
    }
    default:
      return undefined;
  }
}

/** Fills in `documentation` of an item produced by provideCompletion; other items come back unchanged. */
export function resolveCompletionItem(item: CompletionItem, schema: SchemaService): CompletionItem {
  const data = item.data as { doc?: DocReference; target?: unknown } | undefined;
  const reference = data?.doc;
  if (!reference || item.documentation) return item;
  const target = typeof data?.target === 'string' ? parseVersion(data.target) : undefined;
  const markdown = documentationOf(reference, schema, target);
  return markdown ? { ...item, documentation: { kind: 'markdown', value: markdown } } : item;
}
