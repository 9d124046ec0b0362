import { resizedSize } from './photo-size.ts';

/** JPEG quality: a 1600 px phone photo comes out at ~0.3–0.7 MB. */
const QUALITY = 0.8;
/** The server's limit (tasks' `MAX_PHOTO_BYTES`); a very busy scene can pass it at 0.8, so it is encoded once more, lower. */
const MAX_BYTES = 2 * 1024 * 1024;

type Source = ImageBitmap | HTMLImageElement;

/** Decoded upright: `from-image` turns a phone's sideways-stored photo by its EXIF orientation. */
async function decode(file: Blob): Promise<Source> {
  if (typeof createImageBitmap === 'function') return createImageBitmap(file, { imageOrientation: 'from-image' });
  // An in-app browser without createImageBitmap: an <img>, which applies the orientation itself.
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A canvas of that size (OffscreenCanvas where there is one: no element in the page), drawn on, and its JPEG at a quality. */
function draw(source: Source, width: number, height: number): (quality: number) => Promise<Blob> {
  const offscreen = typeof OffscreenCanvas === 'function';
  const canvas = offscreen ? new OffscreenCanvas(width, height) : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  context.fillStyle = '#fff'; // a PNG's transparent parts, which JPEG would make black
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, width, height);
  return (quality) =>
    canvas instanceof HTMLCanvasElement
      ? new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('not encoded'))), 'image/jpeg', quality))
      : canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/**
 * A photo as it leaves the phone (issue 18): decoded and encoded again as JPEG, at most
 * 1600 px on the long side. Always re-encoded, never the original file: that also drops the
 * EXIF block, so a photo's GPS position stays on the phone. Throws when the file cannot be
 * decoded. Loaded only when a member picks a photo.
 */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const source = await decode(file);
  try {
    const { width, height } = 'naturalWidth' in source ? resizedSize(source.naturalWidth, source.naturalHeight) : resizedSize(source.width, source.height);
    const jpeg = draw(source, width, height);
    const blob = await jpeg(QUALITY);
    return blob.size <= MAX_BYTES ? blob : await jpeg(0.6);
  } finally {
    if ('close' in source) source.close();
  }
}
