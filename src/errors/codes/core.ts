import { defineCodes } from '../define.ts';

export const coreCodes = defineCodes({
  SECCOM_INTERNAL: {
    status: 500,
    title: 'Internal error',
    description: 'An unexpected failure. The message and the log say where; report it with the log.',
  },
  SECCOM_USAGE: {
    status: 400,
    title: 'Bad command usage',
    description: 'A CLI command was called with unknown or missing options. Run `npx seccom <command> --help`.',
    exit: 2,
  },
  SECCOM_INVALID_ARGUMENT: {
    status: 422,
    title: 'Invalid argument',
    description: 'A value given on the command line or in a request does not have the required form.',
  },
  SECCOM_FILE_NOT_FOUND: {
    status: 404,
    title: 'File not found',
    description: 'A file named on the command line does not exist or cannot be read.',
  },
});
