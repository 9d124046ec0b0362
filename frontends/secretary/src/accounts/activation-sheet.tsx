import { For } from 'solid-js';
import { formatDate } from '../shared/format-date.ts';
import { displayCode, type IssuedCode } from './accounts-api.ts';
import { t } from './messages.ts';

/** QR images (SVG data URLs) by member id. */
export type SheetImages = ReadonlyMap<string, string>;

/**
 * One QR code per issued code, encoding the activation link the server returned. `qrcode`
 * is the library this remote already loads lazily for check-in codes: one QR library per
 * remote, fetched only when a sheet is printed. SVG keeps the squares sharp on paper.
 */
export async function qrImages(codes: readonly IssuedCode[]): Promise<SheetImages> {
  const QRCode = await import('qrcode');
  const entries = await Promise.all(
    codes.map(async (code) => {
      const svg = await QRCode.toString(new URL(code.link, window.location.origin).href, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return [code.memberId, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`] as const;
    }),
  );
  return new Map(entries);
}

/** Codes grouped by branch, in the order they were issued. */
function byBranch(codes: readonly IssuedCode[]): { branch: string; codes: IssuedCode[] }[] {
  const groups = new Map<string, IssuedCode[]>();
  for (const code of codes) groups.set(code.branchName, [...(groups.get(code.branchName) ?? []), code]);
  return [...groups].map(([branch, list]) => ({ branch, codes: list }));
}

/**
 * The sheet handed out at a branch meeting: per branch a heading with county and branch,
 * then one card per member (name, QR code, code, how to activate), cut along the dashed
 * lines. On screen it is a preview; printed, it is all that is on the page (eight cards
 * per A4 sheet).
 */
export function ActivationSheet(props: { issued: readonly IssuedCode[]; images: SheetImages; county: string }) {
  const site = () => `${window.location.host}/activate`;
  return (
    <div class="activation-sheet">
      <style>{printCss}</style>
      <h3 class="sheet-preview-title">{t('sheetPreview')}</h3>
      <For each={byBranch(props.issued)}>
        {(group) => (
          <section class="sheet-group">
            <h4 class="sheet-heading">
              {t('sheetTitle', { county: props.county, branch: group.branch })}
              <span>{t('sheetSubtitle')}</span>
            </h4>
            <ul class="sheet-cards">
              <For each={group.codes}>
                {(code) => (
                  <li class="sheet-card">
                    <img src={props.images.get(code.memberId)} alt={t('qrAlt', { name: code.name })} />
                    <div class="sheet-text">
                      <p class="sheet-place">{t('sheetTitle', { county: props.county, branch: group.branch })}</p>
                      <p class="sheet-name">{code.name}</p>
                      <p>
                        {t('code')}：<strong class="activation-code">{displayCode(code.code)}</strong>
                      </p>
                      <p class="sheet-small">{t('expires', { date: formatDate(code.expiresAt) })}</p>
                      <p class="sheet-small">{t('sheetHowTo', { site: site() })}</p>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}

// Printing shows the sheet alone. Everywhere: everything else invisible and the sheet at the
// top of the page. Where `:has()` works, everything else also takes no room (no blank pages).
const printCss = `
@page { size: A4; margin: 10mm; }
@media print {
  body * { visibility: hidden; }
  .activation-sheet, .activation-sheet * { visibility: visible; }
  .activation-sheet { position: absolute; left: 0; top: 0; width: 100%; margin: 0; padding: 0; border: 0; }
  .activation-sheet .sheet-preview-title { display: none; }
  .activation-sheet .sheet-group + .sheet-group { break-before: page; }
  .activation-sheet .sheet-cards { grid-template-columns: 1fr 1fr; gap: 0; }
  .activation-sheet .sheet-card { height: 64mm; border: 1px dashed #000; border-radius: 0; break-inside: avoid; page-break-inside: avoid; }
  .activation-sheet .sheet-card img { width: 30mm; height: 30mm; }
}
@media print {
  :not(:has(.activation-sheet)):not(.activation-sheet):not(.activation-sheet *) { display: none !important; }
}
`;
