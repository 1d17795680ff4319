/** What the news articles of the seed material state, as data (see the two modules for the details). */
export { sources, type SourceFact } from './data/article-sources.ts';
export { campaigns, observations, offices, priorities, statedTotals, type CampaignFact, type ObservationFact, type OfficeFact, type PriorityFact } from './data/article-facts.ts';
