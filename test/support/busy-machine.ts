/**
 * The suite runs beside CPU-bound processes (.ci/run), and a test server's projection thread
 * first compiles its TypeScript there: a protocol read may wait far longer for the read models
 * than the server's default of 10 s (PARAGRAF_READ_WAIT_MS) allows. Tests wait for the
 * condition, generously; a read model that never catches up still fails them.
 */
export const TEST_READ_WAIT_MS = '120000';
