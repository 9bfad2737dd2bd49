import { createRootLogger, PinoNestLogger } from './logging.js';

function collect(level = 'trace') {
  const lines: Record<string, unknown>[] = [];
  const logger = createRootLogger(level, { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { lines, nest: new PinoNestLogger(logger) };
}

describe('PinoNestLogger', () => {
  it("writes Nest's messages as JSON lines with their level and context", () => {
    const { lines, nest } = collect();
    nest.log('Mapped {/meetings, POST} route', 'RouterExplorer');
    nest.warn('slow', 'ReadModels');
    nest.verbose('details');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'Mapped {/meetings, POST} route',
        context: 'RouterExplorer',
      }),
      expect.objectContaining({ level: 40, msg: 'slow', context: 'ReadModels' }),
      expect.objectContaining({ level: 10, msg: 'details' }),
    ]);
  });

  it('keeps the stack and the context of an error', () => {
    const { lines, nest } = collect();
    const err = new Error('boom');
    nest.error('failed', err.stack, 'ProblemFilter');
    nest.error(err, 'ReadModels');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'failed', context: 'ProblemFilter' });
    expect(lines[0].stack).toContain('boom');
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: 'boom',
      context: 'ReadModels',
      err: { message: 'boom' },
    });
  });

  it('writes nothing below the configured level', () => {
    const { lines, nest } = collect('warn');
    nest.log('hidden');
    nest.debug('hidden');
    nest.warn('shown');
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });
});
