// Run by line-block-output.test.ts as a process of its own: writes `count` numbered lines to its
// standard output through a line-block output, and says on standard error what happened. Modes:
// `all` and `full` (the latter waits for the pipe to be full before saying `queued`), and `exit`.
import { lineBlockOutput } from './line-block-output.ts';

const [mode = 'all', count = '20000', maxPendingBytes = String(64 * 1024 * 1024)] = process.argv.slice(2);
// Opening standard output as a stream makes a pipe non-blocking, as a server's console use does.
void process.stdout;
const output = lineBlockOutput(1, { maxPendingBytes: Number(maxPendingBytes) });
process.on('exit', () => output.flushSync());
for (let line = 0; line < Number(count); line += 1) output.write(`{"line":${line},"text":"baris ke-${line} · é 中 😀"}\n`);
if (mode === 'exit') process.exit(0);
// `full`: say so only once a write has met the full pipe, so the reader starts after that.
const queued = () => process.stderr.write(`queued ${output.dropped}\n`);
if (mode === 'full') {
  const waitForFullPipe = setInterval(() => {
    if (output.retries === 0) return;
    clearInterval(waitForFullPipe);
    queued();
  }, 5);
} else queued();
output.flush(() => {
  output.write('{"line":"after"}\n');
  output.flush(() => {
    process.stderr.write(`done ${output.dropped} ${output.retries}\n`);
  });
});
