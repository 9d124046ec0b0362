import type { MessageChannel, OutboundSms } from '@tongxin/sms';

/**
 * A message for a channel outside the app (SMS, WeChat). `phone` is left out when reporting
 * does not know it: a county's channel looks the number up by user id with its provider.
 */
export interface OutboundMessage {
  tenantId: string;
  /** The account it is for; absent for a person outside Tongxin (a destination's contact, issue 17). */
  userId?: string;
  phone?: string;
  text: string;
  kind: string;
  /**
   * The same message as an SMS template's values (@tongxin/sms), where it has one: what a
   * provider sends, and what the development channel's message log (the only place a link
   * may be written) records.
   */
  sms?: OutboundSms;
}

/** What a county plugs in to reach members outside the app (issue 6: SMS, WeChat). */
export interface OutboundChannel {
  send(message: OutboundMessage): Promise<void>;
}

/**
 * The development channel: one log line per message. It names the tenant, kind and user id
 * only — never the text or a phone number, which would put personal data in the logs.
 */
export const loggingChannel: OutboundChannel = {
  async send(message) {
    console.info(`outbound ${message.kind} tenant=${message.tenantId} user=${message.userId ?? 'outside'}`);
  },
};

const channels = new Map<string, OutboundChannel>();

/** A county's provider, registered by the host at start-up. */
export function registerChannel(tenantId: string, channel: OutboundChannel): void {
  channels.set(tenantId, channel);
}

export function channelFor(tenantId: string): OutboundChannel {
  return channels.get(tenantId) ?? loggingChannel;
}

/**
 * A county without a registered channel: a message with an SMS template goes to the host's
 * development channel (its message log), as identity's codes do; the rest only to the log line.
 */
function fallbackChannel(development: MessageChannel | undefined): OutboundChannel {
  return {
    async send(message) {
      if (!development || !message.sms) return loggingChannel.send(message);
      const result = await development.send(message.sms);
      if (result.status !== 'sent') throw new Error(`development channel: ${result.errorCode ?? result.status}`);
    },
  };
}

/**
 * Hands messages to their tenants' channels. Call it only after the transaction that wrote
 * the in-app rows committed, so a rolled-back change never sends an SMS. A failing provider
 * is logged, not thrown: the in-app notice is already stored and the request succeeded.
 * `development` is the host's development channel (`deps.messages.development`), for counties
 * that registered none.
 */
export async function deliverOutbound(messages: readonly (OutboundMessage | null | undefined)[], development?: MessageChannel): Promise<void> {
  for (const message of messages) {
    if (!message) continue;
    try {
      await (channels.get(message.tenantId) ?? fallbackChannel(development)).send(message);
    } catch (error) {
      console.error(`outbound ${message.kind} to user=${message.userId ?? 'outside'} failed:`, error instanceof Error ? error.name : error);
    }
  }
}
