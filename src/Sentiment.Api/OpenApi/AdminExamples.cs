using Sentiment.Api.Operations;
using Sentiment.Api.Scoring;

namespace Sentiment.Api.OpenApi;

/// <summary>Examples of <c>POST /admin/reload</c>; the errors are built by the code that answers.</summary>
internal static class AdminExamples
{
    public static readonly EndpointExamples Reload = new(
        [],
        [
            new(200, "Every bundle passed its checks and now answers.", new NamedExample("reloaded", """
                { "results": [ { "model": "sentiment-lstm", "result": "reloaded", "version": "2.1.0", "previousVersion": "2.0.0" } ] }
                """)),
            new(422, "A bundle failed a check; its previous version keeps serving.", new NamedExample("altered file", """
                { "results": [ { "model": "sentiment-lstm", "result": "refused", "version": "2.0.0", "previousVersion": "2.0.0",
                  "file": "/app/models/vocab.json",
                  "reason": "SHA-256 is 5d0c0a3b5f0e4a0c1b9bd3e29a51c0a4f2b4d1c5e6f7a8b9c0d1e2f3a4b5c6d7 but model.json says 0f4d3f5e1c2b7a8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d; the file was changed or belongs to another model." } ] }
                """)),
            ApiExamples.NoKey,
            new(403, "The key is not marked Admin, or no keys are configured and Admin:AllowUnauthenticated is not set.",
                ApiExamples.Problem("not an admin key", Problems.Forbidden("Reloading needs an API key marked Admin (Auth:ApiKeys:<n>:Admin)."))),
            new(404, "No model has the name given in 'model'.",
                ApiExamples.Problem("unknown model", Problems.UnknownModel("sentiment-xx", ["sentiment-lstm"]))),
            ApiExamples.NotLoaded,
        ]);
}
