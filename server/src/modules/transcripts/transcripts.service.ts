/** The transcripts module's front door: reading a transcript file into turns (parsing runs in a worker). */
export { readTranscript } from './transcripts.parse.js';
export type { Turn } from './transcripts.parse.js';
export { readTranscriptFile } from './transcripts.read.js';
