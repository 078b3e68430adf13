/** What an incident template's message may name; each `{{name}}` is replaced when the template is used. */
export const TEMPLATE_PLACEHOLDERS = ["incident.title", "components", "nextUpdateDueAt"] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** `{{ name }}`, spaces inside the braces allowed. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in `text` that templates do not know (a typo would reach customers verbatim), once each, in order. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER))
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name!)) unknown.add(name!);
  return [...unknown];
}
