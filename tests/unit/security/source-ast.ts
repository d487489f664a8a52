import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** The repository root (tests/unit/security → ../../..). */
export const ROOT = join(import.meta.dirname, '../../..')

export function parseSource(relPath: string): ts.SourceFile {
  const file = join(ROOT, relPath)
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
}

/** Every node of a tree, depth first. */
export function allNodes(root: ts.Node): ts.Node[] {
  const out: ts.Node[] = []
  const visit = (n: ts.Node) => {
    out.push(n)
    n.forEachChild(visit)
  }
  visit(root)
  return out
}

/** Files under a folder (relative to the repository), recursively, filtered by extension. */
export function filesUnder(relDir: string, extensions: string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (extensions.some((e) => name.endsWith(e))) out.push(relative(ROOT, full))
    }
  }
  walk(join(ROOT, relDir))
  return out
}

/** `new X(...)` expressions whose constructor is named `name`. */
export function newExpressions(source: ts.SourceFile, name: string): ts.NewExpression[] {
  return allNodes(source).filter(
    (n): n is ts.NewExpression => ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name,
  )
}

/** Calls of `<anything>.method(...)`. */
export function methodCalls(source: ts.SourceFile, method: string): ts.CallExpression[] {
  return allNodes(source).filter(
    (n): n is ts.CallExpression =>
      ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === method,
  )
}

/** The property `name` of an object literal, or undefined. */
export function property(obj: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return obj.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name,
  )
}

/** `true`/`false` for a boolean literal, undefined for anything computed. */
export function booleanLiteral(node: ts.Expression | undefined): boolean | undefined {
  if (!node) return undefined
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false
  return undefined
}

/** The enclosing function declaration's name of a node, if any. */
export function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text
  }
  return undefined
}
