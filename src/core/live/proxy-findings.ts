import { plural } from '../text/index.js';
import type { CheckedService } from './checked-service.js';
import type { ProxyObservations } from './doctor-observations.js';
import type { DoctorFinding } from './doctor-report.js';
import { virtualProxyLabel } from './virtual-proxy-label.js';

/** The proxy nodes' checks: each node and virtual proxy answers for the API user's own sessions. */
export function proxyFindings(proxies: ProxyObservations): CheckedService {
  const findings: DoctorFinding[] = [];
  if (!proxies.virtualProxies.ok) {
    findings.push({
      code: 'virtual-proxies-unknown',
      severity: 'warning',
      user: null,
      detail: `${proxies.virtualProxies.error.message} Only the default proxy was checked.`,
    });
  }
  const discovered = proxies.virtualProxies.ok && proxies.virtualProxies.value.discovered;
  let answered = 0;
  for (const { proxy, virtualProxy, answer } of proxies.probes) {
    if (answer.ok || (discovered && answer.error.code === 'not-found')) {
      answered += 1;
      continue;
    }
    findings.push({
      code: 'proxy-unreachable',
      severity: 'problem',
      user: null,
      detail:
        `Proxy node ${proxy}, ${virtualProxyLabel(virtualProxy)}: ${answer.error.message} ` +
        'Session counts leave this node out until it answers.',
    });
  }
  if (answered === proxies.probes.length) {
    const virtualProxyCount = plural(proxies.prefixes.length, 'virtual proxy', 'virtual proxies');
    findings.push({
      code: 'proxies-answer',
      severity: 'info',
      user: null,
      detail: `All ${plural(proxies.nodes, 'proxy node')} answered for ${virtualProxyCount}.`,
    });
  }
  return { reached: answered > 0, findings };
}
