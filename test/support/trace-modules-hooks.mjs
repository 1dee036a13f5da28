// The load hook of trace-modules.mjs: tells the main thread of each module loaded.
let port;
export function initialize(data) {
  port = data.port;
}
export async function load(url, context, next) {
  port.postMessage(url);
  return next(url, context);
}
