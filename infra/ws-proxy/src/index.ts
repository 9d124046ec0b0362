export { startWsProxy, proxyAddressOf, type WsProxy } from './ws-proxy.ts';
export { startWsProxyThread } from './ws-proxy-thread.ts';
