// Latchkey's Swagger UI: the document this server publishes, not the webjar's Petstore default.
// "Authorize" offers both schemes of the document (X-API-Key and bearer); persistAuthorization keeps what you
// entered across reloads, in this browser's local storage only.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: new URL("/openapi", window.location.origin).href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    // A key is a secret: keep the document from being fetched from anywhere but this server.
    queryConfigEnabled: false,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"
  });
};
