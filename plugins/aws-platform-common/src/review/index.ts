export * from './ownershipFlags';
export * from './ownershipRows';
export * from './accessFlags';
export * from './accessRows';
