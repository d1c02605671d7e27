/**
 * Shared model of the AWS Platform suite: entity types, annotation keys, the
 * guide's account roles and the flows between them, DTOs and permissions, and
 * the pure models of the ownership and access reviews.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './entityTypes';
export * from './accountRoles';
export * from './flows';
export * from './predicates';
export * from './permissions';
export * from './ingestionStatus';
export * from './accountHealth';
export * from './entitySpecs';
export * from './liveStatus';
export * from './suiteEntity';
export * from './dnsName';
export * from './delegationCheck';
export * from './identityCenter';
export * from './review';
export * from './renderedFiles';
