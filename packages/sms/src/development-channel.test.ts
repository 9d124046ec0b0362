import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { developmentChannel, readMessageLog } from './development-channel.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongxin-sms-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the development channel', () => {
  it('writes each message to its log as a text a person would receive, and the log gives the last code back', async () => {
    const logFile = join(dir, 'nested', 'messages.log');
    const channel = developmentChannel(logFile);

    expect(await channel.send({ tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'ABCDE-FGHJK', link: 'http://127.0.0.1:3000/activate?t=431022&code=ABCDE-FGHJK' } }))
      .toEqual({ provider: 'development', status: 'sent' });
    await channel.send({ tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'MNPQR-STUVW', link: 'http://127.0.0.1:3000/activate?t=431022&code=MNPQR-STUVW' } });
    await channel.send({ tenantId: '431022', phone: '13800000001', kind: 'reset', params: { code: '23456-789AB' } });
    await channel.send({ tenantId: '431022', phone: '13800000002', kind: 'activation', params: { code: 'ZZZZZ-ZZZZZ', link: 'http://127.0.0.1:3000/activate?t=431022&code=ZZZZZ-ZZZZZ' } });

    const last = await readMessageLog(logFile, { phone: '13800000001', kind: 'activation' });
    expect(last).toMatchObject({ tenantId: '431022', phone: '13800000001', kind: 'activation', params: { code: 'MNPQR-STUVW', link: 'http://127.0.0.1:3000/activate?t=431022&code=MNPQR-STUVW' } });
    expect(last!.text).toBe('【同心】您的同心账号激活码为 MNPQR-STUVW，14天内有效。请打开 http://127.0.0.1:3000/activate?t=431022&code=MNPQR-STUVW 激活并设置密码。');
    expect((await readMessageLog(logFile, { phone: '13800000001', kind: 'reset' }))!.text).toContain('23456-789AB');
    expect(await readMessageLog(logFile, { phone: '13800000001', kind: 'activation', tenantId: '431000' })).toBeNull();
    expect((await readFile(logFile, 'utf8')).trim().split('\n')).toHaveLength(4);
  });

  it('tells the console only the kind and the tenant, never the phone or the code', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await developmentChannel(join(dir, 'quiet.log')).send({
        tenantId: '431022', phone: '13800000005', kind: 'invitation', params: { tenantName: '宜章县', link: 'https://tongxin.example/invite?t=431022&token=SECRET' },
      });
      const printed = [...info.mock.calls, ...log.mock.calls].flat().join('\n');
      expect(printed).toContain('invitation');
      expect(printed).toContain('431022');
      expect(printed).not.toContain('13800000005');
      expect(printed).not.toContain('SECRET');
    } finally {
      info.mockRestore();
      log.mockRestore();
    }
  });

  it('finds nothing before the first message', async () => {
    expect(await readMessageLog(join(dir, 'none.log'), { phone: '13800000001', kind: 'reset' })).toBeNull();
  });
});
