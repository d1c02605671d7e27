/** For short table cells (sizes, versions, statuses) in the narrow entity cards. */
export const NO_WRAP = { whiteSpace: 'nowrap' } as const;
