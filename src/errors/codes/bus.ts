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
  SECCOM_BUS_URL: {
    status: 400,
    title: 'Bad bus URL',
    description:
      'The `--bus` value is not of the form `nats://HOST[:PORT][?stream=NAME&ackWait=SECONDS]` (stream: letters, digits, `_` and `-`; ackWait: a positive number of seconds).',
    exit: 2,
  },
  SECCOM_BUS_PUBLISH: {
    status: 503,
    title: 'Relay to JetStream failed',
    description:
      'JetStream did not acknowledge a message relayed from the outbox (server gone, stream missing or full). Nothing is lost: the batch stays unpublished in the outbox and is relayed again by the next pump; JetStream drops the repeats by their `Nats-Msg-Id`.',
  },
});
