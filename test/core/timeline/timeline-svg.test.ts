import { describe, expect, it } from 'vitest';
import { chartedTimeline, timelineAltText, timelineSvg } from '../../../src/core/timeline/index.js';
import { MAX_BARS } from '../../../src/core/timeline/timeline-svg.js';
import { parallelSteps } from '../../../src/core/timeline/parallel-steps.js';
import { LIMIT_TIMELINE, manySessionsTimeline } from '../../support/timeline-cases.js';

describe('timelineSvg', () => {
  it('draws the limit case as a snapshot (bars, limit line, refusals, two nodes, Berlin time)', () => {
    expect(timelineSvg(LIMIT_TIMELINE, { timeZone: 'Europe/Berlin' })).toMatchSnapshot();
  });

  it('draws one bar per session, assumed timeouts hatched, open and earlier sessions marked', () => {
    const svg = timelineSvg(LIMIT_TIMELINE);
    expect(svg.match(/<rect x="[\d.]+" y="\d+" width="[\d.]+" height="11"/g)).toHaveLength(5);
    expect(svg.match(/height="11" fill="url\(#hatch\)"/g)).toHaveLength(1);
    expect(svg).toContain('still open at the end');
    expect(svg).toContain('began before the excerpt');
    expect(svg).toContain('limit 5');
    // Two refusals: a cross on the limit line and a dotted line through the bars each.
    expect(svg.match(/stroke="#c53030" stroke-width="2.5"/g)).toHaveLength(3);
    expect(svg.match(/stroke-dasharray="2 3"/g)).toHaveLength(2);
  });

  it('tells the nodes apart, or the clients when there is one node', () => {
    expect(timelineSvg(LIMIT_TIMELINE)).toContain('node QS2');
    const oneNode = {
      ...LIMIT_TIMELINE,
      sessions: LIMIT_TIMELINE.sessions.map((session) => ({ ...session, node: 'QS1' })),
    };
    const svg = timelineSvg(oneNode);
    expect(svg).not.toContain('node QS1');
    expect(svg).toContain('client 10.0.0.35');
    expect(svg).toContain('client 10.0.0.77');
  });

  it('puts the axis in QLIK_TIME_ZONE: local hours in the labels and the zone named', () => {
    const berlin = timelineSvg(LIMIT_TIMELINE, { timeZone: 'Europe/Berlin' });
    expect(berlin).toContain('>09:00<');
    expect(berlin).toContain('2024-03-12 09:07:59 CET');
    expect(berlin).toContain('Times in Europe/Berlin');
    const utc = timelineSvg(LIMIT_TIMELINE);
    expect(utc).toContain('>08:00<');
    expect(utc).toContain('Times in UTC');
  });

  it('escapes names from the log: the picture stays valid XML', () => {
    const svg = timelineSvg(manySessionsTimeline(3));
    expect(svg).toContain('CORP\\svc_&lt;robot&gt;&amp;co');
    expect(svg).not.toContain('<robot>');
  });

  it('summarises past MAX_BARS sessions: no bars, the count line, the sessions left out said', () => {
    const svg = timelineSvg(manySessionsTimeline(500));
    expect(svg.match(/height="11"/g)).toBeNull();
    expect(svg).toContain('1700 sessions are too many for a bar each');
    expect(svg).toContain('1200 more sessions, away from the peak, are not in the picture.');
    expect(svg.length).toBeLessThan(200_000);
    expect(timelineSvg(manySessionsTimeline(MAX_BARS)).match(/height="11"/g)).toHaveLength(MAX_BARS);
  });

  it('draws refusals alone (no sessions) without failing', () => {
    const svg = timelineSvg({
      user: 'CORP\\new',
      sessions: [],
      omittedSessions: 0,
      refusals: [new Date('2024-03-12T08:00:00Z')],
      peak: 0,
    });
    expect(svg).toContain('1 refused');
    expect(svg.startsWith('<svg')).toBe(true);
  });

  it('is a pure function: the same report draws the same picture', () => {
    expect(timelineSvg(LIMIT_TIMELINE)).toBe(timelineSvg(LIMIT_TIMELINE));
  });
});

describe('parallelSteps', () => {
  it('counts open sessions, ends before starts at the same instant', () => {
    const at = (minute: number) => new Date(Date.UTC(2024, 2, 12, 8, minute));
    const steps = parallelSteps([
      { start: at(0), end: at(10), ending: 'stopped', startsBeforeExcerpt: false },
      { start: at(5), end: at(15), ending: 'stopped', startsBeforeExcerpt: false },
      { start: at(10), end: at(20), ending: 'stopped', startsBeforeExcerpt: false },
    ]);
    expect(steps.map((step) => step.open)).toEqual([1, 2, 2, 1, 0]);
  });
});

describe('timelineAltText and chartedTimeline', () => {
  it('says what the picture shows in one sentence', () => {
    expect(timelineAltText(LIMIT_TIMELINE, 'Europe/Berlin')).toBe(
      'Timeline of CORP\\mweber: 5 proxy sessions between 2024-03-12 08:40:00 CET and 2024-03-12 09:40:00 CET, at most 5 at once (at 09:07:59), 2 refused attempts.',
    );
  });

  it('pictures the verdicts about a user, and anything for --chart', () => {
    const report = (code: string, user: string | null) => ({ verdict: { code, user }, timelines: [LIMIT_TIMELINE] });
    expect(chartedTimeline(report('limit-reached', 'CORP\\mweber'))).toBe(LIMIT_TIMELINE);
    expect(chartedTimeline(report('near-limit', 'CORP\\other'))).toBeUndefined();
    expect(chartedTimeline(report('within-limit', 'CORP\\mweber'))).toBeUndefined();
    expect(chartedTimeline(report('within-limit', null), { anyVerdict: true })).toBe(LIMIT_TIMELINE);
    expect(chartedTimeline({ verdict: { code: 'limit-reached', user: 'CORP\\mweber' } })).toBeUndefined();
  });
});
