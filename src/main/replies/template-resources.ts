import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { resourcePath } from '../resources'
import { LocaleTagSchema, TemplateKeySchema, TemplatePurposeSchema, type TemplateVariant } from '../../shared/domain/reply'

const ManifestSchema = z.object({
  schema: z.literal('kyc-reply-templates/1'),
  templates: z.array(
    z.object({
      key: TemplateKeySchema,
      purpose: TemplatePurposeSchema,
      description: z.string(),
      variants: z.array(z.object({ locale: LocaleTagSchema, subject: z.string().min(1), body: z.string().regex(/^[\w.-]+\.liquid$/) })).min(1),
    }),
  ),
})

export interface BundledTemplate {
  key: string
  purpose: z.infer<typeof TemplatePurposeSchema>
  description: string
  variants: TemplateVariant[]
}

/** resources/templates: manifest.json names each template's variants; bodies are .liquid files beside it. */
export function loadBundledTemplates(dir = resourcePath('templates')): BundledTemplate[] {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')))
  return manifest.templates.map((t) => ({
    key: t.key,
    purpose: t.purpose,
    description: t.description,
    variants: t.variants.map((v) => ({ locale: v.locale, subject: v.subject, body: readFileSync(`${dir}/${v.body}`, 'utf8') })),
  }))
}
