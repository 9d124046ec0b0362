/**
 * The outbound channel through which activation codes, password-reset codes and invitations
 * reach people (issue 12, "A real message channel"). Identity sees only this interface: the
 * development channel (a message log on disk) by default, or a county's SMS provider.
 */
export const MESSAGE_KINDS = ['activation', 'reset', 'invitation'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type OutboundSms = {
  tenantId: string;
  /** A mainland mobile number (`13800000001`) or E.164 (`+8613800000001`). */
  phone: string;
  kind: MessageKind;
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
