// `@tongxin/ui/share-button`: what a page that shares imports. The card itself
// (`@tongxin/ui/share`, with the QR code library) is loaded by the button when first opened.
export { ShareButton } from './share-button.tsx';
export { checkinLink, meetingLink, taskLink } from './share-link.ts';
export { checkinShareText, inviteLabel, meetingShareText, shareLabel, taskShareText } from './share-messages.ts';
