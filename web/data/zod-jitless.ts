/**
 * Must be the first import of every module that loads the library's loader or importers (load-files.ts,
 * import-files.ts). zod (the loader's schema library) probes `new Function` to compile fast parsers; under
 * this app's CSP (no 'unsafe-eval') that probe is refused and reported as a violation. Jitless mode skips
 * the probe. It has to be set before src/model/schema.ts builds its schemas, hence a module of its own,
 * evaluated first.
 */
import { config } from 'zod/mini';

config({ jitless: true });
