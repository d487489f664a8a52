import type { Liquid, Template } from 'liquidjs'
import {
  REQUIRED_LOCALES, FALLBACK_LOCALE, TEMPLATE_VARIABLE_NAMES,
  type LintIssue, type TemplatePurpose, type TemplateVariant,
} from '../../shared/domain/reply'
import { replyLiquid } from './liquid-engine'
import { sampleVariables } from './reply-variables'

type Part = 'subject' | 'body'

function lineOf(error: unknown): number | null {
  const m = /line:(\d+)/.exec(error instanceof Error ? error.message : String(error))
  return m ? Number(m[1]) : null
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/, line:\d+, col:\d+$/, '')
}

function issue(severity: LintIssue['severity'], code: LintIssue['code'], locale: string | null, part: Part | null, text: string, line: number | null = null): LintIssue {
  return { severity, code, locale, part, line, message: text }
}

/** Parses one part; the issues say what is wrong and where. */
function parsePart(liquid: Liquid, text: string, locale: string, part: Part, issues: LintIssue[]): Template[] | null {
  try {
    return liquid.parse(text)
  } catch (error) {
    const filter = /undefined filter/.test(message(error))
    issues.push(issue('error', filter ? 'UNKNOWN_FILTER' : 'SYNTAX', locale, part, message(error), lineOf(error)))
    return null
  }
}

/**
 * Lint of a template (all its variants): syntax errors, unknown filters, variables that are not in
 * the documented set, properties that do not exist (found by a strict render with sample data),
 * missing or repeated locale variants, and a resubmission template that never lists the remedies.
 */
export function lintTemplate(purpose: TemplatePurpose, variants: readonly TemplateVariant[], liquid = replyLiquid()): LintIssue[] {
  const issues: LintIssue[] = []
  const locales = variants.map((v) => v.locale)
  for (const required of REQUIRED_LOCALES) {
    if (!locales.includes(required)) {
      issues.push(required === FALLBACK_LOCALE
        ? issue('error', 'MISSING_LOCALE', required, null, `There is no "${required}" variant: it is the fallback for every other language.`)
        : issue('warning', 'MISSING_LOCALE', required, null, `There is no "${required}" variant: those customers would get the English text.`))
    }
  }
  for (const locale of new Set(locales.filter((l, i) => locales.indexOf(l) !== i))) {
    issues.push(issue('error', 'DUPLICATE_LOCALE', locale, null, `There are several "${locale}" variants.`))
  }
  for (const v of variants) {
    let usesRemedies = false
    for (const part of ['subject', 'body'] as const) {
      const parsed = parsePart(liquid, v[part], v.locale, part, issues)
      if (!parsed) continue
      const unknown = new Set<string>()
      for (const segments of liquid.globalVariableSegmentsSync(parsed)) {
        const root = String(segments[0])
        if (root === 'remedies') usesRemedies = true
        if (!TEMPLATE_VARIABLE_NAMES.includes(root)) unknown.add(root)
      }
      for (const name of unknown) {
        issues.push(issue('error', 'UNKNOWN_VARIABLE', v.locale, part, `Unknown variable "${name}". Available: ${TEMPLATE_VARIABLE_NAMES.join(', ')}.`))
      }
      if (unknown.size > 0) continue
      try {
        const out = liquid.renderSync(parsed, sampleVariables(v.locale))
        if (part === 'subject' && /\n/.test(String(out).trim())) {
          issues.push(issue('error', 'RENDER', v.locale, part, 'The subject renders to more than one line.'))
        }
      } catch (error) {
        const undefinedVariable = /undefined variable/.test(message(error))
        issues.push(issue('error', undefinedVariable ? 'UNKNOWN_VARIABLE' : 'RENDER', v.locale, part, message(error), lineOf(error)))
      }
    }
    if (purpose === 'request_resubmission' && !usesRemedies) {
      issues.push(issue('error', 'NO_REMEDY_LOOP', v.locale, 'body', 'A resubmission reply must list the remedies ({% for remedy in remedies %}…{% endfor %}).'))
    }
  }
  return issues
}

export const hasErrors = (issues: readonly LintIssue[]): boolean => issues.some((i) => i.severity === 'error')
