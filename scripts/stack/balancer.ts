import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Balancer {
  port: number;
  /** The backends' ports, in the order connections are handed out. */
  backends: number[];
  close(): Promise<void>;
}

/**
 * One port in front of several API replicas, as a load balancer puts them: each new connection goes to the next
 * replica in turn, and to the one after it when that one refuses (a replica stopped or restarting), so a replica's
 * loss costs only the requests it was answering.
 */
export async function startBalancer(port: number, backends: number[], host = '127.0.0.1'): Promise<Balancer> {
  let next = 0;
  const sockets = new Set<Socket>();
  const forward = (client: Socket, tries: number) => {
    const backend = backends[next++ % backends.length];
    const upstream = connect({ host, port: backend });
    let connected = false;
    track(upstream);
    upstream.once('connect', () => {
      connected = true;
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      // Refused before a byte was sent: the next replica gets the connection, as a balancer's health check would.
      if (!connected && tries + 1 < backends.length) forward(client, tries + 1);
      else client.destroy();
    });
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    track(client);
    client.on('error', () => client.destroy());
    forward(client, 0);
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(port, host, () => listening());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    backends,
    close: () =>
      new Promise<void>((closed) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => closed());
      }),
  };
}
