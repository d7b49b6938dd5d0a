// Writes a .gz beside every text asset of the export, so the API process can
// send compressed files without compressing on each request.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const OUT = new URL("../out/", import.meta.url).pathname;
const TEXT = /\.(js|css|html|json|txt|svg|map)$/;
const MIN_BYTES = 1024;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for await (const path of files(OUT)) {
  if (!TEXT.test(path)) continue;
  const body = await readFile(path);
  if (body.length < MIN_BYTES) continue;
  await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
  count += 1;
}
console.log(`compress: wrote ${count} .gz files`);
