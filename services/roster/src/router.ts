import { router } from '@tongxin/trpc';
import { rollupsRouter } from './rollups/rollups-router.ts';
import { certificatesRouter } from './certificates/certificates-router.ts';
import { duesRouter } from './dues/dues-router.ts';
import { excelRouter } from './excel/excel-router.ts';
import { grantsRouter } from './grants/grants-router.ts';
import { ledgerRouter } from './ledger/ledger-router.ts';
import { membersRouter } from './members/members-router.ts';
import { mobilityRouter } from './mobility/mobility-router.ts';
import { orgsRouter } from './orgs/orgs-router.ts';
import { transfersRouter } from './transfers/transfers-router.ts';

export const appRouter = router({
  rollups: rollupsRouter,
  orgs: orgsRouter,
  members: membersRouter,
  ledger: ledgerRouter,
  mobility: mobilityRouter,
  transfers: transfersRouter,
  excel: excelRouter,
  grants: grantsRouter,
  certificates: certificatesRouter,
  dues: duesRouter,
});
export type AppRouter = typeof appRouter;
