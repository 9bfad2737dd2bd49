export const DOMAIN_PLACEHOLDER = 'domain';
