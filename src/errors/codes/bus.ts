import { defineCodes } from '../define.ts';

export const busCodes = defineCodes({
  SECCOM_BUS_SUBSCRIPTION: {
    status: 500,
    title: 'Bad bus subscription',
    description: 'A topic was given a second consumer on a bus that delivers each topic to one consumer. A wiring error in the code.',
  },
  SECCOM_BUS_UNAVAILABLE: {
    status: 503,
    title: 'Message bus unavailable',
    description: 'The NATS JetStream server named by `--bus` cannot be reached, or its stream cannot be created. Messages stay in the outbox until it is back.',
  },
});
