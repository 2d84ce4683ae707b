/**
 * The parts of a custom elements manifest (schema 1.0) that the build reads and writes: enough
 * to walk the widgets' classes, not the whole schema.
 */
export interface TypeText {
  text: string;
}

export interface Attribute {
  name: string;
  description?: string;
  type?: TypeText;
  default?: string;
  fieldName?: string;
  inheritedFrom?: { name: string; module?: string };
}

export interface Member {
  kind: 'field' | 'method';
  name: string;
  description?: string;
  type?: TypeText;
  privacy?: 'public' | 'protected' | 'private';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  reflects?: boolean;
  default?: string;
  parameters?: { name: string; type?: TypeText; optional?: boolean }[];
  return?: { type?: TypeText };
  inheritedFrom?: { name: string; module?: string };
}

export interface Named {
  name: string;
  description?: string;
  type?: TypeText;
}

export interface ClassDeclaration {
  kind: 'class';
  name: string;
  description?: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; module?: string; package?: string };
  members?: Member[];
  attributes?: Attribute[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

export interface Module {
  kind: 'javascript-module';
  path: string;
  declarations: ({ kind: string; name: string } | ClassDeclaration)[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}

export interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: Module[];
}

/** Every class in the manifest that is registered under a tag, in module order. */
export function customElements(manifest: Manifest): (ClassDeclaration & { tagName: string })[] {
  return manifest.modules.flatMap((m) =>
    m.declarations.filter((d): d is ClassDeclaration & { tagName: string } => d.kind === 'class' && typeof (d as ClassDeclaration).tagName === 'string'),
  );
}

/** A public instance member: what a page may touch (not static, protected, private or `#private`). */
export const isPublic = (m: Member): boolean => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#');
