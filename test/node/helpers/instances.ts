import { spawn, type ChildProcess } from 'node:child_process';
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
    child.once('exit', (code) => reject(new Error(`instance exited with ${code} before it listened`)));
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
