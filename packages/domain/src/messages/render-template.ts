import { listInWords } from "./list-in-words.js";
import { localClockTime } from "./local-clock-time.js";
import { localDayPhrase } from "./local-day-phrase.js";
import { PLACEHOLDER, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from "./template-placeholders.js";

export interface TemplateValues {
  /** The incident's public name. */
  incidentTitle: string;
  /** The affected components, in page order; none reads "our services". */
  componentNames: readonly string[];
  /** Null once the incident is resolved. */
  nextUpdateDueAt: Date | null;
  /** The page's time zone, in which times are written. */
  timezone: string;
  now: Date;
}

export type RenderedTemplate =
  { ok: true; text: string } | { ok: false; reason: "UNKNOWN_PLACEHOLDER" | "NO_NEXT_UPDATE"; message: string };

/**
 * Fills a template's placeholders in one pass (text put in is never read for placeholders again).
 * Refuses rather than publish a literal "{{…}}" or an empty time to customers.
 */
export function renderTemplate(text: string, values: TemplateValues): RenderedTemplate {
  let problem: Extract<RenderedTemplate, { ok: false }> | null = null;
  const rendered = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name)) {
      problem ??= { ok: false, reason: "UNKNOWN_PLACEHOLDER", message: `{{${name}}} is not a placeholder` };
      return whole;
    }
    switch (name as TemplatePlaceholder) {
      case "incident.title":
        return values.incidentTitle;
      case "components":
        return values.componentNames.length ? listInWords(values.componentNames) : "our services";
      case "nextUpdateDueAt": {
        const due = values.nextUpdateDueAt;
        if (!due) {
          problem ??= {
            ok: false,
            reason: "NO_NEXT_UPDATE",
            message: "{{nextUpdateDueAt}} has no value: no update is due once the incident is resolved",
          };
          return whole;
        }
        const day = localDayPhrase(due, values.now, values.timezone);
        return `${localClockTime(due, values.timezone)}${day ? ` ${day}` : ""}`;
      }
    }
  });
  return problem ?? { ok: true, text: rendered };
}
