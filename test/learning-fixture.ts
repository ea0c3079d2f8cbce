/** A small knowledge folder and feedback log for tests of the learning loop: quick to build. */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unitFile } from "./knowledge-fixtures.js";

const unit = (id: string, name: string, tasks: string[]) =>
  unitFile(`test-kommune/teknik/${id}`, tasks, name, {
    organisation: "Test Kommune",
    department: "Teknik",
    chiefArea: "Drift",
    group: "Opgaver",
  });

export const UNITS = {
  byg: "test-kommune/teknik/byg",
  natur: "test-kommune/teknik/natur",
  veje: "test-kommune/teknik/veje",
};

/** A knowledge folder of three units where "vand i kælderen" goes to Byg first and Natur second. */
export async function learningKnowledge(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hvem-learning-"));
  await mkdir(join(dir, "vocabulary"));
  await writeFile(join(dir, "byg.md"), unit("byg", "Byg", ["Byggeansøgninger", "Fugt i kælderen ved nybyggeri", "Nedrivningstilladelser"]));
  await writeFile(
    join(dir, "natur.md"),
    unit("natur", "Natur", ["Vand på terræn og klimatilpasningsprojekter", "Rottebekæmpelse", "Naturbeskyttelse og søer"]),
  );
  await writeFile(join(dir, "veje.md"), unit("veje", "Veje", ["Gravetilladelser", "Vejbelysning", "Snerydning på veje"]));
  return dir;
}

/** A feedback log in which `users` different users asked `question` and picked `unitId` over `firstUnitId`. */
export async function pickLog(
  path: string,
  picks: { question: string; unitId: string; firstUnitId: string; users: string[] }[],
  at = new Date(),
): Promise<void> {
  const lines = picks.flatMap(({ question, unitId, firstUnitId, users }) =>
    users.map((user) => JSON.stringify({ kind: "pick", at: at.toISOString(), conversation: `c-${user}`, user, question, unitId, firstUnitId })),
  );
  await writeFile(path, `${lines.join("\n")}\n`);
}
