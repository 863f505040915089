import { rubricOfGroup, type CompetitionTemplate } from '../../../libs/domain';
import type { DeskQueueRubricDto } from '../desk/desk.response.dto';

/** The rubric each of these groups is scored with, as a score sheet asks for it. */
export function rubricsOfGroups(
  template: Pick<CompetitionTemplate, 'groups' | 'rubrics'>,
  groups: string[],
): DeskQueueRubricDto[] {
  return [...new Set(groups)].map((group) => {
    const rubric = rubricOfGroup(template, group);
    return {
      group,
      groupName: template.groups.find((candidate) => candidate.key === group)?.name ?? group,
      key: rubric.key,
      name: rubric.name,
      criteria: rubric.criteria.map(({ key, name, weight, scale }) => ({ key, name, weight, ...scale })),
    };
  });
}
