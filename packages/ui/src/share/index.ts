export { ShareCard } from './share-card.tsx';
export { checkinLink, meetingLink, memberPageLink, taskLink } from './share-link.ts';
