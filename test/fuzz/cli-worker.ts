// Runs many `orchestron` command lines in this one process (the same code the executable runs,
// without a process start per line) and prints each one's exit code and standard error as JSON.
import { runCli } from '../../src/host/cli/main.ts';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const lines = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[][];
const results: { args: string[]; code: number; stderr: string }[] = [];
const realOut = process.stdout.write.bind(process.stdout);
for (const args of lines) {
  let stderr = '';
  process.stdout.write = () => true;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  const code = await runCli(args);
  results.push({ args, code, stderr: stderr.slice(0, 4_000) });
}
process.stdout.write = realOut;
process.stdout.write(JSON.stringify(results));
