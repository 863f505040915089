/**
 * Who may call each route of the API, written here independently of the code: the access matrix
 * (test/registration/access-matrix.test.ts) and the probe suite (test/security/probe.test.ts) both read it.
 */
export type Role = 'admin' | 'agency' | 'agency-unit' | 'evaluator' | 'panelist' | 'auditor';
export const ROLES: Role[] = ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist', 'auditor'];
const ALL = ROLES;

/**
 * Who may call each route, written here independently of the code. `hidden`: allowed in principle, but the
 * resource used in the request (agency B's entry) is not theirs, so it must look absent (404).
 * Every route of the OpenAPI document must appear here: a new route without an expectation fails the test.
 */
export const EXPECTED: Record<string, { allow: Role[] | 'public'; hidden?: Role[] }> = {
  'GET /health': { allow: 'public' },
  'GET /health/detail': { allow: ['admin'] },
  'POST /auth/login': { allow: 'public' },
  'GET /auth/me': { allow: ALL },
  // A person's own portal language: anyone signed in who may write (an auditor writes nothing, not even this).
  'PUT /auth/me/language': { allow: ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist'] },
  'PUT /auth/me/password': { allow: ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist'] },
  'GET /users': { allow: ['admin'] },
  'POST /users': { allow: ['admin'] },
  'POST /users/{id}/disable': { allow: ['admin'] },
  'POST /users/{id}/enable': { allow: ['admin'] },
  'POST /users/{id}/sign-out': { allow: ['admin'] },
  'PUT /users/{id}/password': { allow: ['admin'] },
  'GET /agencies/{code}/api-keys': { allow: ['admin', 'agency', 'auditor'] },
  'POST /agencies/{code}/api-keys': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/api-keys/{id}/revoke': { allow: ['admin', 'agency'] },
  'GET /templates': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}/versions/{version}': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}/compare': { allow: ['admin', 'auditor'] },
  'POST /templates': { allow: ['admin'] },
  'POST /cycles': { allow: ['admin'] },
  'GET /cycles': { allow: ALL },
  'GET /cycles/{cycleId}': { allow: ALL },
  'POST /cycles/{cycleId}/stages/{stageKey}/open': { allow: ['admin'] },
  'POST /cycles/{cycleId}/stages/{stageKey}/close': { allow: ['admin'] },
  'POST /cycles/{cycleId}/stages/{stageKey}/extend': { allow: ['admin'] },
  'POST /cycles/{cycleId}/pause': { allow: ['admin'] },
  'POST /cycles/{cycleId}/resume': { allow: ['admin'] },
  'PUT /repetitions/{programme}': { allow: ['admin'] },
  'GET /repetitions/{programme}': { allow: ['admin', 'auditor'] },
  'DELETE /repetitions/{programme}': { allow: ['admin'] },
  'POST /repetitions/{programme}/trigger': { allow: ['admin'] },
  'POST /cycles/{cycleId}/screening/decisions': { allow: ['admin'] },
  'GET /agencies': { allow: ['admin', 'auditor'] },
  'GET /agencies/{code}': { allow: ['admin', 'auditor', 'agency', 'agency-unit'] },
  'POST /agencies': { allow: ['admin'] },
  'POST /agencies/import': { allow: ['admin'] },
  'POST /cycles/{cycleId}/entries': { allow: ['admin', 'agency'] },
  'GET /cycles/{cycleId}/entries': { allow: ALL },
  'GET /cycles/{cycleId}/entries.csv': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/dashboard': { allow: ['admin', 'auditor'] },
  'GET /entries/{entryId}': { allow: ALL, hidden: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'PATCH /entries/{entryId}': { allow: ['agency'], hidden: ['agency'] },
  'POST /entries/{entryId}/withdraw': { allow: ['agency'], hidden: ['agency'] },
  // Lineage: whoever may see the entry; it lists other agencies' entries only by their public facts.
  'GET /entries/{entryId}/lineage': { allow: ALL, hidden: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  // Mean scores: the secretariat and auditors; an agency only its own entry's (the template decides which stages).
  'GET /entries/{entryId}/scores': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit'],
    hidden: ['agency', 'agency-unit'],
  },
  'PUT /agencies/{code}/preferences': { allow: ['admin', 'agency'] },
  'GET /agencies/{code}/webhooks': { allow: ['admin', 'agency', 'auditor'] },
  'POST /agencies/{code}/webhooks': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/rotate-secret': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/enable': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/disable': { allow: ['admin', 'agency'] },
  'GET /deliveries': { allow: ['admin', 'auditor'] },
  'GET /notices/{noticeId}/deliveries': { allow: ['admin', 'auditor', 'agency'] },
  'POST /notices/{noticeId}/resend': { allow: ['admin'] },
  'GET /mail-sink/messages': { allow: ['admin'] },
  'GET /mail-sink/messages/{id}/raw': { allow: ['admin'] },
  'GET /mail-sink/messages/{id}/attachments/{index}': { allow: ['admin'] },
  'GET /inbox': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'GET /inbox/unread-count': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'POST /inbox/{noticeId}/read': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  // Drafts stay inside the agency: its units write and send them, its Admin Lokal returns or submits them. The
  // draft asked for here is nobody's, so it looks absent.
  'POST /cycles/{cycleId}/drafts': { allow: ['agency', 'agency-unit'] },
  'GET /drafts': { allow: ['agency', 'agency-unit'] },
  'GET /drafts/{draftId}': { allow: ['agency', 'agency-unit'], hidden: ['agency', 'agency-unit'] },
  'PUT /drafts/{draftId}': { allow: ['agency', 'agency-unit'] },
  'DELETE /drafts/{draftId}': { allow: ['agency', 'agency-unit'], hidden: ['agency', 'agency-unit'] },
  'POST /drafts/{draftId}/send-for-review': { allow: ['agency-unit'], hidden: ['agency-unit'] },
  'POST /drafts/{draftId}/return': { allow: ['agency'] },
  'POST /drafts/{draftId}/submit': { allow: ['agency'], hidden: ['agency'] },
  'POST /cycles/{cycleId}/evaluators': { allow: ['admin'] },
  'GET /cycles/{cycleId}/evaluators': { allow: ['admin', 'auditor'] },
  'POST /entries/{entryId}/desk-scores': { allow: ['evaluator'], hidden: ['evaluator'] },
  'GET /entries/{entryId}/desk-scores': { allow: ['admin', 'auditor', 'evaluator'], hidden: ['evaluator'] },
  'GET /entries/{entryId}/desk-assignments': { allow: ['admin', 'auditor'] },
  'POST /entries/{entryId}/conflicts': { allow: ['evaluator'], hidden: ['evaluator'] },
  'POST /entries/{entryId}/desk-assignments/reassign': { allow: ['admin'] },
  // An evaluator's own work queue across cycles.
  'GET /desk-queue': { allow: ['evaluator'] },
  'GET /interview-agenda': { allow: ['panelist'] },
  'GET /cycles/{cycleId}/desk-assignments': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-assignments/verify': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-missing-scores': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-results': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/selection': { allow: ['admin', 'auditor'] },
  // Uji publik: anyone reads the published nominees and may object to one; whoever holds the e-mailed link confirms.
  'GET /cycles/{cycleId}/nominees': { allow: 'public' },
  'POST /cycles/{cycleId}/objections': { allow: 'public' },
  'POST /cycles/{cycleId}/objections/{objectionId}/confirmation': { allow: 'public' },
  'GET /cycles/{cycleId}/objections': { allow: ['admin', 'auditor'] },
  'POST /cycles/{cycleId}/objections/{objectionId}/resolution': { allow: ['admin'] },
  // Field verification: visitors read their own visits (the list is narrowed) and record outcomes of their own.
  'POST /cycles/{cycleId}/field-visits': { allow: ['admin'] },
  'GET /cycles/{cycleId}/field-visits': { allow: ['admin', 'auditor', 'panelist', 'evaluator'] },
  'POST /field-visits/{visitId}/outcome': { allow: ['admin', 'panelist', 'evaluator'] },
  // Interview: panelists read the panels and the schedule; an agency sees and moves only its own bookings.
  'PUT /cycles/{cycleId}/interview-panels': { allow: ['admin'] },
  // A panelist reads only the panels they sit on; this one sits on none of the cycle's.
  'GET /cycles/{cycleId}/interview-panels': { allow: ['admin', 'auditor', 'panelist'], hidden: ['panelist'] },
  'PUT /cycles/{cycleId}/interview-availability': { allow: ['admin', 'agency'] },
  'GET /cycles/{cycleId}/interview-schedule': {
    allow: ['admin', 'auditor', 'panelist', 'agency'],
    hidden: ['panelist'],
  },
  'GET /cycles/{cycleId}/interview-schedule/verify': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/interview-slots/free': { allow: ['admin', 'agency'] },
  'GET /entries/{entryId}/interview': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit', 'panelist'],
    hidden: ['agency', 'agency-unit', 'panelist'],
  },
  'GET /entries/{entryId}/interview/calendar.ics': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit', 'panelist'],
    hidden: ['agency', 'agency-unit', 'panelist'],
  },
  'POST /entries/{entryId}/interview/confirm': { allow: ['agency'], hidden: ['agency'] },
  'POST /entries/{entryId}/interview/move': { allow: ['agency', 'admin'], hidden: ['agency'] },
  'POST /entries/{entryId}/interview/attendance': { allow: ['panelist'], hidden: ['panelist'] },
  'POST /entries/{entryId}/interview/scores': { allow: ['panelist'], hidden: ['panelist'] },
  // Plenary: panelists sit and vote, the secretariat records and closes; announced results are public.
  // A panelist who does not sit in the cycle's plenary finds none.
  'GET /cycles/{cycleId}/plenary': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'POST /cycles/{cycleId}/plenary/attendance': { allow: ['admin', 'panelist'] },
  'POST /cycles/{cycleId}/plenary/overrides': { allow: ['admin', 'panelist'] },
  'POST /cycles/{cycleId}/plenary/votes': { allow: ['panelist'] },
  'POST /cycles/{cycleId}/plenary/close': { allow: ['admin'] },
  'GET /cycles/{cycleId}/decisions': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'GET /cycles/{cycleId}/decisions/{sequence}': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'POST /cycles/{cycleId}/decisions/corrections': { allow: ['admin'] },
  'GET /cycles/{cycleId}/results': { allow: 'public' },
  // The announced decision's berita acara (HTML) is public with the results; before the announcement, 404.
  'GET /cycles/{cycleId}/results/document': { allow: 'public' },
  'GET /audit/workflows': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/history': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/timeline': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/replay': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/replay': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/export': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/cross-check': { allow: ['admin', 'auditor'] },
  'POST /audit/cycles/{cycleId}/seal': { allow: ['admin'] },
  'GET /audit/entries/{entryId}/state': { allow: ['admin', 'auditor'] },
  'GET /audit/log': { allow: ['admin', 'auditor'] },
  'GET /audit/log/verify': { allow: ['admin', 'auditor'] },
};
