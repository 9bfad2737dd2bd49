/**
 * Who serves (tjänstgör) at a meeting: one rule for the deciders, the protocol's views and the
 * clerk's page. A module of its own, importing nothing, so the web page can bundle it alone.
 */

/** An attendance record by member ids, as the rule of who serves reads it. */
export interface AttendanceIds {
  readonly present: readonly string[];
  readonly servingSubstitutes: readonly { readonly substituteId: string; readonly forMemberId: string }[];
}

/**
 * Who serves (tjänstgör), the one rule that the deciders, the protocol's views and the clerk's
 * page share: of `candidates`, those present whose seat no ersättare takes, and the serving
 * ersättare (KL 5:17, 6:17). The order of `candidates` is kept; `roleOf` gives each one's seat.
 */
export function whoServes<T extends { readonly memberId: string }>(
  candidates: readonly T[],
  attendance: AttendanceIds,
  roleOf: (memberId: string) => 'ledamot' | 'ersattare' | undefined,
): T[] {
  const present = new Set(attendance.present);
  const replaced = new Set(attendance.servingSubstitutes.map((s) => s.forMemberId));
  const substitutes = new Set(attendance.servingSubstitutes.map((s) => s.substituteId));
  return candidates.filter(
    ({ memberId: id }) =>
      present.has(id) && (substitutes.has(id) || (roleOf(id) !== 'ersattare' && !replaced.has(id))),
  );
}

/** An attendance by member references (the protocol's views, the clerk's page) by ids. */
export function attendanceIdsOf(attendance: {
  readonly present: readonly { readonly memberId: string }[];
  readonly servingSubstitutes: readonly {
    readonly substitute: { readonly memberId: string };
    readonly forMember: { readonly memberId: string };
  }[];
}): AttendanceIds {
  return {
    present: attendance.present.map((m) => m.memberId),
    servingSubstitutes: attendance.servingSubstitutes.map((s) => ({
      substituteId: s.substitute.memberId,
      forMemberId: s.forMember.memberId,
    })),
  };
}
