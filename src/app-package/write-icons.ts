/** `npm run icons`: redraws manifest/color.png and manifest/outline.png from icons.ts. */
import { writeFile } from "node:fs/promises";
import { drawColorIcon, drawOutlineIcon } from "./icons.js";

await writeFile("manifest/color.png", drawColorIcon());
await writeFile("manifest/outline.png", drawOutlineIcon());
console.log("Skrev manifest/color.png og manifest/outline.png.");
