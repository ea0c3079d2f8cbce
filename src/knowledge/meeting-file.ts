import type { Problem } from "./problem.js";
import { type Meeting, meetingFileSchema } from "./schema.js";
import { parseYaml } from "./yaml-source.js";

/** A meeting file (`*.meeting.yaml`) holds one committee meeting and its agenda items. */
export function parseMeetingFile(
  text: string,
  file: string,
): { meeting: Meeting | undefined; problems: Problem[] } {
  const parsed = parseYaml(text, meetingFileSchema, file);
  return { meeting: parsed.value && { ...parsed.value, file }, problems: parsed.problems };
}
