// The law as data: the template schema, the registry of templates and where each node sits.
export * from './schema';
export * from './registry';
export * from './places';
