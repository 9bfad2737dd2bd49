import type { HealthIndicatorService } from '@nestjs/terminus';
import type { IntegrityService } from './integrity.service.js';

/**
 * The integrity part of /health: always "up" (recording goes on), with `state` degraded and the
 * number and kinds of breaks when verification found any. Which streams: /audit/verify (auditors).
 */
export function integrityIndicator(integrity: IntegrityService, indicators: HealthIndicatorService) {
  return () => {
    const { state, report } = integrity.status();
    const kinds: Record<string, number> = {};
    for (const b of report?.breaks ?? []) kinds[b.kind] = (kinds[b.kind] ?? 0) + 1;
    return indicators.check('integrity').up({
      state,
      breaks: report ? report.breaks.length + report.breaksOmitted : 0,
      kinds,
      checkedEvents: report?.checkedEvents ?? 0,
      lastSealUpTo: report?.lastSeal?.upTo ?? null,
    });
  };
}
