import type { CompetitionTemplate } from '../competition-template';
import { KIPP_2023 } from './kipp-2023.template';
import { PKRI_2024 } from './pkri-2024.template';

export { KIPP_2023, PKRI_2024 };

export const BUILTIN_TEMPLATES: CompetitionTemplate[] = [PKRI_2024, KIPP_2023];
