import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Instance {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** SIGTERM, resolved once the process has exited (at once if it already has). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) return r();
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

/** Starts test/node/fixtures/instance.ts (compiled) as a process; resolves once it listens. */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  // Bundled into a test file at the top of .cache/node-tests/: the fixtures are compiled beside it.
  const script = fileURLToPath(new URL('./fixtures/instance.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('instance did not start within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited with ${code} before it listened`));
    });
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /READY (\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        origin: `http://127.0.0.1:${m[1]}`,
        child,
        stop: () => stopChild(child),
      });
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * `npm start`'s server (demo/serve.js) as a process with `env`; resolves once it
 * listens. `output()` is everything it printed so far (stdout and stderr; stderr
 * is also passed through), for tests that check what is logged.
 */
export async function startDemo(env: Record<string, string>): Promise<Instance & { output(): string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'demo', 'serve.js')], { cwd: process.cwd(), env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d) => {
    out += d;
    process.stderr.write(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('npm start did not listen within 90 s')), 90_000);
    child.once('exit', (code) => {
      // A start that fails must not leave its 90 s timer holding the test process open.
      clearTimeout(timer);
      reject(Object.assign(new Error(`demo/serve.js exited with ${code}`), { output: out }));
    });
    child.stdout!.on('data', (d) => {
      out += d;
      // Both lines are printed once it listens; the second names the PSP.
      if (out.includes('kessai demo:') && out.includes('  backend: ')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { origin: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child), output: () => out };
}
