/** Names as a reader would list them: "API", "API and Email", "API, Email and Webhooks". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}
