/** The long side of a photo as it leaves the phone (issue 18): enough to read a sign or a face, ~0.3–0.7 MB as JPEG. */
export const MAX_PHOTO_SIDE = 1600;

/**
 * The size a photo is drawn at before upload: the long side at most `max`, the proportions
 * kept, never enlarged, and never a side of 0 (a 1 × 5000 strip stays 1 px wide).
 */
export function resizedSize(width: number, height: number, max = MAX_PHOTO_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
