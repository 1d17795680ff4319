/* global document, React, ReactDOM, GraphiQL */
// Starts GraphiQL with the README's example queries as tabs (read from the page, not inline script).
const config = JSON.parse(document.getElementById('pantau-graphiql-config').textContent);
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
    defaultTabs: config.tabs.map((query) => ({ query })),
    defaultQuery: config.tabs[0],
  }),
);
