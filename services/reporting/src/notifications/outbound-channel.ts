/**
 * A message for a channel outside the app (SMS, WeChat). `phone` is left out when reporting
 * does not know it: a county's channel looks the number up by user id with its provider.
 */
export interface OutboundMessage {
  tenantId: string;
  userId: string;
  phone?: string;
  text: string;
  kind: string;
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
    console.info(`outbound ${message.kind} tenant=${message.tenantId} user=${message.userId}`);
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
 * Hands messages to their tenants' channels. Call it only after the transaction that wrote
 * the in-app rows committed, so a rolled-back change never sends an SMS. A failing provider
 * is logged, not thrown: the in-app notice is already stored and the request succeeded.
 */
export async function deliverOutbound(messages: readonly (OutboundMessage | null | undefined)[]): Promise<void> {
  for (const message of messages) {
    if (!message) continue;
    try {
      await channelFor(message.tenantId).send(message);
    } catch (error) {
      console.error(`outbound ${message.kind} to user=${message.userId} failed:`, error instanceof Error ? error.name : error);
    }
  }
}
