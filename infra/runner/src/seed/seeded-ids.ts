import { createRandom } from './names.ts';

/**
 * Row ids for a seeded county, the same on every fresh start: the demo's order of members
 * (who reports, the year's history) and the placement target a village without a
 * mobile-member branch is offered (oldest, then lowest id) follow the ids, so random ids
 * made the demo differ between starts. Version-4-shaped UUIDs from the seed's mulberry32
 * stream (`createRandom`), on a stream of their own so the content does not shift.
 */
export function seededIds(seed: number): () => string {
  const random = createRandom(seed ^ 0x1d5eed);
  const word = () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return () => {
    const hex = word() + word() + word() + word();
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
