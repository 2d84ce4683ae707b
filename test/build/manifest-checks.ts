/**
 * What the build test reads besides the build: the attributes the README documents per element,
 * and the names a generated declaration file declares (read with the TypeScript compiler, not
 * with patterns), so the test can hold the manifest, the declarations and the README to each other.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * README sections "### `<osallistu-x>` and `<osallistu-y>`" and the attribute names in the
 * first column of their tables (`site`, `api`, `lang` included: "as above").
 */
export function readmeAttributes(readme: string): { tags: string[]; attributes: string[] }[] {
  return readme
    .split(/^### /m)
    .slice(1)
    .flatMap((section) => {
      const heading = section.split('\n', 1)[0] ?? '';
      const tags = [...heading.matchAll(/`<(osallistu-[\w-]+)>`/g)].map((m) => m[1]!);
      if (!tags.length) return [];
      const attributes = section
        .split('\n')
        .filter((line) => /^\| `/.test(line))
        .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([\w-]+)`/g)].map((m) => m[1]!));
      return [{ tags, attributes }];
    });
}

/** In a declaration file: each interface's (and namespace member interface's) property names, by interface name. */
export function declaredInterfaces(file: string): Map<string, string[]> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) {
      const names = node.members.map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : '?'));
      found.set(node.name.text, [...(found.get(node.name.text) ?? []), ...names]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
