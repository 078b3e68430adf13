/** The name the public reads: `publicTitle` when one is set, else the title staff gave the incident. */
export function publicNameOf(incident: { title: string; publicTitle?: string | null }): string {
  return incident.publicTitle || incident.title;
}
