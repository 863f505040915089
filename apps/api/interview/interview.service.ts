// moved to apps/api/interview/interview.module.ts: import InterviewModule in ApiModule and drop this provider
export { InterviewBookingService as InterviewService } from './interview-booking.service';
