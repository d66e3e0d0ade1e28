// Replaced by the domain's procedures.
export const statisticsRouter = {};
