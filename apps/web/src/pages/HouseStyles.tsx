export { HouseStylesPage } from './house-styles/HouseStylesPage';
