/**
 * Reads who issued the certificate a server presents, for the connection test to name when
 * the certificate is refused (a TLS-inspecting proxy's own CA, typically). It connects the way
 * requests do (through the proxy's CONNECT tunnel when there is one), takes the certificate
 * with verification off, and closes: nothing is sent over that connection, and nothing in it
 * is trusted. Only the issuer's name is kept.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface PresentedCertificate {
  /** The issuer's common name, else its organisation ("Contoso Inspection CA"). */
  issuer: string;
  /** The certificate's own subject (the host name it claims). */
  subject: string;
}

function onceData(socket: Socket, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the proxy did not answer CONNECT in time')), timeoutMs);
    socket.on('data', function read(chunk: Buffer) {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      clearTimeout(timer);
      socket.off('data', read);
      resolve(seen);
    });
    socket.once('error', reject);
  });
}

/** A raw TCP socket to host:port, through the proxy's CONNECT tunnel when a proxy is given. */
async function openSocket(host: string, port: number, proxy: string | null, timeoutMs: number): Promise<Socket | null> {
  if (!proxy) return null;
  const url = new URL(proxy);
  // An https proxy would get the CONNECT (and its credentials) in clear text: no probe through it.
  if (url.protocol !== 'http:') throw new Error('the issuer is not read through an https proxy');
  const socket = netConnect(Number(url.port || 80), url.hostname);
  const auth = url.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}\r\n`
    : '';
  socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
  const answer = await onceData(socket, timeoutMs);
  if (!/^HTTP\/1\.[01] 200/.test(answer)) {
    socket.destroy();
    throw new Error(`the proxy refused the tunnel: ${answer.split('\r\n')[0]}`);
  }
  return socket;
}

export async function presentedCertificate(
  target: URL,
  proxy: string | null,
  timeoutMs = 3000,
): Promise<PresentedCertificate | null> {
  if (target.protocol !== 'https:') return null;
  const host = target.hostname;
  const port = Number(target.port || 443);
  const tunnel = await openSocket(host, port, proxy, timeoutMs);
  return new Promise((resolve, reject) => {
    // Verification off on purpose: this connection only reads the name, then closes.
    const options = { servername: host, rejectUnauthorized: false };
    const socket = tunnel ? tlsConnect({ ...options, socket: tunnel }) : tlsConnect({ ...options, host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no TLS handshake in time'));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      socket.destroy();
      const issuer = cert.issuer?.CN || cert.issuer?.O || 'an unnamed issuer';
      resolve({ issuer: String(issuer), subject: String(cert.subject?.CN ?? host) });
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
