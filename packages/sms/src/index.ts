export {
  MESSAGE_KINDS, NOTICE_KINDS, type MessageKind, type NoticeKind, type SmsKind, type OutboundSms, type DeliveryResult, type MessageChannel, type MessagingDeps, type TencentSmsConfig,
} from './message-channel.ts';
export { TEMPLATE_PARAMS, DEFAULT_SIGN_NAME, templateParamSet, renderSms } from './render-sms.ts';
export { encryptSecret, decryptSecret, generateMasterKey } from './secret-box.ts';
export { maskPhone } from './mask-phone.ts';
