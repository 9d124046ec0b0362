export { startWsProxy, proxyAddressOf, type WsProxy } from './ws-proxy.ts';
