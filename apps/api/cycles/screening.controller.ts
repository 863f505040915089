// moved to apps/api/screening (ScreeningModule)
export { ScreeningController } from '../screening/screening.controller';
