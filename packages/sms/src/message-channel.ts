/**
 * The outbound channel through which activation codes, password-reset codes and invitations
 * reach people (issue 12, "A real message channel"). Identity sees only this interface: the
 * development channel (a message log on disk) by default, or a county's SMS provider.
 */
export const MESSAGE_KINDS = ['activation', 'reset', 'invitation'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
/**
 * Reporting's messages to people outside Tongxin (issue 17): the single-use link a destination
 * organization answers a member's check-in by. Sent through a county's channel like identity's;
 * a county that has not registered its template gets a failed delivery, not a wrong template.
 */
export const NOTICE_KINDS = ['checkin_confirmation'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type SmsKind = MessageKind | NoticeKind;

export type OutboundSms = {
  tenantId: string;
  /** A mainland mobile number (`13800000001`) or E.164 (`+8613800000001`). */
  phone: string;
  kind: SmsKind;
  /** The template's values by name: see `TEMPLATE_PARAMS`. */
  params: Record<string, string>;
};

export type DeliveryResult = {
  provider: 'development' | 'tencent';
  status: 'sent' | 'failed';
  /** The provider's id for the message (Tencent's SerialNo), when it accepted it. */
  providerMessageId?: string;
  /** The provider's error code (e.g. `AuthFailure.SignatureFailure`), when it failed. */
  errorCode?: string;
};

export interface MessageChannel {
  /** Never throws for a refusal or an unreachable provider: that is a `failed` result. */
  send(message: OutboundSms): Promise<DeliveryResult>;
}

/** A county's Tencent Cloud SMS account, as its department enters it (secret key decrypted). */
export type TencentSmsConfig = {
  secretId: string;
  secretKey: string;
  /** The SMS application (`SmsSdkAppId`, e.g. 1400006666). */
  sdkAppId: string;
  /** The approved signature, e.g. 宜章县委组织部. */
  signName: string;
  /** e.g. ap-guangzhou. */
  region: string;
  /** Approved template ids; each template's variables follow `TEMPLATE_PARAMS`. */
  templates: Record<MessageKind, string> & Partial<Record<NoticeKind, string>>;
  /**
   * Another API origin (`http://sms.localhost:8080`): a local stand-in in tests. Without it,
   * the SDK's own endpoint over https.
   */
  endpoint?: string;
};

/** What a host hands a service that sends messages (identity: codes, resets, invitations). */
export interface MessagingDeps {
  /** Seals counties' provider secret keys at rest: 32 bytes, base64, kept outside the database. */
  masterKey: string;
  /** The channel of a county without its own provider: the development message log. */
  development: MessageChannel;
  /** A county's Tencent Cloud SMS account as a channel; absent where the host cannot run the SDK. */
  tencent?: (config: TencentSmsConfig) => MessageChannel;
}
