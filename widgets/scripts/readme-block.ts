// A README block between `<!-- name:start ... -->` and `<!-- name:end -->` that a script writes and
// a test compares with what the current build gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const marker = (name: string) => new RegExp(`(<!-- ${name}:start[^>]*-->\\n)([\\s\\S]*?)(<!-- ${name}:end -->)`);

/** The block as the README has it now. */
export function readmeBlock(name: string): string | undefined {
  return marker(name).exec(readFileSync(readmePath, 'utf8'))?.[2]?.trimEnd();
}

export function writeReadmeBlock(name: string, text: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  if (!marker(name).test(readme)) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  writeFileSync(
    readmePath,
    readme.replace(marker(name), (_, start: string, _old: string, end: string) => `${start}${text}\n${end}`),
  );
}
