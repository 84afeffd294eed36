import { readFileSync, writeFileSync } from 'node:fs';
import { SeccomError, isSeccomError } from '../../errors/index.ts';
import { decodeImage, encodePng } from '../../formats/images/index.ts';
import { DEFAULT_BITRATE, decodeWsq, encodeWsq, readWsqInfo } from '../../formats/wsq/index.ts';
import { numberOption, parseCommandArgs, type Command } from '../command.ts';

const usage = `Usage:
  seccom wsq decode IN.wsq OUT.png          decode a WSQ file to 8-bit gray PNG (ppi kept in pHYs)
  seccom wsq encode IN OUT.wsq [--bitrate B] [--ppi N] [--comment TEXT]
                                            encode a PNG/TIFF/JPEG/JPEG 2000/BMP/WSQ image to WSQ
  seccom wsq info IN.wsq [--json]           print the frame header and comments (NISTCOM)

Options:
  --bitrate B   bits per pixel (default ${DEFAULT_BITRATE}, the FBI setting for 500-ppi prints)
  --ppi N       resolution to record when the input does not state one
  --comment T   extra comment segment
  --json        machine-readable output`;

function readInput(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new SeccomError('SECCOM_FILE_NOT_FOUND', `cannot read ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
}

/** Runs a decoder on a file's bytes, adding the file name to any error's location. */
function withFile<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isSeccomError(e)) throw e;
    throw new SeccomError(e.code, e.message, { location: { file: path, ...e.location }, cause: e });
  }
}

function writeOutput(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new SeccomError('SECCOM_INVALID_ARGUMENT', `cannot write ${path}: ${(e as Error).message}`, { location: { file: path } });
  }
}

const command: Command = {
  summary: 'WSQ fingerprint image codec (wsq decode | encode | info)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { bitrate: { type: 'string' }, ppi: { type: 'string' }, comment: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const [action, input, output] = positionals;
    const arity = action === 'info' ? 2 : 3;
    if (!input || positionals.length !== arity || !['decode', 'encode', 'info'].includes(action!)) {
      throw new SeccomError('SECCOM_USAGE', `expected "wsq decode IN OUT", "wsq encode IN OUT" or "wsq info IN"\n\n${usage}`);
    }
    const bytes = readInput(input);
    if (action === 'info') {
      const info = withFile(input, () => readWsqInfo(bytes));
      io.out(
        values.json
          ? JSON.stringify(info)
          : [`${info.frame.width}x${info.frame.height}, ${info.ppi ?? 'unknown'} ppi`, ...info.comments.map((c) => `comment: ${c.replace(/\n/g, '; ')}`)].join('\n'),
      );
      return 0;
    }
    if (action === 'decode') {
      const image = withFile(input, () => decodeWsq(bytes));
      writeOutput(output!, encodePng(image));
      io.out(`${output}: ${image.width}x${image.height}${image.ppi ? `, ${image.ppi} ppi` : ''}`);
      return 0;
    }
    const ppi = values.ppi === undefined ? undefined : numberOption(values.ppi, 'ppi', 0, 1);
    const bitrate = numberOption(values.bitrate, 'bitrate', DEFAULT_BITRATE, 0);
    const image = withFile(input, () => decodeImage(bytes, ppi === undefined ? {} : { ppi }));
    const wsq = encodeWsq(image, { bitrate, ...(values.comment ? { comment: values.comment } : {}) });
    writeOutput(output!, wsq);
    const ratio = (image.width * image.height) / wsq.length;
    io.out(`${output}: ${image.width}x${image.height}, ${wsq.length} bytes (${ratio.toFixed(1)}:1 at ${bitrate} bpp)`);
    return 0;
  },
};
export default command;
