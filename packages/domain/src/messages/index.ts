export { describeDue } from "./describe-due.js";
export { formatDuration } from "./format-duration.js";
export { listInWords } from "./list-in-words.js";
export { localClockTime } from "./local-clock-time.js";
export { localDayPhrase } from "./local-day-phrase.js";
export { type RenderedTemplate, renderTemplate, type TemplateValues } from "./render-template.js";
export { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder, unknownPlaceholders } from "./template-placeholders.js";
