// What a domain desk shows its callers, read with TypeScript's parser (no type-check, so it stays quick): the public
// members of each class in a `*-desk.ts` file, and which of them are fields. A desk answers with methods named for
// what its callers do; a public field hands them a service to reach into.
import ts from 'typescript';

export interface DeskMembers {
  desk: string;
  /** Public methods and accessors: the desk's API. */
  methods: string[];
  /** Public fields, constructor parameter properties included: services a caller could reach into. */
  fields: string[];
}

const HIDDEN = new Set([ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword]);

function hidden(node: ts.Node): boolean {
  return (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []).some((m) => HIDDEN.has(m.kind));
}

function nameOf(name: ts.PropertyName | ts.BindingName): string | null {
  if (ts.isPrivateIdentifier(name)) return null;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

export function deskMembers(fileName: string, text: string): DeskMembers[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: DeskMembers[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const desk: DeskMembers = { desk: statement.name.text, methods: [], fields: [] };
    for (const member of statement.members) {
      if (ts.isConstructorDeclaration(member)) {
        // `constructor(readonly options: …)` makes a public field as surely as a declaration does.
        for (const parameter of member.parameters) {
          const isProperty = (ts.getModifiers(parameter) ?? []).some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword || m.kind === ts.SyntaxKind.PublicKeyword);
          const name = nameOf(parameter.name);
          if (isProperty && !hidden(parameter) && name !== null) desk.fields.push(name);
        }
        continue;
      }
      if (hidden(member) || !member.name) continue;
      const name = nameOf(member.name);
      if (name === null) continue;
      if (ts.isPropertyDeclaration(member)) desk.fields.push(name);
      else if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) desk.methods.push(name);
    }
    found.push(desk);
  }
  return found;
}
