// The public entry for tests outside the server package (`@pantau/server/testing`).
export { listenForTest, manualClock, type TestServer } from '../protection/test-server.ts';
export { graphqlClient, type GraphQLResult } from './graphql-client.ts';
