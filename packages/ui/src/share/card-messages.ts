import { defineMessages } from '@tongxin/i18n';

/** The share card's words (issue 18): only the pages that share carry them. */
export const m = defineMessages(
  {
    title: '分享到微信群',
    intro: '复制下面的文字发到支部微信群，或让大家扫二维码：打开后会先登录，再回到这一页。',
    text: '分享文字',
    copy: '复制文字',
    copied: '已复制，可以粘贴到微信群。',
    copyFailed: '无法自动复制，请长按文字选择复制。',
    share: '用手机分享…',
    qr: '{title} 的二维码',
    close: '收起',
  },
  {
    title: 'Share in the WeChat group',
    intro: 'Copy the text below into the branch\'s WeChat group, or let people scan the QR code: it opens the login first, then this page.',
    text: 'Text to share',
    copy: 'Copy the text',
    copied: 'Copied: paste it into the WeChat group.',
    copyFailed: 'Could not copy by itself: press and hold the text to copy it.',
    share: 'Share from the phone…',
    qr: 'QR code of {title}',
    close: 'Close',
  },
);
