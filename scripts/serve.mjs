// `make serve`: node scripts/serve.mjs SITE_DIR [PORT]. Serves until Ctrl-C.
import { startServer } from './static_server.mjs';

const [root = 'build/web/site', portArg = process.env.PORT || '8080'] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be a number from 0 to 65535, got '${portArg}'`);
  process.exit(2);
}
try {
  const { url } = await startServer({ root, port });
  console.log(`OpenPick is served at ${url}  (Ctrl-C to stop)`);
} catch (e) {
  console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}` +
                (e.code === 'EADDRINUSE' ? ' (in use: try PORT=8081 make serve)' : ''));
  process.exit(1);
}
process.on('SIGINT', () => process.exit(0));
