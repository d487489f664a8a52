import { Liquid, Tag, type TagToken, type Context, type TopLevelToken, type Emitter } from 'liquidjs'

/** Tags that would read other templates (files): refused when the template is parsed. */
const FILE_TAGS = ['include', 'render', 'layout', 'block'] as const

class RefusedTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid)
    throw new Error(`{% ${token.name} %} is not allowed in reply templates (they cannot read other files)`)
  }
  render(_ctx: Context, _emitter: Emitter): void {}
}

/**
 * The one Liquid engine for replies. Strict: an unknown variable or property is an error at render
 * (strictVariables), an unknown filter an error at parse (strictFilters); only own properties of the
 * data given are visible (ownPropertyOnly: no `constructor`, no prototype); no filesystem (an empty
 * in-memory template map, and the file tags refused); bounded parse/render work so a template
 * cannot hang the main process. Output is plain text (replies are text/plain), so nothing is escaped.
 */
export function createReplyLiquid(): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    relativeReference: false,
    jekyllInclude: false,
    parseLimit: 200_000,
    renderLimit: 2_000,
    memoryLimit: 10_000_000,
  })
  for (const name of FILE_TAGS) liquid.registerTag(name, RefusedTag)
  return liquid
}

let shared: Liquid | undefined
export function replyLiquid(): Liquid {
  shared ??= createReplyLiquid()
  return shared
}

/** Normalises line ends and trims trailing blank lines, so every locale's output looks alike. */
export function tidyText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n'
}
