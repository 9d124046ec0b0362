/** Offers bytes as a download (an object URL on a temporary link: works without a server round trip). */
export function saveFile(bytes: Uint8Array, fileName: string) {
  const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** exceljs is ~250 KB gzipped: it loads only when a workbook is read or written. */
export const loadXlsx = () => import('@tongxin/ledger/xlsx');
