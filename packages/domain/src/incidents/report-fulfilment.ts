/**
 * When the preliminary-report obligation was met. A post-incident report tells customers everything a
 * preliminary one would, so publishing it (even without a preliminary) meets that obligation too.
 */
export function preliminaryReportMetAt(
  preliminaryPublishedAt: Date | null,
  postIncidentPublishedAt: Date | null,
): Date | null {
  if (preliminaryPublishedAt === null) return postIncidentPublishedAt;
  if (postIncidentPublishedAt === null) return preliminaryPublishedAt;
  return preliminaryPublishedAt <= postIncidentPublishedAt ? preliminaryPublishedAt : postIncidentPublishedAt;
}
