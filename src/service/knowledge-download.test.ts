import { describe, expect, it } from "vitest";
import { isPublishableName } from "./knowledge-download.js";

describe("published blob names", () => {
  it("accepts the knowledge files hvem publish uploads", () => {
    for (const name of ["synonyms.txt", "randers-kommune/byg.md", "randers-kommune/moeder/2024-01.meeting.yaml"]) {
      expect(isPublishableName(name), name).toBe(true);
    }
  });

  it("refuses paths that leave the folder, hidden or source files, and files Hvem does not read", () => {
    for (const name of [
      "../evil.md",
      "org/../../evil.md",
      "/etc/evil.md",
      "org//evil.md",
      "C:\\evil.md",
      "org\\..\\evil.md",
      ".git/hooks/x.md",
      "sources/katalog.md",
      "run.sh",
      "org/notes.txt",
      "",
    ]) {
      expect(isPublishableName(name), name).toBe(false);
    }
  });
});
