import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../persistence';
import { storeSinkMessage } from '../persistence/mail-sink';

export interface MailSink {
  /** `smtp://host:port`, what SMTP_URL should say to send here. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message and keeps it in `mail_sink_messages`, where the API shows it
 * (GET /mail-sink/messages). The embedded default for `npm start` and the tests' real SMTP server; production
 * sets SMTP_URL to a real relay instead. A message is acknowledged (250) only after it is stored. `database` is the
 * sink's own connection (its DataSource), held for as long as the server runs.
 */
export async function startMailSink(
  database: { readonly manager: Db },
  options: { host: string; port: number },
): Promise<MailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) =>
            storeSinkMessage(database.manager, {
              messageId: parsed.messageId ?? null,
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? null,
              textBody: parsed.text ?? null,
              htmlBody: typeof parsed.html === 'string' ? parsed.html : null,
              attachments: parsed.attachments.map((attachment) => ({
                filename: attachment.filename ?? null,
                contentType: attachment.contentType,
                size: attachment.size,
              })),
              raw,
              receivedAt: new Date(),
            }),
          )
          .then(
            () => callback(),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
      });
    },
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => listening());
  });
  // A sender that dies mid-session (a worker killed while it sends) resets its connection; smtp-server reports that
  // as an 'error' on the server, which must not end the sink. The sender tries again and the sink stores that.
  server.on('error', (error: Error & { code?: string }) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error(`Mail sink: ${error.message}`);
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${options.host}:${port}`,
    stop: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
