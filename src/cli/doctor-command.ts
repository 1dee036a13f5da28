import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { openLiveQlik, parseLiveArgs, reportLiveFailure } from './open-live-qlik.js';
import { renderDoctorText } from './render-live-report-text.js';

const SYNOPSIS = 'doctor [--json]';

export const doctorCommand: Command = {
  name: 'doctor',
  synopsis: SYNOPSIS,
  summary: 'check the site live for known causes (licensed service account, nodes down, certificate expiry)',
  async run(args, io) {
    const parsed = parseLiveArgs(args);
    if (!parsed.ok) {
      await write(io.stderr, `qlik-sessions doctor: ${parsed.error}. Usage: qlik-sessions ${SYNOPSIS}\n`);
      return EXIT_USAGE;
    }
    if (parsed.positionals.length > 0) {
      await write(
        io.stderr,
        `qlik-sessions doctor: unexpected argument "${parsed.positionals.join(' ')}" (doctor checks the whole site). Usage: qlik-sessions ${SYNOPSIS}\n`,
      );
      return EXIT_USAGE;
    }
    const opened = await openLiveQlik(io, 'doctor', 'doctor');
    if (!opened.ok) return opened.exitCode;
    const result = await opened.live.doctor();
    if (!result.ok) return reportLiveFailure(io, 'doctor', result.error);
    await write(
      io.stdout,
      parsed.values.json === true ? `${JSON.stringify(result.value, null, 2)}\n` : renderDoctorText(result.value),
    );
    return EXIT_OK;
  },
};
