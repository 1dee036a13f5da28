// Preloaded with `node --import`: at exit, writes every module the process loaded (ES modules through a load hook,
// CommonJS from require's cache) to the file named by TRACE_MODULES_TO, one URL or path a line.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const out = process.env.TRACE_MODULES_TO;
if (out !== undefined) {
  const { port1, port2 } = new MessageChannel();
  const loaded = [];
  port1.on('message', (url) => loaded.push(url));
  port1.unref();
  register('./trace-modules-hooks.mjs', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
  process.on('exit', () => {
    const required = Object.keys(createRequire(import.meta.url).cache);
    appendFileSync(out, [...loaded, ...required].join('\n') + '\n');
  });
}
