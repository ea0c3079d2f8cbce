import { describe, expect, it } from "vitest";
import { isConfident } from "./confidence.js";
import { DEFAULT_TUNING } from "./search-tuning.js";

describe("isConfident", () => {
  it("states an answer that matches most of the question strongly and clearly ahead", () => {
    expect(isConfident({ coverage: 1, top: 100, second: 40 }, DEFAULT_TUNING.confidence)).toBe(true);
  });

  it.each([
    ["too little of the question matched", { coverage: 0.3, top: 100, second: 10 }],
    ["a single weak match", { coverage: 1, top: 8, second: 0 }],
    ["two units alike", { coverage: 1, top: 100, second: 95 }],
  ])("is unsure with %s", (_, input) => {
    expect(isConfident(input, DEFAULT_TUNING.confidence)).toBe(false);
  });
});
