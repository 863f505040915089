export * from './availability';
export * from './bookings';
export * from './entries';
export * from './panels';
export * from './schedule';
export * from './scores';
export * from './slots';
export * from './stage';
