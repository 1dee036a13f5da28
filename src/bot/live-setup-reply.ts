import type { Reply } from './reply.js';
import { code } from '../core/text/index.js';
import { simpleReply } from './simple-reply.js';

/** Live checks asked for without Qlik API access: how to turn it on. */
export function liveSetupReply(): Reply {
  return simpleReply('pointer', 'Live checks need access to the Qlik Sense APIs, which is not configured here.', [
    {
      title: 'To turn them on',
      paragraphs: [],
      steps: [
        [
          'Export client certificates from the QMC (Certificates, PEM format) and set ',
          code('QLIK_CERT_DIR'),
          ' to the folder with client.pem, client_key.pem and root.pem.',
        ],
        [
          'Set ',
          code('QLIK_PROXY_URLS'),
          ' to every proxy node, for example ',
          code('https://qs1:4243,https://qs2:4243'),
          '.',
        ],
        [
          'Set ',
          code('QLIK_REPOSITORY_URL'),
          ' to the central node, for example ',
          code('https://qs1:4242'),
          ', and restart the app.',
        ],
      ],
    },
  ]);
}
