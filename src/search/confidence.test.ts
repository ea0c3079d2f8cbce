import { describe, expect, it } from "vitest";
import { isConfident } from "./confidence.js";
import { DEFAULT_TUNING } from "./search-tuning.js";

const unit = (coverage: number, score: number, distinctive = 1) => ({ coverage, score, distinctive });

describe("isConfident", () => {
  it("states an answer that matches most of the question strongly and clearly ahead", () => {
    expect(isConfident(unit(1, 100), unit(1, 40), DEFAULT_TUNING.confidence)).toBe(true);
  });

  it.each([
    ["too little of the question matched", unit(0.3, 100), unit(1, 10)],
    ["a single weak match", unit(1, 8), undefined],
    ["two units alike", unit(1, 100), unit(1, 95)],
    ["only words most units share (a place name, 'klage', 'tid')", unit(1, 100, 0.2), undefined],
  ])("is unsure with %s", (_, first, second) => {
    expect(isConfident(first, second, DEFAULT_TUNING.confidence)).toBe(false);
  });
});
