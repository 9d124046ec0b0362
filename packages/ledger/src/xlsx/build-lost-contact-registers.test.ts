import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildLostContactRegisters } from './index.ts';

const load = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets;
};
const rowTexts = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));

describe('the lost-contact registers workbook', () => {
  it('has the 失联 and 恢复联系 registers, each with its title, the filing org and date, the official columns and numbered lines', async () => {
    const [lost, found] = await load(await buildLostContactRegisters({
      lost: [
        { name: '李华', gender: 'male', birthDate: '1990-03-04', joinedOn: '2015-07-01', branchName: '涌水村流动党员党支部', since: '2026-11-20', reason: 1,
          lastContactAt: '2026-05-01T16:30:00.000Z', lastContactSource: 'dues', failedAttempts: 3 },
        { name: '=cmd', gender: null, birthDate: null, joinedOn: null, branchName: '龙潭村党支部', since: '2026-12-01', reason: 7,
          lastContactAt: null, lastContactSource: null, failedAttempts: 0 },
      ],
      recontacted: [
        { name: '曹春生', gender: 'female', branchName: '涌水村党支部', lostSince: '2026-03-01', reason: 6, recontactedAt: '2026-10-09T17:00:00.000Z',
          destinationCity: '东莞', employer: '长安五金厂', status: 'mobile' },
      ],
    }, 'zh-CN', { orgName: '马田镇党委', date: '2026-12-07' }));
    expect(lost!.name).toBe('失联党员登记表');
    expect(rowTexts(lost!, 1)[0]).toBe('失联党员登记表');
    expect(rowTexts(lost!, 2)[0]).toBe('填报单位：马田镇党委　　填报日期：2026-12-07');
    expect(rowTexts(lost!, 3)).toEqual(['序号', '姓名', '性别', '出生年月', '入党时间', '所在党支部', '失联时间', '失联原因', '最后联系时间', '最后联系方式', '查找情况']);
    // The last contact is read on Beijing time: 00:30 on 2 May.
    expect(rowTexts(lost!, 4)).toEqual(['1', '李华', '男', '1990.03', '2015.07', '涌水村流动党员党支部', '2026.11.20', '1. 外出务工经商', '2026.05.02', '交纳党费', '已联系 3 次未联系上']);
    expect(rowTexts(lost!, 5)).toEqual(['2', '\'=cmd', '', '', '', '龙潭村党支部', '2026.12.01', '7. 其他原因', '', '', '未记录联系尝试']);
    expect(found!.name).toBe('恢复联系党员登记表');
    expect(rowTexts(found!, 3)).toEqual(['序号', '姓名', '性别', '所在党支部', '失联时间', '失联原因', '恢复联系时间', '现所在地', '现工作单位', '备注']);
    expect(rowTexts(found!, 4)).toEqual(['1', '曹春生', '女', '涌水村党支部', '2026.03.01', '6. 更换居住地', '2026.10.10', '东莞', '长安五金厂', '继续外出，纳入流动党员管理']);
  });

  it('in English too', async () => {
    const [lost, found] = await load(await buildLostContactRegisters({ lost: [], recontacted: [] }, 'en', { orgName: 'Matian', date: '2026-12-07' }));
    expect(lost!.name).toBe('Lost contact');
    expect(rowTexts(lost!, 3)[6]).toBe('Lost contact since');
    expect(found!.name).toBe('Re-contacted');
  });
});
