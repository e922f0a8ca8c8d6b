// `make serve`: node scripts/serve.mjs SITE_DIR [PORT]. Serves until Ctrl-C:
//   http://127.0.0.1:PORT/      the planner (SITE_DIR), with its Content-Security-Policy header
//   http://127.0.0.1:PORT+1/    the example adviser's page embedding it (SITE_DIR/../host-example),
//                               a second origin, as a real adviser's site would be
// OPENPICK_FRAME_ANCESTORS sets who may frame the planner (default: itself and the example host).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startServer } from './static_server.mjs';
import { hostHeaders, plannerHeaders } from './csp.mjs';

const [root = 'build/web/site', portArg = process.env.PORT || '8080'] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65534) {
  console.error(`serve: PORT must be a number from 0 to 65534, got '${portArg}'`);
  process.exit(2);
}

async function listen(options, what) {
  try {
    return await startServer(options);
  } catch (e) {
    console.error(`serve: cannot listen on 127.0.0.1:${options.port} for ${what}: ${e.message}` +
                  (e.code === 'EADDRINUSE' ? ' (in use: try PORT=8090 make serve)' : ''));
    process.exit(1);
  }
}

const hostRoot = join(dirname(resolve(root)), 'host-example');
const hostPort = port === 0 ? 0 : port + 1;
const plannerOrigin = `http://127.0.0.1:${port}`;
let frameAncestors = process.env.OPENPICK_FRAME_ANCESTORS || `'self' http://127.0.0.1:${hostPort}`;
let planner;
try {
  planner = await listen({ root, port, headers: plannerHeaders(frameAncestors) }, 'the planner');
} catch (e) {
  console.error(`serve: OPENPICK_FRAME_ANCESTORS: ${e.message}`);
  process.exit(2);
}
console.log(`OpenPick is served at ${planner.url}`);
if (existsSync(hostRoot)) {
  const host = await listen({ root: hostRoot, port: hostPort, headers: hostHeaders(plannerOrigin) },
                            'the example host page');
  const query = port === 8080 ? '' : `?planner=${encodeURIComponent(planner.url)}`;
  console.log(`The example adviser's page embedding it: ${host.url}${query}`);
  if (!process.env.OPENPICK_FRAME_ANCESTORS && port === 0) {
    console.log('(with PORT=0 the host port is random and not in frame-ancestors: set OPENPICK_FRAME_ANCESTORS)');
  }
}
console.log('Ctrl-C to stop');
process.on('SIGINT', () => process.exit(0));
