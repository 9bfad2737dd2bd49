export { BodiesPage } from './bodies/BodiesPage';
