export * from './decision-store';
export * from './plenary-data';
export * from './result-notices';
