export { startTencentStandIn, type TencentStandIn, type TencentStandInOptions, type ReceivedRequest, type ReceivedSendSms } from './tencent-stand-in.ts';
export { tc3Signature, tc3Date, type Tc3Input } from './tc3-signature.ts';
