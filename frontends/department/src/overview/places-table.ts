import { m } from '../messages.ts';
import { secretaryPage } from '../route.ts';
import type { TableModel } from './table-model.ts';
import { share } from './figures.ts';
import type { Destination } from './places-api.ts';

/** A destination's flow organizations in words: ours first, then another county's. */
function flowOrgsText(destination: Destination): string {
  const ours = destination.flowOrgs.filter((org) => org.ours).map((org) => org.name);
  const theirs = destination.flowOrgs.filter((org) => !org.ours).map((org) => org.name);
  const parts = [...(ours.length ? [m('places.ours', { names: ours.join('、') })] : []), ...(theirs.length ? [m('places.theirs', { names: theirs.join('、') })] : [])];
  return parts.join('；') || m('places.noFlowOrg');
}

/** The employers recorded there, most members first. */
const employersText = (destination: Destination) =>
  [...destination.employers].sort((a, b) => b.members - a.members).map((e) => m('places.employer', { name: e.name, count: e.members })).join('、');

/** One row per destination, most members first; a destination that should have a flow branch links to the tree to create it. */
export function placesTable(destinations: readonly Destination[]): TableModel {
  const sorted = [...destinations].sort((a, b) => b.members - a.members || a.city.localeCompare(b.city));
  return {
    caption: m('places.caption'),
    headers: [m('places.destination'), m('figure.mobile'), m('figure.checkedIn'), m('rate.checkedInShort'), m('places.employers'), m('places.flowOrgs'), m('places.propose')],
    rows: sorted.map((d) => {
      const rate = share(d.checkedIn, d.members);
      return [
        d.province ? `${d.province} ${d.city}` : d.city,
        d.members,
        d.checkedIn,
        rate === null ? null : { percent: rate },
        employersText(d),
        flowOrgsText(d),
        d.proposeFlowBranch ? { value: m('places.proposeYes'), href: secretaryPage('tree') } : '',
      ];
    }),
  };
}
